// Recovery (torn tail, zeroed region, CRC bit flip, abnormal rebuild), SYNC_FLUSH group commit,
// sticky flush failures and retention.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "common/message_decoder.h"
#include "mockbroker/store/fault_injection_env.h"
#include "mockbroker/store/message_store.h"
#include "support/temp_dir.h"

namespace rocketmq::store {
namespace {

namespace fs = std::filesystem;

using test::TempDir;

MessageStoreConfig SmallConfig(const std::string& root) {
  MessageStoreConfig c;
  c.storePathRootDir = root;
  c.mappedFileSizeCommitLog = 8192;
  c.mappedFileSizeConsumeQueue = 20 * 10;
  c.maxHashSlotNum = 64;
  c.maxIndexNum = 100;
  c.storeHost = *SocketAddress::Parse("127.0.0.1:10911");
  c.cleanResourceInterval = 3600000;
  return c;
}

MessageExt Msg(int i, int32_t queue_id = 0, size_t pad = 0) {
  MessageExt m;
  m.set_topic("RecTopic");
  m.set_queue_id(queue_id);
  m.set_body("body-" + std::to_string(i) + std::string(pad, '.'));
  m.set_keys("key-" + std::to_string(i));
  m.set_tags("T");
  m.set_born_host(*SocketAddress::Parse("127.0.0.1:5000"));
  m.set_born_timestamp(1700000000000 + i);
  return m;
}

void WaitDispatched(MessageStore* store) {
  for (int i = 0; i < 2000 && store->DispatchBehindBytes() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(store->DispatchBehindBytes(), 0);
}

// Writes `n` messages, shuts down cleanly, returns their append results.
std::vector<PutMessageResult> WriteMessages(const MessageStoreConfig& config, int n) {
  MessageStore store(config);
  EXPECT_TRUE(store.Start().ok());
  std::vector<PutMessageResult> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(store.PutMessage(Msg(i)));
    EXPECT_TRUE(out.back().IsOk());
  }
  WaitDispatched(&store);
  store.Shutdown();
  return out;
}

void ModifyFile(const std::string& path, int64_t pos, const std::string& bytes) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(pos);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string CommitLogFile(const std::string& root, int64_t offset) {
  return root + "/commitlog/" + OffsetToFileName(offset);
}

// Bodies of queue 0, in order.
std::vector<std::string> ReadAll(MessageStore* store) {
  std::vector<std::string> bodies;
  int64_t next = 0;
  while (next < store->GetMaxOffsetInQueue("RecTopic", 0)) {
    GetMessageResult g = store->GetMessage("g", "RecTopic", 0, next, 32);
    EXPECT_EQ(g.status, GetMessageStatus::kFound);
    if (g.status != GetMessageStatus::kFound) break;
    auto msgs = DecodeStoredMessages(g.data);
    EXPECT_TRUE(msgs.ok());
    for (const auto& m : *msgs) bodies.push_back(m.body());
    next = g.next_begin_offset;
  }
  return bodies;
}

// After damage at record `bad`, recovery keeps records [0, bad) and the next append reuses the
// damaged record's offset and queue offset.
void ExpectRecoveredUpTo(const MessageStoreConfig& config,
                         const std::vector<PutMessageResult>& written, int bad) {
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  WaitDispatched(&store);
  EXPECT_EQ(store.GetMaxPhyOffset(), written[bad].append.wrote_offset);
  EXPECT_EQ(store.GetMaxOffsetInQueue("RecTopic", 0), bad);
  std::vector<std::string> bodies = ReadAll(&store);
  ASSERT_EQ(bodies.size(), static_cast<size_t>(bad));
  for (int i = 0; i < bad; ++i) EXPECT_EQ(bodies[i], Msg(i).body());
  PutMessageResult r = store.PutMessage(Msg(1000));
  ASSERT_TRUE(r.IsOk());
  EXPECT_EQ(r.append.wrote_offset, written[bad].append.wrote_offset);
  EXPECT_EQ(r.append.logics_offset, bad);
  WaitDispatched(&store);
  // As in Java, the index is not truncated: a stale entry may point at the new record, which the
  // caller filters out by comparing the real keys.
  QueryMessageResult q =
      store.QueryMessage("RecTopic", "key-" + std::to_string(bad), 32, 0, INT64_MAX);
  auto found = DecodeStoredMessages(q.data);
  ASSERT_TRUE(found.ok());
  for (const auto& m : *found) EXPECT_NE(m.keys(), "key-" + std::to_string(bad));
}

TEST(StoreRecoveryTest, TruncatedTailIsCutOff) {
  TempDir dir("store_recover");
  MessageStoreConfig config = SmallConfig(dir.path());
  auto written = WriteMessages(config, 20);
  const auto& last = written.back().append;
  // A torn write: the second half of the last record never reached the disk.
  int64_t file_start = last.wrote_offset - last.wrote_offset % config.mappedFileSizeCommitLog;
  ModifyFile(CommitLogFile(dir.path(), file_start),
             last.wrote_offset - file_start + last.wrote_bytes / 2,
             std::string(static_cast<size_t>(last.wrote_bytes - last.wrote_bytes / 2), '\0'));
  ExpectRecoveredUpTo(config, written, 19);
}

TEST(StoreRecoveryTest, ZeroedRegionInLastFileStopsRecoveryThere) {
  TempDir dir("store_recover");
  MessageStoreConfig config = SmallConfig(dir.path());
  auto written = WriteMessages(config, 20);
  const auto& victim = written[17].append;
  int64_t file_start = victim.wrote_offset - victim.wrote_offset % config.mappedFileSizeCommitLog;
  ASSERT_EQ(file_start, written.back().append.wrote_offset -
                            written.back().append.wrote_offset % config.mappedFileSizeCommitLog);
  ModifyFile(CommitLogFile(dir.path(), file_start), victim.wrote_offset - file_start,
             std::string(static_cast<size_t>(victim.wrote_bytes), '\0'));
  // Also as an abnormal exit: the same cut applies.
  std::ofstream(dir.path() + "/abort").close();
  ExpectRecoveredUpTo(config, written, 17);
}

TEST(StoreRecoveryTest, BitFlipFailsCrcCheck) {
  TempDir dir("store_recover");
  MessageStoreConfig config = SmallConfig(dir.path());
  auto written = WriteMessages(config, 20);
  const auto& victim = written[18].append;
  int64_t file_start = victim.wrote_offset - victim.wrote_offset % config.mappedFileSizeCommitLog;
  // Flip one bit in the body ("body-18" starts after the 84-byte header and BODYLENGTH).
  std::string path = CommitLogFile(dir.path(), file_start);
  int64_t pos = victim.wrote_offset - file_start + 84 + 4 + 1;
  std::string all;
  {
    std::ifstream in(path, std::ios::binary);
    all.assign(std::istreambuf_iterator<char>(in), {});
  }
  ModifyFile(path, pos, std::string(1, static_cast<char>(all[static_cast<size_t>(pos)] ^ 0x01)));
  {
    MessageStoreConfig no_crc = config;
    no_crc.checkCRCOnRecover = false;
    MessageStore store(no_crc);
    ASSERT_TRUE(store.Load().ok());
    EXPECT_EQ(store.GetMaxOffsetInQueue("RecTopic", 0), 20);  // not checked: kept
  }
  ExpectRecoveredUpTo(config, written, 18);
}

TEST(StoreRecoveryTest, AbnormalRecoveryRebuildsConsumeQueuesAndIndex) {
  TempDir dir("store_recover");
  MessageStoreConfig config = SmallConfig(dir.path());
  auto written = WriteMessages(config, 30);
  fs::remove_all(dir.path() + "/consumequeue");
  fs::remove_all(dir.path() + "/index");
  std::ofstream(dir.path() + "/abort").close();
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  EXPECT_FALSE(store.last_exit_ok());
  WaitDispatched(&store);
  EXPECT_EQ(store.GetMaxOffsetInQueue("RecTopic", 0), 30);
  std::vector<std::string> bodies = ReadAll(&store);
  ASSERT_EQ(bodies.size(), 30u);
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(bodies[i], Msg(i).body());
    QueryMessageResult q =
        store.QueryMessage("RecTopic", "key-" + std::to_string(i), 32, 0, INT64_MAX);
    EXPECT_EQ(q.phy_offsets, std::vector<int64_t>{written[i].append.wrote_offset});
  }
  PutMessageResult r = store.PutMessage(Msg(30));
  EXPECT_EQ(r.append.logics_offset, 30);
}

TEST(StoreRecoveryTest, SyncFlushGroupCommitAcksOnlyDurableMessages) {
  TempDir dir("store_recover");
  auto env = std::make_shared<FaultInjectionEnv>(NewPosixEnv());
  MessageStoreConfig config = SmallConfig(dir.path());
  config.mappedFileSizeCommitLog = 64 * 1024;
  config.flushDiskType = FlushDiskType::kSyncFlush;
  config.env = env;
  constexpr int kThreads = 16;
  constexpr int kPerThread = 40;
  struct Acked {
    int64_t offset;
    std::string body;
  };
  std::vector<std::vector<Acked>> acked(kThreads);
  {
    MessageStore store(config);
    ASSERT_TRUE(store.Start().ok());
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          MessageExt m = Msg(t * 1000 + i, t % 4);
          PutMessageResult r = store.PutMessage(m);
          if (r.IsOk()) acked[t].push_back({r.append.wrote_offset, m.body()});
        }
      });
    }
    for (auto& th : threads) th.join();
    // Group commit: far fewer syncs than acknowledged writes.
    EXPECT_LT(env->sync_count(), kThreads * kPerThread);
    // Simulate a crash: no clean shutdown bookkeeping (abort stays) - just drop the object
    // after the store stopped its threads.
    store.Shutdown();
  }
  std::ofstream(dir.path() + "/abort").close();
  MessageStore reopened(config);
  ASSERT_TRUE(reopened.Start().ok());
  size_t total = 0;
  for (const auto& list : acked) {
    EXPECT_EQ(list.size(), static_cast<size_t>(kPerThread));
    for (const auto& a : list) {
      auto rec = reopened.LookMessageByOffset(a.offset);
      ASSERT_TRUE(rec.ok());
      auto m = DecodeStoredMessage(*rec);
      ASSERT_TRUE(m.ok());
      EXPECT_EQ(m->body(), a.body);
      ++total;
    }
  }
  EXPECT_EQ(total, static_cast<size_t>(kThreads * kPerThread));
  WaitDispatched(&reopened);
  int64_t in_queues = 0;
  for (int q = 0; q < 4; ++q) in_queues += reopened.GetMaxOffsetInQueue("RecTopic", q);
  EXPECT_EQ(in_queues, kThreads * kPerThread);
}

TEST(StoreRecoveryTest, SyncFlushAsyncPutReturnsBeforeTheDiskAndTimesOut) {
  // Java asyncPutMessage: the writer's thread is not parked on the disk; a stalled disk turns
  // into FLUSH_DISK_TIMEOUT after syncFlushTimeout, on another thread, with the data appended.
  TempDir dir("store_recover");
  auto env = std::make_shared<FaultInjectionEnv>(NewPosixEnv());
  MessageStoreConfig config = SmallConfig(dir.path());
  config.flushDiskType = FlushDiskType::kSyncFlush;
  config.syncFlushTimeout = 150;
  config.env = env;
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  env->SetSyncStallMs(1500);
  std::promise<PutMessageResult> answered;
  const auto start = std::chrono::steady_clock::now();
  store.PutMessageAsync(Msg(1), {}, [&](PutMessageResult r) { answered.set_value(std::move(r)); });
  const auto returned = std::chrono::steady_clock::now() - start;
  EXPECT_LT(returned, std::chrono::milliseconds(140));  // before the timeout could fire
  PutMessageResult r = answered.get_future().get();
  const auto completed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status, PutMessageStatus::kFlushDiskTimeout);
  EXPECT_TRUE(r.appended());
  EXPECT_GE(completed, std::chrono::milliseconds(140));
  EXPECT_LT(completed, std::chrono::milliseconds(1400));  // not after the stalled sync
  env->SetSyncStallMs(0);
  EXPECT_TRUE(store.LookMessageByOffset(r.append.wrote_offset).ok());
  // Once the stalled sync ends, writes are acknowledged again.
  PutMessageStatus later = PutMessageStatus::kUnknownError;
  for (int i = 0; i < 30 && later != PutMessageStatus::kPutOk; ++i) {
    later = store.PutMessage(Msg(2 + i)).status;
  }
  EXPECT_EQ(later, PutMessageStatus::kPutOk);
}

TEST(StoreRecoveryTest, FailedFsyncIsStickyInSyncMode) {
  TempDir dir("store_recover");
  auto env = std::make_shared<FaultInjectionEnv>(NewPosixEnv());
  MessageStoreConfig config = SmallConfig(dir.path());
  config.flushDiskType = FlushDiskType::kSyncFlush;
  config.env = env;
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  ASSERT_TRUE(store.PutMessage(Msg(0)).IsOk());
  env->SetSyncFailure(true);
  PutMessageResult failed = store.PutMessage(Msg(1));
  EXPECT_EQ(failed.status, PutMessageStatus::kServiceNotAvailable);
  EXPECT_NE(failed.error.message().find("injected"), std::string::npos);
  env->SetSyncFailure(false);  // the disk "recovers", the store does not trust it
  PutMessageResult after = store.PutMessage(Msg(2));
  EXPECT_EQ(after.status, PutMessageStatus::kServiceNotAvailable);
  EXPECT_NE(after.error.message().find("injected"), std::string::npos);
  EXPECT_FALSE(store.WriteStatus().ok());
  store.Shutdown();
  EXPECT_TRUE(fs::exists(dir.path() + "/abort"));  // not a clean shutdown
}

TEST(StoreRecoveryTest, FailedFsyncIsStickyInAsyncMode) {
  TempDir dir("store_recover");
  auto env = std::make_shared<FaultInjectionEnv>(NewPosixEnv());
  MessageStoreConfig config = SmallConfig(dir.path());
  config.flushIntervalCommitLog = 5;
  config.flushCommitLogThoroughInterval = 5;
  config.env = env;
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  env->SetSyncFailure(true);
  ASSERT_TRUE(store.PutMessage(Msg(0)).IsOk());  // async: acked before the flush
  for (int i = 0; i < 1000 && store.WriteStatus().ok(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_FALSE(store.WriteStatus().ok());
  EXPECT_EQ(store.PutMessage(Msg(1)).status, PutMessageStatus::kServiceNotAvailable);
}

TEST(StoreRecoveryTest, RetentionDeletesOnlyExpiredFiles) {
  TempDir dir("store_recover");
  auto env = std::make_shared<FaultInjectionEnv>(NewPosixEnv());
  MessageStoreConfig config = SmallConfig(dir.path());
  config.mappedFileSizeCommitLog = 4096;
  config.flushDiskType = FlushDiskType::kSyncFlush;
  config.deleteWhen = "";  // only the disk-ratio trigger
  config.fileReservedTime = 72;
  config.env = env;
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(store.PutMessage(Msg(i, 0, 900)).IsOk());
  WaitDispatched(&store);
  size_t files_before = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path() + "/commitlog"))
    ++files_before;
  ASSERT_GE(files_before, 5u);

  env->SetDiskUsedRatio(0.80);  // above diskMaxUsedSpaceRatio 75%, below forced cleaning
  env->AdvanceClock(71LL * 3600 * 1000);
  EXPECT_EQ(store.CleanExpiredFiles(), 0);  // nothing older than 72 h yet
  EXPECT_EQ(store.GetMinPhyOffset(), 0);

  env->AdvanceClock(2LL * 3600 * 1000);
  int deleted = store.CleanExpiredFiles();
  EXPECT_EQ(static_cast<size_t>(deleted), std::min<size_t>(files_before - 1, 10));
  int64_t min_phy = store.GetMinPhyOffset();
  EXPECT_GT(min_phy, 0);
  EXPECT_EQ(min_phy % 4096, 0);
  // Consume queue: min offset moved to the first message still in the CommitLog.
  int64_t min_q = store.GetMinOffsetInQueue("RecTopic", 0);
  EXPECT_GT(min_q, 0);
  EXPECT_GE(store.GetCommitLogOffsetInQueue("RecTopic", 0, min_q), min_phy);
  GetMessageResult g = store.GetMessage("g", "RecTopic", 0, 0, 32);
  EXPECT_EQ(g.status, GetMessageStatus::kOffsetTooSmall);
  EXPECT_EQ(g.next_begin_offset, min_q);
  GetMessageResult live = store.GetMessage("g", "RecTopic", 0, min_q, 32);
  EXPECT_EQ(live.status, GetMessageStatus::kFound);
  // Consume-queue files wholly below the CommitLog min are gone, the last one never.
  size_t cq_files = 0;
  for ([[maybe_unused]] const auto& e :
       fs::directory_iterator(dir.path() + "/consumequeue/RecTopic/0"))
    ++cq_files;
  EXPECT_LT(cq_files, 3u);
  EXPECT_GE(cq_files, 1u);
}

}  // namespace
}  // namespace rocketmq::store
