// DefaultMQProducer against the bundled NameServer + broker: every send mode stores exactly the
// bytes sent in the queue the SendResult names.
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "common/message_const.h"
#include "integration/producer_test_util.h"

namespace rocketmq::test {
namespace {

class ProducerTest : public ProducerFixture {};

TEST_F(ProducerTest, SyncSendStoresExactBytesInTheReportedQueue) {
  ASSERT_EQ(CreateTopic("SyncTopic", 4).code(), 0);
  auto producer = MakeProducer("sync_pg");
  producer->start();
  std::map<int, std::vector<std::pair<int64_t, std::string>>> sent;  // queue -> (offset, body)
  std::map<std::string, std::string> ids;                            // uniq -> body
  for (int i = 0; i < 20; ++i) {
    std::string body = "body-" + std::to_string(i) + std::string(1, '\0') + "\xff";
    MQMessage msg("SyncTopic", "TagA", "KEY" + std::to_string(i), body);
    SendResult r = producer->send(msg);
    EXPECT_EQ(r.getSendStatus(), SEND_OK);
    EXPECT_EQ(r.getMessageQueue().getTopic(), "SyncTopic");
    EXPECT_EQ(r.getMessageQueue().getBrokerName(), "broker-a");
    EXPECT_EQ(r.getMsgId().size(), 32u);
    EXPECT_EQ(r.getOffsetMsgId().size(), 32u);
    EXPECT_EQ(msg.getProperty("UNIQ_KEY"), r.getMsgId());
    sent[r.getMessageQueue().getQueueId()].push_back({r.getQueueOffset(), body});
    ids[r.getMsgId()] = body;
  }
  // Round robin spreads over all four queues.
  EXPECT_EQ(sent.size(), 4u);
  for (const auto& [queue, list] : sent) {
    auto stored = PullAll(BrokerAddr(), "SyncTopic", queue, list.size());
    ASSERT_EQ(stored.size(), list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(stored[i].queue_offset(), list[i].first);
      EXPECT_EQ(stored[i].body(), list[i].second);
      EXPECT_EQ(ids[stored[i].unique_key()], list[i].second);
      EXPECT_EQ(stored[i].tags(), "TagA");
    }
  }
  producer->shutdown();
}

}  // namespace
}  // namespace rocketmq::test
