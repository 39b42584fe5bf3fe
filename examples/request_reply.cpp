// Request-reply: sends -c requests to -t and waits for each reply (up to --timeout ms), counting
// a request as sent when its reply arrived. By default the program also runs the answering
// side itself: a push consumer of -t (group --responder_group) that answers every request with
// createReplyMessage() and a producer's send(), so it works on its own against any cluster. With
// --responder=false the replies must come from elsewhere, e.g. Java's RequestReply consumer
// example or another run of this program.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

#include "example_common.h"

DEFINE_int32(timeout, 3000, "ms to wait for each reply");
DEFINE_bool(async, false, "use request(msg, callback, timeout) and wait for all callbacks");
DEFINE_bool(responder, true, "also answer the requests from this process (a push consumer of -t)");
DEFINE_string(responder_group, "example_responder_group", "consumer group of the responder");

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

// The answering side: consumes the requests (tag TagReq) of -t and sends each one's reply. A
// failed reply is reported and otherwise ignored: the requester then sees a timeout.
class Responder : public rocketmq::MessageListenerConcurrently {
 public:
  Responder() : consumer_(FLAGS_responder_group), producer_(FLAGS_responder_group + "_reply") {}

  void Start() {
    producer_.setNamesrvAddr(FLAGS_n);
    producer_.start();
    // The consumer must find the topic's route when it starts; a broker with
    // autoCreateTopicEnable creates the topic on this first send (its tag is not subscribed).
    // It goes through the responder's producer: the requester's first request() must be the
    // one that fetches the route, as that also sends the heartbeat the broker needs to push
    // replies to it (Java prepareSendRequest).
    rocketmq::MQMessage warmup(FLAGS_t, "TagWarmup", "creates the topic");
    producer_.send(warmup);
    consumer_.setNamesrvAddr(FLAGS_n);
    consumer_.subscribe(FLAGS_t, "TagReq");
    consumer_.registerMessageListener(this);
    consumer_.start();
  }
  void Shutdown() {
    consumer_.shutdown();
    producer_.shutdown();
  }

  rocketmq::ConsumeConcurrentlyStatus consumeMessage(
      const std::vector<rocketmq::MQMessageExt>& msgs) override {
    for (const auto& request : msgs) {
      try {
        rocketmq::MQMessage reply =
            rocketmq::createReplyMessage(request, "reply to " + request.getBody());
        producer_.send(reply);
        ++answered_;
      } catch (const rocketmq::MQException& e) {
        std::fprintf(stderr, "responder: cannot answer %s: %s\n", request.getMsgId().c_str(),
                     e.what());
      }
    }
    return rocketmq::CONSUME_SUCCESS;
  }
  int answered() const { return answered_.load(); }

 private:
  rocketmq::DefaultMQPushConsumer consumer_;
  rocketmq::DefaultMQProducer producer_;
  std::atomic<int> answered_{0};
};

}  // namespace

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  example::StartProducer(producer);
  std::unique_ptr<Responder> responder;
  if (FLAGS_responder) {
    responder = std::make_unique<Responder>();
    try {
      responder->Start();
    } catch (const rocketmq::MQException& e) {
      std::printf("cannot start the responder: %s\n", e.what());
      return 1;
    }
  }
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
  if (responder) {
    responder->Shutdown();
    std::fprintf(stderr, "responder answered %d requests\n", responder->answered());
  }
  return example::Finish(sent, failed);
}
