// The requesting side of request-reply: sends -c requests to -t and waits for each reply (up to
// --timeout ms). Replies come from any consumer of -t that answers with createReplyMessage() and
// a producer's send() (for example Java's RequestReply consumer example). Prints each reply and
// counts a request as sent when its reply arrived.
#include <condition_variable>
#include <mutex>

#include "example_common.h"

DEFINE_int32(timeout, 3000, "ms to wait for each reply");
DEFINE_bool(async, false, "use request(msg, callback, timeout) and wait for all callbacks");

namespace {

class PrintingCallback : public rocketmq::RequestCallback {
 public:
  void onSuccess(rocketmq::MQMessage& reply) override {
    std::printf("reply: %s\n", reply.getBody().c_str());
    Done(true);
  }
  void onException(rocketmq::MQException& e) noexcept override {
    std::printf("request failed: %s\n", e.what());
    Done(false);
  }
  void Wait(int n) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return ok_ + failed_ >= n; });
  }
  int ok_ = 0, failed_ = 0;  // guarded by mu_ until Wait returned

 private:
  void Done(bool ok) {
    std::lock_guard<std::mutex> lock(mu_);
    (ok ? ok_ : failed_)++;
    cv_.notify_all();
  }
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  int sent = 0, failed = 0;
  if (FLAGS_async) {
    PrintingCallback callback;
    for (int i = 0; i < FLAGS_c; ++i) {
      rocketmq::MQMessage msg(FLAGS_t, "TagReq", example::Body(i));
      try {
        producer.request(msg, &callback, FLAGS_timeout);
      } catch (const rocketmq::MQException& e) {
        std::printf("request %d failed: %s\n", i, e.what());
        ++failed;
      }
    }
    callback.Wait(FLAGS_c - failed);
    sent = callback.ok_;
    failed += callback.failed_;
  } else {
    for (int i = 0; i < FLAGS_c; ++i) {
      rocketmq::MQMessage msg(FLAGS_t, "TagReq", example::Body(i));
      try {
        rocketmq::MQMessage reply = producer.request(msg, FLAGS_timeout);
        std::printf("reply: %s\n", reply.getBody().c_str());
        ++sent;
      } catch (const rocketmq::MQException& e) {
        std::printf("request %d failed: %s: %s\n", i, e.GetType(), e.what());
        ++failed;
      }
    }
  }
  producer.shutdown();
  return example::Finish(sent, failed);
}
