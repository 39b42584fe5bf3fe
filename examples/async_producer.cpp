// Sends -c messages asynchronously; results arrive on a library thread.
#include <atomic>
#include <chrono>
#include <thread>

#include "example_common.h"

class Callback : public rocketmq::SendCallback {
 public:
  void onSuccess(rocketmq::SendResult& r) override {
    std::printf("%s\n", r.toString().c_str());
    ++ok;
  }
  void onException(rocketmq::MQException& e) noexcept override {
    std::printf("send failed: %s\n", e.what());
    ++failed;
  }
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
};

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  Callback callback;  // outlives every send: shutdown() waits for them
  for (int i = 0; i < FLAGS_c; ++i) {
    rocketmq::MQMessage msg(FLAGS_t, "TagA", example::Body(i));
    producer.send(msg, &callback);
  }
  producer.shutdown();
  return example::Finish(callback.ok.load(), callback.failed.load());
}
