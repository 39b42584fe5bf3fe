// Our HA ends against the Apache RocketMQ 4.9.8 captures (05-ha-stream: first contact, a
// heartbeat and three messages; 05b-ha-sync-send-stream: three SYNC_MASTER sends and a later
// heartbeat).
//  * Our slave: a fake master plays back, frame for frame, what the Java master sent. Our
//    HaClient must report the offsets the Java slave reported, store the CommitLog bytes
//    unchanged, and serve the messages from the ConsumeQueue it rebuilt.
//  * Our master: its store holds the same Java CommitLog bytes; a fake slave says what the Java
//    slave said, and must receive frames a Java slave accepts (each at the offset where the
//    slave's CommitLog ends) carrying those bytes.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <json/json.h>

#include "common/byte_order.h"
#include "common/message_decoder.h"
#include "common/properties.h"
#include "mockbroker/ha/ha_client.h"
#include "mockbroker/ha/ha_format.h"
#include "mockbroker/ha/ha_service.h"
#include "mockbroker/ha/ha_socket.h"
#include "mockbroker/store/message_store.h"
#include "support/temp_dir.h"
#include "support/vectors.h"

namespace rocketmq::ha {
namespace {

using test::TempDir;

// Every CommitLog byte the Java master sent, in order.
std::string JavaCommitLog() {
  std::string all;
  for (const char* file : {"05-ha-stream.jsonl", "05b-ha-sync-send-stream.jsonl"}) {
    for (const Json::Value& rec : test::LoadJsonLines(file)) {
      if (rec["type"].asString() == "transfer") all += test::HexDecode(rec["body_hex"].asString());
    }
  }
  return all;
}

store::MessageStoreConfig SlaveConfig(const std::string& root) {
  auto props = Properties::Load(test::VectorsDir() + "/conf/broker-v-slave.conf");
  EXPECT_TRUE(props.ok());
  store::MessageStoreConfig c;
  EXPECT_TRUE(c.LoadFromProperties(*props).ok());
  EXPECT_EQ(c.brokerRole, store::BrokerRole::kSlave);
  c.storePathRootDir = root;
  c.storePathCommitLog = root + "/commitlog";
  c.storeHost = *SocketAddress::Parse("127.0.0.1:21911");
  return c;
}

// Reads one 8-byte offset report from the slave.
int64_t ReadReport(HaSocket* s) {
  char buf[kReportSize];
  size_t got = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (got < sizeof(buf) && std::chrono::steady_clock::now() < deadline) {
    Result<size_t> n = s->ReadSome(buf + got, sizeof(buf) - got, 100);
    if (!n.ok()) return -2;
    got += *n;
  }
  if (got < sizeof(buf)) return -3;
  return static_cast<int64_t>(DecodeFixed64BE(buf));
}

TEST(HaJavaReplayTest, SlaveReplicatesTheJavaMastersStream) {
  TempDir dir("ha_java_replay");
  store::MessageStoreConfig config = SlaveConfig(dir.path() + "/store");
  store::MessageStore store(config);
  ASSERT_TRUE(store.Load().ok());
  ASSERT_TRUE(store.Start().ok());

  HaListener master;
  ASSERT_TRUE(master.Listen(0).ok());
  HaClient client(&store);
  client.UpdateMasterAddress("127.0.0.1:" + std::to_string(master.port()));
  client.Start();
  Result<HaSocket> link = master.Accept(10000);
  ASSERT_TRUE(link.ok() && link->valid());

  // The captured reports are what the Java slave said after each master frame; ours must say the
  // same (a repeated report is the Java slave's 5 s heartbeat, which we do not wait for).
  std::string commitlog;
  int64_t reported = ReadReport(&*link);
  EXPECT_EQ(reported, 0);  // a new slave asks from 0
  int frames = 0;
  for (const char* file : {"05-ha-stream.jsonl", "05b-ha-sync-send-stream.jsonl"}) {
    for (const Json::Value& rec : test::LoadJsonLines(file)) {
      const std::string type = rec["type"].asString();
      if (type == "offset_report") {
        const int64_t want = rec["max_phy_offset"].asInt64();
        if (want == reported) continue;
        reported = ReadReport(&*link);
        EXPECT_EQ(reported, want) << file << " at stream offset " << rec["stream_offset"];
        continue;
      }
      const std::string header = test::HexDecode(rec["header_hex"].asString());
      const std::string body = test::HexDecode(rec["body_hex"].asString());
      ASSERT_EQ(header.size(), static_cast<size_t>(kTransferHeaderSize));
      ASSERT_TRUE(link->WriteAll(header + body, 5000).ok());
      commitlog += body;
      ++frames;
    }
  }
  EXPECT_EQ(frames, 6);  // 2 heartbeats, 4 transfers
  EXPECT_EQ(reported, 1416);
  EXPECT_EQ(store.GetMaxPhyOffset(), 1416);
  // The last heartbeat (offset 1416, no body) is where the slave's CommitLog ends: link kept.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(client.connected());

  // The Java bytes, unchanged, and queues rebuilt from them.
  Result<std::string> stored = store.GetCommitLogData(0, 1416);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(*stored, commitlog);
  for (int i = 0; i < 2000 && store.DispatchBehindBytes() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(store.GetMaxOffsetInQueue("VecHaTopic", 0), 4);
  EXPECT_EQ(store.GetMaxOffsetInQueue("VecHaTopic", 1), 2);
  store::GetMessageResult got = store.GetMessage("g", "VecHaTopic", 1, 0, 32);
  ASSERT_EQ(got.status, store::GetMessageStatus::kFound);
  auto msgs = DecodeStoredMessages(got.data);
  ASSERT_TRUE(msgs.ok()) << msgs.status().ToString();
  ASSERT_EQ(msgs->size(), 2u);
  EXPECT_EQ((*msgs)[0].commit_log_offset(), 236);
  EXPECT_EQ((*msgs)[1].commit_log_offset(), 944);

  client.Shutdown();
  store.Shutdown();
}

TEST(HaJavaReplayTest, MasterStreamsWhatAJavaSlaveAccepts) {
  TempDir dir("ha_java_replay_master");
  store::MessageStoreConfig config = SlaveConfig(dir.path() + "/store");
  config.brokerRole = store::BrokerRole::kAsyncMaster;
  store::MessageStore store(config);
  ASSERT_TRUE(store.Load().ok());
  ASSERT_TRUE(store.Start().ok());
  const std::string java = JavaCommitLog();
  ASSERT_EQ(java.size(), 1416u);
  ASSERT_TRUE(store.AppendToCommitLog(0, java).ok());

  HaService ha(&store);
  ASSERT_TRUE(ha.Start(0).ok());
  Result<HaSocket> slave = HaSocket::Connect("127.0.0.1:" + std::to_string(ha.port()), 3000);
  ASSERT_TRUE(slave.ok());
  char report[kReportSize];
  EncodeFixed64BE(report, 0);  // the Java slave's first words (05-ha-stream)
  ASSERT_TRUE(slave->WriteAll(std::string_view(report, sizeof(report)), 1000).ok());

  // Java HAClient.dispatchReadRequest: a frame must start where the slave's CommitLog ends, or
  // the slave drops the link.
  std::string received;
  std::string buf;
  char chunk[4096];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (received.size() < java.size() && std::chrono::steady_clock::now() < deadline) {
    Result<size_t> n = slave->ReadSome(chunk, sizeof(chunk), 100);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    buf.append(chunk, *n);
    while (buf.size() >= static_cast<size_t>(kTransferHeaderSize)) {
      const auto offset = static_cast<int64_t>(DecodeFixed64BE(buf.data()));
      const uint32_t size = DecodeFixed32BE(buf.data() + 8);
      if (buf.size() < kTransferHeaderSize + size) break;
      EXPECT_EQ(offset, static_cast<int64_t>(received.size()));
      received.append(buf, kTransferHeaderSize, size);
      buf.erase(0, kTransferHeaderSize + size);
    }
  }
  EXPECT_EQ(received, java);

  // The Java slave's acknowledgement moves push2SlaveMaxOffset.
  EncodeFixed64BE(report, 1416);
  ASSERT_TRUE(slave->WriteAll(std::string_view(report, sizeof(report)), 1000).ok());
  for (int i = 0; i < 200 && ha.push2slave_max_offset() < 1416; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(ha.push2slave_max_offset(), 1416);
  EXPECT_TRUE(ha.IsSlaveOk(store.GetMaxPhyOffset()));

  ha.Shutdown();
  store.Shutdown();
}

}  // namespace
}  // namespace rocketmq::ha
