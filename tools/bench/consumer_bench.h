// mqbench consumer: Java 4.9.8's benchmark Consumer (example/.../benchmark/Consumer.java) with its
// options, defaults and output line, plus our additions (docs/mqbench.md): -q to stop after N
// messages with a [Complete] line whose TPS counts the active time only.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace rocketmq::bench {

// Runs the push-consumer benchmark with `args` (the words after "consumer"). Stops once -q
// messages arrived (then also after --duration_s seconds without a new one), after --duration_s
// seconds when there is no -q, or on RequestStop(); without any of them it runs until
// RequestStop(). Returns 1 on bad options or when -q was not reached, else 0.
int RunConsumer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace rocketmq::bench
