// ProcessQueue: offset bookkeeping of the concurrent and orderly consume paths.
#include <gtest/gtest.h>

#include "common/message_const.h"
#include "common/time_util.h"
#include "consumer/process_queue.h"

namespace rocketmq::consumer {
namespace {

MessageExtPtr Msg(int64_t offset, size_t body = 10) {
  auto m = std::make_shared<MessageExt>();
  m->set_topic("T");
  m->set_queue_offset(offset);
  m->set_body(std::string(body, 'x'));
  return m;
}

std::vector<MessageExtPtr> Range(int64_t from, int64_t to) {
  std::vector<MessageExtPtr> out;
  for (int64_t o = from; o < to; ++o) out.push_back(Msg(o));
  return out;
}

TEST(ProcessQueue, PutCountsAndDispatchesOnce) {
  ProcessQueue pq;
  EXPECT_TRUE(pq.PutMessages(Range(0, 5)));
  EXPECT_EQ(pq.msg_count(), 5);
  EXPECT_EQ(pq.msg_size(), 50);
  EXPECT_EQ(pq.MaxSpan(), 4);
  // Already marked consuming: no second dispatch; duplicates are not counted.
  EXPECT_FALSE(pq.PutMessages(Range(3, 8)));
  EXPECT_EQ(pq.msg_count(), 8);
  EXPECT_EQ(pq.MaxSpan(), 7);
}

TEST(ProcessQueue, RemoveReturnsLowestPendingOffset) {
  ProcessQueue pq;
  auto msgs = Range(10, 15);
  ASSERT_TRUE(pq.PutMessages(msgs));
  // Finishing out of order: the commit offset stays at the oldest unfinished message.
  EXPECT_EQ(pq.RemoveMessages({msgs[2]}), 10);
  EXPECT_EQ(pq.RemoveMessages({msgs[0]}), 11);
  EXPECT_EQ(pq.RemoveMessages({msgs[1], msgs[3], msgs[4]}), 15);
  EXPECT_EQ(pq.msg_count(), 0);
  EXPECT_EQ(pq.msg_size(), 0);
  EXPECT_EQ(pq.RemoveMessages({msgs[0]}), -1);  // nothing cached
}

TEST(ProcessQueue, MsgAccCntFromMaxOffset) {
  ProcessQueue pq;
  auto msgs = Range(0, 3);
  msgs.back()->PutProperty(kPropertyMaxOffset, "100");
  pq.PutMessages(msgs);
  EXPECT_EQ(pq.msg_acc_cnt(), 98);
}

TEST(ProcessQueue, OrderlyTakeCommitAndConsumeAgain) {
  ProcessQueue pq;
  ASSERT_TRUE(pq.PutMessages(Range(0, 5)));
  auto batch = pq.TakeMessages(2);
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[0]->queue_offset(), 0);
  EXPECT_EQ(batch[1]->queue_offset(), 1);
  ProcessQueueInfo info;
  pq.FillProcessQueueInfo(&info);
  EXPECT_EQ(info.transaction_msg_count, 2);
  EXPECT_EQ(info.cached_msg_count, 3);
  // Suspend: put the batch back, it comes out again first.
  pq.MakeMessagesToConsumeAgain(batch);
  batch = pq.TakeMessages(3);
  ASSERT_EQ(batch.size(), 3u);
  EXPECT_EQ(batch[0]->queue_offset(), 0);
  EXPECT_EQ(pq.Commit(), 3);
  EXPECT_EQ(pq.msg_count(), 2);
  EXPECT_EQ(pq.Commit(), -1);
  batch = pq.TakeMessages(10);
  EXPECT_EQ(batch.size(), 2u);
  pq.Rollback();
  EXPECT_TRUE(pq.HasTempMessage());
  EXPECT_EQ(pq.TakeMessages(10).size(), 2u);
  EXPECT_EQ(pq.Commit(), 5);
  // Nothing left: TakeMessages stops the consuming mark, so the next put dispatches again.
  EXPECT_TRUE(pq.TakeMessages(1).empty());
  EXPECT_TRUE(pq.PutMessages(Range(5, 6)));
}

TEST(ProcessQueue, ClearAndFlags) {
  ProcessQueue pq;
  pq.PutMessages(Range(0, 3));
  pq.Clear();
  EXPECT_EQ(pq.msg_count(), 0);
  EXPECT_FALSE(pq.HasTempMessage());
  EXPECT_FALSE(pq.dropped());
  pq.set_dropped(true);
  EXPECT_TRUE(pq.dropped());
  EXPECT_FALSE(pq.IsLockExpired());
  pq.set_last_lock_timestamp(NowMillis() - ProcessQueue::kRebalanceLockMaxLiveTimeMs - 1);
  EXPECT_TRUE(pq.IsLockExpired());
  EXPECT_FALSE(pq.IsPullExpired());
}

TEST(ProcessQueue, FirstExpiredMessage) {
  ProcessQueue pq;
  auto msgs = Range(0, 2);
  msgs[0]->PutProperty(kPropertyConsumeStartTimestamp, std::to_string(NowMillis() - 60000));
  pq.PutMessages(msgs);
  EXPECT_EQ(pq.FirstExpiredMessage(120000), nullptr);
  auto expired = pq.FirstExpiredMessage(1000);
  ASSERT_NE(expired, nullptr);
  EXPECT_EQ(expired->queue_offset(), 0);
  EXPECT_EQ(pq.FirstCachedOffset(), 0);
}

}  // namespace
}  // namespace rocketmq::consumer
