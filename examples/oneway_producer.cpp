// Sends -c messages without waiting for any answer (fire and forget).
#include "example_common.h"

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  int sent = 0, failed = 0;
  for (int i = 0; i < FLAGS_c; ++i) {
    rocketmq::MQMessage msg(FLAGS_t, "TagA", example::Body(i));
    try {
      producer.sendOneway(msg);
      ++sent;
    } catch (const rocketmq::MQException& e) {
      std::printf("send %d failed: %s\n", i, e.what());
      ++failed;
    }
  }
  producer.shutdown();
  return example::Finish(sent, failed);
}
