// Helpers of the consumer integration tests: listeners that record what they receive, and a
// fixture that sends numbered messages through the bundled broker.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "integration/broker_test_util.h"
#include "rocketmq/default_mq_push_consumer.h"

namespace rocketmq::test {

// Records every delivery: body -> times seen, and the bodies in delivery order per queue.
class Recorder {
 public:
  void Record(const std::string& who, const MQMessageExt& m) {
    std::lock_guard<std::mutex> lock(mu_);
    ++seen_[m.getBody()];
    ++by_consumer_[who];
    per_queue_[m.getBrokerName() + "/" + std::to_string(m.getQueueId())].push_back(m.getBody());
    last_ = m;
    ++total_;
  }
  size_t distinct() const {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_.size();
  }
  size_t total() const {
    std::lock_guard<std::mutex> lock(mu_);
    return total_;
  }
  std::map<std::string, int> seen() const {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_;
  }
  std::map<std::string, int> by_consumer() const {
    std::lock_guard<std::mutex> lock(mu_);
    return by_consumer_;
  }
  std::map<std::string, std::vector<std::string>> per_queue() const {
    std::lock_guard<std::mutex> lock(mu_);
    return per_queue_;
  }
  MQMessageExt last() const {
    std::lock_guard<std::mutex> lock(mu_);
    return last_;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, int> seen_;
  std::map<std::string, int> by_consumer_;
  std::map<std::string, std::vector<std::string>> per_queue_;
  MQMessageExt last_;
  size_t total_ = 0;
};

class RecordingListener : public MessageListenerConcurrently {
 public:
  RecordingListener(std::string name, Recorder* recorder, ConsumeStatus status = CONSUME_SUCCESS)
      : name_(std::move(name)), recorder_(recorder), status_(status) {}
  ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    for (const auto& m : msgs) recorder_->Record(name_, m);
    return status_;
  }

 private:
  std::string name_;
  Recorder* recorder_;
  ConsumeStatus status_;
};

class RecordingOrderlyListener : public MessageListenerOrderly {
 public:
  RecordingOrderlyListener(std::string name, Recorder* recorder)
      : name_(std::move(name)), recorder_(recorder) {}
  ConsumeOrderlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    for (const auto& m : msgs) recorder_->Record(name_, m);
    return SUCCESS;
  }

 private:
  std::string name_;
  Recorder* recorder_;
};

class ConsumerFixture : public BrokerFixture {
 protected:
  std::string NamesrvAddr() const { return "127.0.0.1:" + std::to_string(namesrv_->port()); }

  // Sends `count` messages "<prefix>-<i>" round-robin over `queues` queues, with tag `tag`.
  void SendNumbered(const std::string& topic, int queues, int count, const std::string& prefix,
                    const std::string& tag = "TagA", int first = 0) {
    for (int i = first; i < first + count; ++i) {
      RemotingCommand r = Call(
          SendV2(topic, i % queues,
                 Props({{"TAGS", tag}, {"UNIQ_KEY", prefix + std::to_string(i)}, {"WAIT", "true"}}),
                 prefix + "-" + std::to_string(i)));
      ASSERT_EQ(r.code(), 0) << r.remark().value_or("");
    }
  }

  // A consumer of `group` on `topic` with the usual test settings.
  std::unique_ptr<DefaultMQPushConsumer> MakeConsumer(const std::string& group,
                                                      const std::string& instance,
                                                      const std::string& topic,
                                                      const std::string& expression = "*") {
    auto c = std::make_unique<DefaultMQPushConsumer>(group);
    c->setNamesrvAddr(NamesrvAddr());
    c->setInstanceName(instance);
    c->setClientIP("127.0.0.1");
    c->subscribe(topic, expression);
    c->setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
    c->setConsumeThreadMin(4);
    c->setConsumeThreadMax(4);
    c->setOffsetStoreDir(dir_.path() + "/offsets");
    return c;
  }
};

}  // namespace rocketmq::test
