// mqbench batch: Java 4.9.8's benchmark BatchProducer (example/.../benchmark/BatchProducer.java)
// with its options, defaults and output line, plus our additions (docs/mqbench.md).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace rocketmq::bench {

// Runs the batch producer benchmark with `args` (the words after "batch"). Java's BatchProducer
// runs until killed; ours also stops after --duration_s seconds or RequestStop() and then prints
// a [Complete] line. Returns 0 when every batch was stored (SEND_OK), else 1.
int RunBatchProducer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace rocketmq::bench
