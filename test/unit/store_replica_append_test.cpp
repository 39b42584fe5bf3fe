// The slave side of replication in the store: AppendToCommitLog copies the master's CommitLog
// bytes in arbitrary pieces (including across a file roll), the dispatcher rebuilds the same
// consume queues from them, and misplaced data is refused.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "common/byte_order.h"
#include "common/message_const.h"
#include "mockbroker/store/message_store.h"
#include "support/temp_dir.h"

namespace rocketmq::store {
namespace {

using test::TempDir;

MessageStoreConfig Config(const std::string& root, BrokerRole role) {
  MessageStoreConfig c;
  c.storePathRootDir = root;
  c.mappedFileSizeCommitLog = 4096;
  c.mappedFileSizeConsumeQueue = 20 * 10;
  c.maxHashSlotNum = 64;
  c.maxIndexNum = 16;
  c.brokerRole = role;
  c.storeHost = *SocketAddress::Parse("10.0.0.1:10911");
  c.cleanResourceInterval = 3600000;
  return c;
}

void WaitDispatched(MessageStore* store) {
  for (int i = 0; i < 2000 && store->DispatchBehindBytes() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

TEST(StoreReplicaAppendTest, PiecesRebuildTheSameQueues) {
  TempDir dir("store_replica");
  MessageStore master(Config(dir.path() + "/m", BrokerRole::kAsyncMaster));
  ASSERT_TRUE(master.Start().ok());
  for (int i = 0; i < 60; ++i) {  // ~5 files of 4 KiB: rolls with BLANK records
    MessageExt m;
    m.set_topic("T");
    m.set_queue_id(i % 3);
    m.set_body(std::string(100 + i, 'a'));
    m.set_born_host(*SocketAddress::Parse("192.168.1.7:51234"));
    ASSERT_TRUE(master.PutMessage(m).IsOk());
  }
  MessageStore slave(Config(dir.path() + "/s", BrokerRole::kSlave));
  ASSERT_TRUE(slave.Start().ok());
  // Copy in 1000-byte pieces, as HA frames would cut it (never across a file).
  int64_t offset = 0;
  while (offset < master.GetMaxPhyOffset()) {
    auto piece = master.GetCommitLogData(offset, 1000);
    ASSERT_TRUE(piece.ok());
    ASSERT_FALSE(piece->empty());
    ASSERT_TRUE(slave.AppendToCommitLog(offset, *piece).ok());
    offset += static_cast<int64_t>(piece->size());
  }
  EXPECT_EQ(slave.GetMaxPhyOffset(), master.GetMaxPhyOffset());
  WaitDispatched(&slave);
  WaitDispatched(&master);  // both stores build their consume queues a moment after the append
  EXPECT_EQ(slave.DispatchBehindBytes(), 0);
  for (int q = 0; q < 3; ++q) {
    EXPECT_EQ(slave.GetMaxOffsetInQueue("T", q), 20);
    auto a = master.GetMessage("G", "T", q, 0, 32);
    auto b = slave.GetMessage("G", "T", q, 0, 32);
    EXPECT_EQ(a.data, b.data);
  }
  // Data that does not continue the CommitLog is refused; so is a put.
  EXPECT_TRUE(slave.AppendToCommitLog(offset + 8, "xxxxxxxx").IsInvalidArgument());
  MessageExt m;
  m.set_topic("T");
  m.set_body("x");
  EXPECT_EQ(slave.PutMessage(m).status, PutMessageStatus::kServiceNotAvailable);
}

TEST(StoreReplicaAppendTest, EmptySlaveStartsAtAFileBoundaryOnly) {
  TempDir dir("store_replica");
  MessageStore slave(Config(dir.path(), BrokerRole::kSlave));
  ASSERT_TRUE(slave.Start().ok());
  EXPECT_TRUE(slave.AppendToCommitLog(100, "abc").IsInvalidArgument());
  // The head of a 200-byte record: the dispatcher waits for the rest.
  std::string head(10, '\0');
  EncodeFixed32BE(head.data(), 200);
  EncodeFixed32BE(head.data() + 4, kMessageMagicCodeV1);
  EXPECT_TRUE(slave.AppendToCommitLog(8192, head).ok());
  EXPECT_EQ(slave.GetMinPhyOffset(), 8192);
  EXPECT_EQ(slave.GetMaxPhyOffset(), 8192 + 10);
  // A piece may not cross into the next file.
  EXPECT_TRUE(slave.AppendToCommitLog(8192 + 10, std::string(4096, '\0')).IsInvalidArgument());
}

}  // namespace
}  // namespace rocketmq::store
