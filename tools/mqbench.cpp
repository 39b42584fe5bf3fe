// mqbench: the load generator, with the command lines and output of Java 4.9.8's benchmark tools
// (docs/mqbench.md):
//   mqbench producer [-n ns] [-t topic] [-w threads] [-s size] [-q quantity] [-y true] ...
//   mqbench batch    [-n ns] [-t topic] [-w threads] [-s size] [-b batchSize] ...
//   mqbench consumer [-n ns] [-t topic] [-g group] [-w threads] [-q quantity] ...
// `mqbench <command> -h` prints the options. SIGINT/SIGTERM end a run with its [Complete] line
// (a second one kills the process).
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "tools/bench/batch_bench.h"
#include "tools/bench/bench_runtime.h"
#include "tools/bench/consumer_bench.h"
#include "tools/bench/producer_bench.h"

namespace {

void OnStopSignal(int signo) {
  rocketmq::bench::RequestStop();
  std::signal(signo, SIG_DFL);
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage =
      "usage: mqbench producer|batch|consumer [options]  (mqbench <command> -h lists them)\n";
  if (argc < 2) {
    std::cerr << usage;
    return 2;
  }
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  const std::vector<std::string> args(argv + 2, argv + argc);
  const std::string command = argv[1];
  if (command == "producer") return rocketmq::bench::RunProducer(args, std::cout, std::cerr);
  if (command == "batch") return rocketmq::bench::RunBatchProducer(args, std::cout, std::cerr);
  if (command == "consumer") return rocketmq::bench::RunConsumer(args, std::cout, std::cerr);
  if (command == "-h" || command == "--help") {
    std::cout << usage;
    return 0;
  }
  std::cerr << "mqbench: unknown command '" << command << "'\n" << usage;
  return 2;
}
