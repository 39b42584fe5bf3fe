// Sends -c transactional messages. The local transaction commits two of every three messages
// and answers "unknown" for the third, which the broker then checks: the check commits it.
#include <atomic>
#include <chrono>
#include <thread>

#include "example_common.h"

namespace {

class OrderListener : public rocketmq::TransactionListener {
 public:
  rocketmq::LocalTransactionState executeLocalTransaction(const rocketmq::MQMessage& msg,
                                                          void* arg) override {
    const int index = *static_cast<int*>(arg);
    (void)msg;
    return index % 3 == 2 ? rocketmq::UNKNOW : rocketmq::COMMIT_MESSAGE;
  }
  rocketmq::LocalTransactionState checkLocalTransaction(
      const rocketmq::MQMessageExt& msg) override {
    std::printf("check of %s (keys %s): commit\n", msg.getTransactionId().c_str(),
                msg.getKeys().c_str());
    ++checked;
    return rocketmq::COMMIT_MESSAGE;
  }
  std::atomic<int> checked{0};
};

}  // namespace

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  OrderListener listener;
  rocketmq::TransactionMQProducer producer(FLAGS_g);
  producer.setTransactionListener(&listener);
  example::StartProducer(producer);
  int sent = 0, failed = 0, unknown = 0;
  for (int i = 0; i < FLAGS_c; ++i) {
    rocketmq::MQMessage msg(FLAGS_t, "TagTx", "KEY" + std::to_string(i), example::Body(i));
    try {
      rocketmq::TransactionSendResult r = producer.sendMessageInTransaction(msg, &i);
      std::printf("%s %s\n", r.toString().c_str(),
                  rocketmq::LocalTransactionStateName(r.getLocalTransactionState()));
      if (r.getLocalTransactionState() == rocketmq::UNKNOW) ++unknown;
      ++sent;
    } catch (const rocketmq::MQException& e) {
      std::printf("send %d failed: %s\n", i, e.what());
      ++failed;
    }
  }
  // Give the broker's check (first after its transactionTimeOut, default 6 s, scanned every
  // transactionCheckInterval, default 60 s) a chance to reach us; stop after 90 s.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (listener.checked < unknown && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (listener.checked < unknown) {
    std::printf("%d of %d open transactions were not checked yet\n", unknown - listener.checked,
                unknown);
  }
  producer.shutdown();
  return example::Finish(sent, failed);
}
