// Pull response handling: status mapping, decoding, client-side tag filter, MIN/MAX_OFFSET.
#include <gtest/gtest.h>

#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/response_code.h"
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

TEST(PullResult, StatusMapping) {
  EXPECT_EQ(MakePullResult(ResponseCode::kSuccess, "FOUND", 0, 5, 0, 10, "")->status,
            PullStatus::kFound);
  EXPECT_EQ(MakePullResult(ResponseCode::kPullNotFound, "", 1, 5, 0, 10, "")->status,
            PullStatus::kNoNewMsg);
  EXPECT_EQ(MakePullResult(ResponseCode::kPullRetryImmediately, "", 0, 5, 0, 10, "")->status,
            PullStatus::kNoMatchedMsg);
  auto moved = MakePullResult(ResponseCode::kPullOffsetMoved, "", 0, 7, 0, 10, "");
  EXPECT_EQ(moved->status, PullStatus::kOffsetIllegal);
  EXPECT_EQ(moved->next_begin_offset, 7);
  auto err = MakePullResult(ResponseCode::kSubscriptionNotLatest, "stale", 0, 0, 0, 0, "");
  ASSERT_FALSE(err.ok());
  EXPECT_EQ(err.status().code(), ResponseCode::kSubscriptionNotLatest);
  EXPECT_EQ(err.status().message(), "stale");
  EXPECT_STREQ(PullStatusName(PullStatus::kOffsetIllegal), "OFFSET_ILLEGAL");
}

TEST(PullResult, DecodesFiltersAndStampsOffsets) {
  std::string body =
      Record(3, "TagA", "UNIQ3") + Record(4, "TagB") + Record(5, "") + Record(6, "TagC", "UNIQ6");
  auto r = MakePullResult(ResponseCode::kSuccess, "FOUND", 1, 7, 0, 42, body);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->suggest_which_broker_id, 1);
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
  auto r = MakePullResult(ResponseCode::kSuccess, "FOUND", 0, 2, 0, 2, body);
  SubscriptionData sub = SubscriptionData::Build("T", "*", 1);
  ASSERT_TRUE(ProcessPullResult(MessageQueue("T", "b", 0), sub, &*r).ok());
  ASSERT_EQ(r->msg_found_list.size(), 2u);
  // Without UNIQ_KEY the id is the offset message id.
  EXPECT_EQ(r->msg_found_list[1]->msg_id(), r->msg_found_list[1]->offset_msg_id());
}

TEST(PullResult, CorruptBodyIsAnError) {
  std::string body = Record(0, "TagA");
  body.resize(body.size() - 3);
  auto r = MakePullResult(ResponseCode::kSuccess, "FOUND", 0, 2, 0, 2, body);
  SubscriptionData sub = SubscriptionData::Build("T", "*", 1);
  EXPECT_TRUE(ProcessPullResult(MessageQueue("T", "b", 0), sub, &*r).IsCorruption());
}

}  // namespace
}  // namespace rocketmq::consumer
