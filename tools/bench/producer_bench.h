// mqbench producer: Java 4.9.8's benchmark Producer (example/.../benchmark/Producer.java) with its
// options, defaults and output lines, plus our additions (docs/mqbench.md).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace rocketmq::bench {

// Runs the producer benchmark with `args` (the words after "producer"), printing Java's stdout
// text to `out` and our error messages to `err`. Returns 0 when every send succeeded, 1 when a
// send failed or the options are bad (0 for -h). Stops after -q messages, --duration_s seconds or
// RequestStop(), whichever comes first; without them it runs until RequestStop().
int RunProducer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace rocketmq::bench
