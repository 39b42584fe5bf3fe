// A push consumer with an orderly listener: each queue's messages arrive one batch at a time in
// queue order, while this instance holds the queue's broker lock. Receives -c messages.
#include "consumer_example_common.h"

class Listener : public rocketmq::MessageListenerOrderly {
 public:
  rocketmq::ConsumeOrderlyStatus consumeMessage(
      const std::vector<rocketmq::MQMessageExt>& msgs) override {
    for (const auto& m : msgs) {
      example::Print(m);
      ++received;
    }
    return rocketmq::SUCCESS;
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
