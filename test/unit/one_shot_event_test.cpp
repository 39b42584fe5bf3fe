// OneShotEvent: the hand-off a synchronous call uses from the loop thread to the caller.
#include "common/one_shot_event.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace rocketmq {
namespace {

using std::chrono::milliseconds;

TEST(OneShotEventTest, SignalBeforeWaitReturnsAtOnce) {
  OneShotEvent e;
  EXPECT_FALSE(e.signalled());
  e.Signal();
  EXPECT_TRUE(e.signalled());
  EXPECT_TRUE(e.WaitFor(milliseconds(0)));
  e.Signal();  // a second signal changes nothing
  EXPECT_TRUE(e.WaitFor(milliseconds(0)));
}

TEST(OneShotEventTest, TimesOutWithoutSignal) {
  OneShotEvent e;
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(e.WaitFor(milliseconds(30)));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, milliseconds(30));
  EXPECT_FALSE(e.WaitFor(milliseconds(0)));
  e.Signal();
  EXPECT_TRUE(e.WaitFor(milliseconds(0)));
}

// The data written before Signal() is what the waiter reads, across many hand-offs racing the
// waiter's way into the sleep.
TEST(OneShotEventTest, HandsDataAcrossThreads) {
  for (int round = 0; round < 2000; ++round) {
    struct Slot {
      OneShotEvent done;
      int value = 0;
    };
    auto slot = std::make_shared<Slot>();
    std::thread signaller([slot, round] {
      if (round % 3 == 0) std::this_thread::yield();
      slot->value = round + 1;
      slot->done.Signal();
    });
    ASSERT_TRUE(slot->done.WaitFor(milliseconds(10000)));
    EXPECT_EQ(slot->value, round + 1);
    signaller.join();
  }
}

}  // namespace
}  // namespace rocketmq
