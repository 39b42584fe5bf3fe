// Sends -c messages one by one and waits for each result.
#include "example_common.h"

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  int sent = 0, failed = 0;
  for (int i = 0; i < FLAGS_c; ++i) {
    rocketmq::MQMessage msg(FLAGS_t, "TagA", "KEY" + std::to_string(i), example::Body(i));
    try {
      rocketmq::SendResult r = producer.send(msg);
      std::printf("%s\n", r.toString().c_str());
      ++sent;
    } catch (const rocketmq::MQException& e) {
      std::printf("send %d failed: %s\n", i, e.what());
      ++failed;
    }
  }
  producer.shutdown();
  return example::Finish(sent, failed);
}
