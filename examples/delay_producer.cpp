// Sends -c messages with delay level -l (default 2 = 5 s): consumers see them after the delay.
#include "example_common.h"

DEFINE_int32(l, 2, "delay level (1..18: 1s 5s 10s 30s 1m ... 2h)");

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  int sent = 0, failed = 0;
  for (int i = 0; i < FLAGS_c; ++i) {
    rocketmq::MQMessage msg(FLAGS_t, "TagA", example::Body(i));
    msg.setDelayTimeLevel(FLAGS_l);
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
