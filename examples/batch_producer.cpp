// Sends -c messages in batches of up to 16 (one request per batch, stored consecutively).
#include <vector>

#include "example_common.h"

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  int sent = 0, failed = 0;
  for (int i = 0; i < FLAGS_c;) {
    std::vector<rocketmq::MQMessage> batch;
    for (; i < FLAGS_c && batch.size() < 16; ++i) {
      batch.emplace_back(FLAGS_t, "TagA", example::Body(i));
    }
    try {
      rocketmq::SendResult r = producer.send(batch);
      std::printf("%s\n", r.toString().c_str());
      sent += static_cast<int>(batch.size());
    } catch (const rocketmq::MQException& e) {
      std::printf("batch failed: %s\n", e.what());
      failed += static_cast<int>(batch.size());
    }
  }
  producer.shutdown();
  return example::Finish(sent, failed);
}
