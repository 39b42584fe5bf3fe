// GroupTransferService: the SYNC_MASTER wait completes a group on one acknowledgement, times out
// with FLUSH_SLAVE_TIMEOUT, and ends every wait at shutdown.
#include "mockbroker/ha/group_transfer_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace rocketmq::ha {
namespace {

using store::PutMessageStatus;

TEST(GroupTransferServiceTest, OneAcknowledgementReleasesTheWholeGroup) {
  std::atomic<int64_t> acked{0};
  GroupTransferService service(&acked);
  service.Start();
  std::atomic<int> ok{0};
  std::vector<std::thread> writers;
  for (int i = 1; i <= 8; ++i) {
    writers.emplace_back([&, i] {
      if (service.WaitForTransfer(i * 100, 5000) == PutMessageStatus::kPutOk) ok.fetch_add(1);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(ok.load(), 0);
  acked.store(400);
  service.NotifyTransferSome();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(ok.load(), 4);  // 100..400
  acked.store(800);
  service.NotifyTransferSome();
  for (auto& t : writers) t.join();
  EXPECT_EQ(ok.load(), 8);
}

TEST(GroupTransferServiceTest, AlreadyAcknowledgedReturnsAtOnce) {
  std::atomic<int64_t> acked{1000};
  GroupTransferService service(&acked);
  service.Start();
  EXPECT_EQ(service.WaitForTransfer(1000, 0), PutMessageStatus::kPutOk);
}

TEST(GroupTransferServiceTest, DeadlineGivesFlushSlaveTimeout) {
  std::atomic<int64_t> acked{0};
  GroupTransferService service(&acked);
  service.Start();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(service.WaitForTransfer(10, 200), PutMessageStatus::kFlushSlaveTimeout);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(190));
  // A later acknowledgement does not touch the expired request.
  acked.store(10);
  service.NotifyTransferSome();
}

TEST(GroupTransferServiceTest, ShutdownEndsWaitsAndRefusesNewOnes) {
  std::atomic<int64_t> acked{0};
  GroupTransferService service(&acked);
  service.Start();
  PutMessageStatus status = PutMessageStatus::kPutOk;
  std::thread writer([&] { status = service.WaitForTransfer(10, 10000); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  service.Shutdown();
  writer.join();
  EXPECT_EQ(status, PutMessageStatus::kFlushSlaveTimeout);
  EXPECT_EQ(service.WaitForTransfer(10, 10000), PutMessageStatus::kFlushSlaveTimeout);
}

}  // namespace
}  // namespace rocketmq::ha
