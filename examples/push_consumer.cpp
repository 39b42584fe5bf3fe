// A clustering push consumer with a concurrent listener: receives -c messages of -t (tag
// expression -e) in group -g, then shuts down, which commits its offsets.
#include "consumer_example_common.h"

class Listener : public rocketmq::MessageListenerConcurrently {
 public:
  rocketmq::ConsumeConcurrentlyStatus consumeMessage(
      const std::vector<rocketmq::MQMessageExt>& msgs) override {
    for (const auto& m : msgs) {
      example::Print(m);
      ++received;
    }
    return rocketmq::CONSUME_SUCCESS;
  }
  std::atomic<int> received{0};
};

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  Listener listener;
  rocketmq::DefaultMQPushConsumer consumer(FLAGS_g);
  consumer.setNamesrvAddr(FLAGS_n);
  consumer.setConsumeFromWhere(rocketmq::CONSUME_FROM_FIRST_OFFSET);
  consumer.subscribe(FLAGS_t, FLAGS_e);
  consumer.registerMessageListener(&listener);
  try {
    consumer.start();
  } catch (const rocketmq::MQException& e) {
    std::printf("start failed: %s\n", e.what());
    return 1;
  }
  example::WaitForCount(listener.received);
  consumer.shutdown();
  return example::Finish(listener.received.load());
}
