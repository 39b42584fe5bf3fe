// Pull result processing: decoding, client-side tag filter, MIN/MAX_OFFSET, client msg ids.
#include <gtest/gtest.h>

#include <optional>
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "consumer/pull_result.h"

namespace rocketmq::consumer {
namespace {

std::string Record(int64_t offset, const std::string& tags, const std::string& uniq = "") {
  MessageExt m;
  m.set_topic("T");
  m.set_queue_id(1);
  m.set_queue_offset(offset);
  m.set_commit_log_offset(1000 + offset * 100);
  m.set_body("body" + std::to_string(offset));
  if (!tags.empty()) m.set_tags(tags);
  if (!uniq.empty()) m.set_unique_key(uniq);
  m.set_born_host(*SocketAddress::Parse("127.0.0.1:5000"));
  m.set_store_host(*SocketAddress::Parse("127.0.0.1:10911"));
  return *EncodeStoredMessage(m);
}

// A FOUND result as ClientApi::ProcessPullResponse hands it over.
PullResult Found(int64_t suggest, int64_t next, int64_t min, int64_t max, std::string body) {
  PullResult r;
  r.status = PullStatus::kFound;
  r.suggest_which_broker_id = suggest;
  r.next_begin_offset = next;
  r.min_offset = min;
  r.max_offset = max;
  r.message_binary = std::move(body);
  return r;
}

TEST(PullResult, DecodesFiltersAndStampsOffsets) {
  std::string body =
      Record(3, "TagA", "UNIQ3") + Record(4, "TagB") + Record(5, "") + Record(6, "TagC", "UNIQ6");
  auto r = std::make_optional(Found(1, 7, 0, 42, body));
  MessageQueue mq("T", "broker-a", 1);
  SubscriptionData sub = SubscriptionData::Build("T", "TagA || TagC", 1);
  ASSERT_TRUE(ProcessPullResult(mq, sub, &*r).ok());
  EXPECT_TRUE(r->message_binary.empty());
  ASSERT_EQ(r->msg_found_list.size(), 2u);
  const MessageExt& a = *r->msg_found_list[0];
  EXPECT_EQ(a.queue_offset(), 3);
  EXPECT_EQ(a.body(), "body3");
  EXPECT_EQ(a.GetProperty(kPropertyMinOffset), "0");
  EXPECT_EQ(a.GetProperty(kPropertyMaxOffset), "42");
  EXPECT_EQ(a.broker_name(), "broker-a");
  EXPECT_EQ(a.msg_id(), "UNIQ3");  // the client message id, as Java's MessageClientExt
  EXPECT_NE(a.offset_msg_id(), "UNIQ3");
  EXPECT_EQ(r->msg_found_list[1]->queue_offset(), 6);
}

TEST(PullResult, NoTagFilterForStar) {
  std::string body = Record(0, "TagA") + Record(1, "");
  auto r = std::make_optional(Found(0, 2, 0, 2, body));
  SubscriptionData sub = SubscriptionData::Build("T", "*", 1);
  ASSERT_TRUE(ProcessPullResult(MessageQueue("T", "b", 0), sub, &*r).ok());
  ASSERT_EQ(r->msg_found_list.size(), 2u);
  // Without UNIQ_KEY the id is the offset message id.
  EXPECT_EQ(r->msg_found_list[1]->msg_id(), r->msg_found_list[1]->offset_msg_id());
}

TEST(PullResult, CorruptBodyIsAnError) {
  std::string body = Record(0, "TagA");
  body.resize(body.size() - 3);
  auto r = std::make_optional(Found(0, 2, 0, 2, body));
  SubscriptionData sub = SubscriptionData::Build("T", "*", 1);
  EXPECT_TRUE(ProcessPullResult(MessageQueue("T", "b", 0), sub, &*r).IsCorruption());
}

TEST(PullResult, NotFoundReleasesTheBinary) {
  PullResult r = Found(0, 2, 0, 2, "whatever");
  r.status = PullStatus::kNoNewMsg;
  SubscriptionData sub = SubscriptionData::Build("T", "*", 1);
  ASSERT_TRUE(ProcessPullResult(MessageQueue("T", "b", 0), sub, &r).ok());
  EXPECT_TRUE(r.msg_found_list.empty());
  EXPECT_TRUE(r.message_binary.empty());
}

}  // namespace
}  // namespace rocketmq::consumer
