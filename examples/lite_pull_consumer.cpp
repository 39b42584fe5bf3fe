// A lite pull consumer in subscribe mode: poll() until -c messages arrived, then commitSync().
#include "consumer_example_common.h"

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultLitePullConsumer consumer(FLAGS_g);
  consumer.setNamesrvAddr(FLAGS_n);
  consumer.setConsumeFromWhere(rocketmq::CONSUME_FROM_FIRST_OFFSET);
  consumer.setAutoCommit(false);
  int received = 0;
  try {
    consumer.subscribe(FLAGS_t, FLAGS_e);
    consumer.start();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(FLAGS_w);
    while (received < FLAGS_c && std::chrono::steady_clock::now() < deadline) {
      for (const auto& m : consumer.poll(1000)) {
        example::Print(m);
        ++received;
      }
    }
    consumer.commitSync();
  } catch (const rocketmq::MQException& e) {
    std::printf("failed: %s\n", e.what());
  }
  consumer.shutdown();
  return example::Finish(received);
}
