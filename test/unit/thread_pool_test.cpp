// ThreadPool: bounded queue rejection, draining Shutdown, idempotence.
#include "common/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace rocketmq {
namespace {

TEST(ThreadPoolTest, RunsEveryTaskInFifoOrderOnOneThread) {
  ThreadPool pool("fifo", 1);
  std::mutex mu;
  std::vector<int> order;
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(pool.Submit([&, i] {
      std::lock_guard<std::mutex> lock(mu);
      order.push_back(i);
    }));
  }
  pool.Shutdown();  // drains
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[static_cast<size_t>(i)], i);
}

TEST(ThreadPoolTest, FullQueueRejectsWithoutRunning) {
  ThreadPool pool("bounded", 1, 2);
  std::atomic<bool> release{false};
  std::atomic<bool> started{false};
  std::atomic<int> ran{0};
  ASSERT_TRUE(pool.Submit([&] {
    started = true;
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++ran;
  }));
  while (!started.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_TRUE(pool.Submit([&] { ++ran; }));
  EXPECT_TRUE(pool.Submit([&] { ++ran; }));
  EXPECT_FALSE(pool.Submit([&] { ran += 100; }));  // queue of 2 is full
  EXPECT_EQ(pool.queued(), 2u);
  release = true;
  pool.Shutdown();
  EXPECT_EQ(ran.load(), 3);
}

TEST(ThreadPoolTest, ShutdownIsIdempotentAndLaterSubmitsFail) {
  ThreadPool pool("idem", 3);
  EXPECT_EQ(pool.thread_count(), 3u);
  pool.Shutdown();
  pool.Shutdown();
  EXPECT_FALSE(pool.Submit([] {}));
}

}  // namespace
}  // namespace rocketmq
