// PullApiWrapper's per-queue node choice: the broker id suggested by the last pull response is
// used for the next pull of that queue (protocol.md §8.2).
#include <gtest/gtest.h>

#include "common/message_decoder.h"
#include "consumer/pull_api_wrapper.h"

namespace rocketmq::consumer {
namespace {

TEST(PullApiWrapper, RemembersTheSuggestedBrokerPerQueue) {
  PullApiWrapper wrapper(nullptr, "G");  // the node table needs no client instance
  const MessageQueue q0("T", "broker-a", 0);
  const MessageQueue q1("T", "broker-a", 1);
  EXPECT_EQ(wrapper.RecalculatePullFromWhichNode(q0), 0);  // master until told otherwise
  PullResult r;
  r.status = PullStatus::kNoNewMsg;  // suggestions count for every status
  r.suggest_which_broker_id = 1;
  SubscriptionData sub = SubscriptionData::Build("T", "*", 1);
  ASSERT_TRUE(wrapper.ProcessPullResult(q0, sub, &r).ok());
  EXPECT_EQ(wrapper.RecalculatePullFromWhichNode(q0), 1);
  EXPECT_EQ(wrapper.RecalculatePullFromWhichNode(q1), 0);
  r.suggest_which_broker_id = 0;
  ASSERT_TRUE(wrapper.ProcessPullResult(q0, sub, &r).ok());
  EXPECT_EQ(wrapper.RecalculatePullFromWhichNode(q0), 0);
}

}  // namespace
}  // namespace rocketmq::consumer
