// OffsetWaiters, the group-commit queue behind SYNC_FLUSH and SYNC_MASTER: one completion
// releases every covered wait, overdue waits end with the queue's timeout status, shutdown ends
// everything, and a stopped queue refuses new waits without touching their callbacks.
#include "mockbroker/store/offset_waiters.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace rocketmq::store {
namespace {

using Clock = std::chrono::steady_clock;

struct Outcomes {
  std::mutex mu;
  std::vector<std::pair<int64_t, PutMessageStatus>> seen;  // guarded by mu

  OffsetWaiters::Callback For(int64_t offset) {
    return [this, offset](PutMessageStatus status, const Status&) {
      std::lock_guard<std::mutex> lock(mu);
      seen.emplace_back(offset, status);
    };
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mu);
    return seen.size();
  }
};

TEST(StoreOffsetWaitersTest, OneCompletionReleasesEveryCoveredWait) {
  OffsetWaiters waiters("test", PutMessageStatus::kFlushSlaveTimeout);
  waiters.Start();
  Outcomes out;
  for (int i = 8; i >= 1; --i) ASSERT_TRUE(waiters.Add(i * 100, 10000, out.For(i * 100)));
  EXPECT_EQ(waiters.MaxWaitingOffset(), 800);
  waiters.CompleteUpTo(399);
  EXPECT_EQ(out.count(), 3u);  // 100, 200, 300
  waiters.CompleteUpTo(800);
  ASSERT_EQ(out.count(), 8u);
  for (size_t i = 0; i < out.seen.size(); ++i) {
    EXPECT_EQ(out.seen[i].first, static_cast<int64_t>(i + 1) * 100);  // in offset order
    EXPECT_EQ(out.seen[i].second, PutMessageStatus::kPutOk);
  }
  EXPECT_EQ(waiters.MaxWaitingOffset(), -1);
}

TEST(StoreOffsetWaitersTest, OverdueWaitsEndWithTheTimeoutStatus) {
  OffsetWaiters waiters("test", PutMessageStatus::kFlushDiskTimeout);
  waiters.Start();
  std::promise<PutMessageStatus> late;
  std::promise<PutMessageStatus> early;
  const auto start = Clock::now();
  ASSERT_TRUE(waiters.Add(10, 5000, [&](PutMessageStatus s, const Status&) { late.set_value(s); }));
  // A shorter deadline added later must wake the timer earlier.
  ASSERT_TRUE(waiters.Add(20, 150, [&](PutMessageStatus s, const Status&) { early.set_value(s); }));
  EXPECT_EQ(early.get_future().get(), PutMessageStatus::kFlushDiskTimeout);
  const auto waited = Clock::now() - start;
  EXPECT_GE(waited, std::chrono::milliseconds(140));
  EXPECT_LT(waited, std::chrono::milliseconds(2000));
  // The other wait is untouched and still completes normally.
  waiters.CompleteUpTo(10);
  EXPECT_EQ(late.get_future().get(), PutMessageStatus::kPutOk);
}

TEST(StoreOffsetWaitersTest, CompleteAllCarriesTheFailure) {
  OffsetWaiters waiters("test", PutMessageStatus::kFlushDiskTimeout);
  waiters.Start();
  Status error;
  PutMessageStatus status = PutMessageStatus::kPutOk;
  ASSERT_TRUE(waiters.Add(10, 5000, [&](PutMessageStatus s, const Status& e) {
    status = s;
    error = e;
  }));
  waiters.CompleteAll(PutMessageStatus::kServiceNotAvailable, Status::IOError("disk gone"));
  EXPECT_EQ(status, PutMessageStatus::kServiceNotAvailable);
  EXPECT_EQ(error.message(), "disk gone");
}

TEST(StoreOffsetWaitersTest, ShutdownEndsWaitsAndRefusesNewOnes) {
  OffsetWaiters waiters("test", PutMessageStatus::kFlushSlaveTimeout);
  OffsetWaiters::Callback before_start = [](PutMessageStatus, const Status&) {};
  EXPECT_FALSE(waiters.Add(1, 1000, std::move(before_start)));
  waiters.Start();
  Outcomes out;
  ASSERT_TRUE(waiters.Add(10, 10000, out.For(10)));
  waiters.Shutdown(PutMessageStatus::kFlushSlaveTimeout, Status::ShutdownInProgress("stop"));
  ASSERT_EQ(out.count(), 1u);
  EXPECT_EQ(out.seen[0].second, PutMessageStatus::kFlushSlaveTimeout);
  // Refused: the callback is still ours to call.
  bool called = false;
  OffsetWaiters::Callback cb = [&](PutMessageStatus, const Status&) { called = true; };
  EXPECT_FALSE(waiters.Add(20, 10000, std::move(cb)));
  ASSERT_TRUE(cb);
  cb(PutMessageStatus::kPutOk, Status::OK());
  EXPECT_TRUE(called);
  waiters.Shutdown(PutMessageStatus::kFlushSlaveTimeout, Status::OK());  // idempotent
}

TEST(StoreOffsetWaitersTest, ConcurrentAddsAndCompletionsLoseNothing) {
  OffsetWaiters waiters("test", PutMessageStatus::kFlushSlaveTimeout);
  waiters.Start();
  std::atomic<int64_t> acked{0};
  std::atomic<int> ok{0};
  constexpr int kThreads = 8;
  constexpr int kPerThread = 500;
  std::atomic<int64_t> next{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        std::promise<void> done;
        const int64_t offset = next.fetch_add(1) + 1;
        ASSERT_TRUE(waiters.Add(offset, 10000, [&](PutMessageStatus s, const Status&) {
          if (s == PutMessageStatus::kPutOk) ok.fetch_add(1);
          done.set_value();
        }));
        // As HaService does: re-check after queuing so a completion that raced the add counts.
        waiters.CompleteUpTo(acked.load());
        done.get_future().wait();
      }
    });
  }
  std::thread acker([&] {
    while (ok.load() < kThreads * kPerThread) {
      acked.store(next.load());
      waiters.CompleteUpTo(acked.load());
      std::this_thread::yield();
    }
  });
  for (auto& w : writers) w.join();
  acker.join();
  EXPECT_EQ(ok.load(), kThreads * kPerThread);
}

}  // namespace
}  // namespace rocketmq::store
