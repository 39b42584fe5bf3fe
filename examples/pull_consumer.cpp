// Low-level pulls: reads every queue of -t from the group's committed offset (0 when none) with
// pull(), until -c messages arrived, then commits the new offsets with commitSync(offsets).
#include <map>

#include "consumer_example_common.h"

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultLitePullConsumer consumer(FLAGS_g);
  consumer.setNamesrvAddr(FLAGS_n);
  int received = 0;
  try {
    consumer.start();
    std::map<rocketmq::MQMessageQueue, int64_t> offsets;
    for (const auto& mq : consumer.fetchMessageQueues(FLAGS_t)) {
      offsets[mq] = std::max<int64_t>(0, consumer.committed(mq));
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(FLAGS_w);
    while (received < FLAGS_c && std::chrono::steady_clock::now() < deadline) {
      bool any = false;
      for (auto& [mq, offset] : offsets) {
        rocketmq::PullResult r = consumer.pull(mq, FLAGS_e, offset, 32);
        for (const auto& m : r.msgFoundList) {
          example::Print(m);
          ++received;
          any = true;
        }
        offset = r.nextBeginOffset;
      }
      if (!any) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    consumer.commitSync(offsets);
  } catch (const rocketmq::MQException& e) {
    std::printf("failed: %s\n", e.what());
  }
  consumer.shutdown();
  return example::Finish(received);
}
