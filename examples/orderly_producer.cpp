// Sends -c messages of 10 "orders"; each order's messages go to one queue, in order.
#include "example_common.h"

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  rocketmq::SelectMessageQueueByHash selector;
  int sent = 0, failed = 0;
  for (int i = 0; i < FLAGS_c; ++i) {
    std::string order_id = "order-" + std::to_string(i % 10);
    rocketmq::MQMessage msg(FLAGS_t, "TagA", order_id, example::Body(i));
    try {
      rocketmq::SendResult r = producer.send(msg, &selector, &order_id);
      std::printf("%s -> %s\n", order_id.c_str(), r.toString().c_str());
      ++sent;
    } catch (const rocketmq::MQException& e) {
      std::printf("send %d failed: %s\n", i, e.what());
      ++failed;
    }
  }
  producer.shutdown();
  return example::Finish(sent, failed);
}
