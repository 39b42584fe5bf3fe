// The independent check of master/slave replication with the real binaries: mqnamesrv, a
// SYNC_MASTER and its SLAVE (mqbroker child processes). 2000 messages go through the master;
// every acknowledgement must be SEND_OK, which under SYNC_MASTER means the slave holds it. The
// master is SIGKILLed; every acknowledged message must then read back from the slave with the
// exact stored bytes the master served, the route must have listed both broker ids, and the
// slave must refuse writes.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "common/message_decoder.h"
#include "common/message_properties.h"
#include "common/model/heartbeat_data.h"
#include "common/model/json_body.h"
#include "common/model/route_data.h"
#include "common/response_code.h"
#include "remoting/remoting_client.h"
#include "remoting/request_code.h"
#include "support/child_process.h"
#include "support/send_request.h"
#include "support/temp_dir.h"

namespace rocketmq::test {
namespace {

using remoting::RemotingCommand;
using remoting::RequestCode;

constexpr char kTopic[] = "HaKillTopic";
constexpr int kQueues = 4;

RemotingCommand Send(int queue, const std::string& tag, const std::string& key,
                     const std::string& body) {
  MessageProperties props;
  props.Set("KEYS", key);
  props.Set("TAGS", tag);
  props.Set("WAIT", "true");
  return SendMessageV2Request("pg", kTopic, queue, props.Encode(), body);
}

RemotingCommand Pull(int queue, int64_t offset) {
  RemotingCommand pull = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
  for (auto [k, v] :
       std::vector<std::pair<std::string, std::string>>{{"consumerGroup", "GHA"},
                                                        {"topic", kTopic},
                                                        {"queueId", std::to_string(queue)},
                                                        {"queueOffset", std::to_string(offset)},
                                                        {"maxMsgNums", "32"},
                                                        {"sysFlag", "0"},
                                                        {"commitOffset", "0"},
                                                        {"suspendTimeoutMillis", "0"},
                                                        {"subVersion", "1"}}) {
    pull.SetExtField(k, v);
  }
  return pull;
}

bool Heartbeat(remoting::RemotingClient* client, const std::string& addr) {
  HeartbeatData hb;
  hb.client_id = "ha-reader";
  ConsumerData cd;
  cd.group_name = "GHA";
  cd.consume_type = "CONSUME_ACTIVELY";
  cd.message_model = "CLUSTERING";
  cd.consume_from_where = "CONSUME_FROM_FIRST_OFFSET";
  cd.subscription_data_set.push_back(SubscriptionData::Build(kTopic, "*", 1));
  hb.consumer_data_set.push_back(cd);
  RemotingCommand req = RemotingCommand::CreateRequest(RequestCode::kHeartBeat);
  req.set_body(hb.ToJson());
  auto r = client->InvokeSync(addr, std::move(req), 5000);
  return r.ok() && r->code() == ResponseCode::kSuccess;
}

// Every stored record of each queue, keyed by (queue, queue offset), as served by `addr`.
std::map<std::pair<int, int64_t>, std::string> PullRecords(remoting::RemotingClient* client,
                                                           const std::string& addr) {
  std::map<std::pair<int, int64_t>, std::string> records;
  for (int q = 0; q < kQueues; ++q) {
    int64_t offset = 0;
    for (int rounds = 0; rounds < 1000; ++rounds) {
      Result<RemotingCommand> r = client->InvokeSync(addr, Pull(q, offset), 5000);
      if (!r.ok() || r->code() != ResponseCode::kSuccess) break;
      size_t pos = 0;
      const std::string& body = r->body();
      while (pos < body.size()) {
        size_t consumed = 0;
        auto m = DecodeStoredMessage(std::string_view(body).substr(pos), &consumed);
        if (!m.ok() || consumed == 0) break;
        records[{q, m->queue_offset()}] = body.substr(pos, consumed);
        pos += consumed;
      }
      offset = std::stoll(r->ext_fields().GetOr("nextBeginOffset", "0"));
    }
  }
  return records;
}

bool WaitUntil(const std::function<bool()>& pred, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return pred();
}

TEST(BrokerHaSigkillTest, AcknowledgedMessagesReadBackFromTheSlave) {
  TempDir dir("broker_ha_sigkill");
  const std::string bin = ROCKETMQ_BIN_DIR;
  const int ns_port = FreePort();
  const int master_port = FreePort();
  const int master_ha_port = FreePort();
  const int slave_port = FreePort();
  const std::string ns_addr = "127.0.0.1:" + std::to_string(ns_port);
  const std::string master_addr = "127.0.0.1:" + std::to_string(master_port);
  const std::string slave_addr = "127.0.0.1:" + std::to_string(slave_port);
  WriteTextFile(dir.path() + "/ns.conf", "listenPort=" + std::to_string(ns_port) +
                                             "\nkvConfigPath=" + dir.path() + "/kv.json\n");
  const std::string common =
      "brokerClusterName=HaCluster\nbrokerName=broker-ha\nbrokerIP1=127.0.0.1\n"
      "mappedFileSizeCommitLog=1048576\nmappedFileSizeConsumeQueue=6000\n";
  WriteTextFile(
      dir.path() + "/master.conf",
      common + "brokerId=0\nbrokerRole=SYNC_MASTER\nlistenPort=" + std::to_string(master_port) +
          "\nhaListenPort=" + std::to_string(master_ha_port) + "\nstorePathRootDir=" + dir.path() +
          "/master\n");
  // The slave learns the master's HA address from the NameServer.
  WriteTextFile(dir.path() + "/slave.conf",
                common + "brokerId=1\nbrokerRole=SLAVE\nlistenPort=" + std::to_string(slave_port) +
                    "\nhaListenPort=0\nstorePathRootDir=" + dir.path() + "/slave\n");
  ChildProcess ns(bin + "/mqnamesrv", {"-c", dir.path() + "/ns.conf"}, dir.path() + "/ns.out");
  ASSERT_TRUE(ns.WaitForOutput("boot success", std::chrono::seconds(10)));
  auto master = std::make_unique<ChildProcess>(
      bin + "/mqbroker", std::vector<std::string>{"-c", dir.path() + "/master.conf", "-n", ns_addr},
      dir.path() + "/master.out");
  ASSERT_TRUE(master->WaitForOutput("boot success", std::chrono::seconds(10)));
  ChildProcess slave(bin + "/mqbroker", {"-c", dir.path() + "/slave.conf", "-n", ns_addr},
                     dir.path() + "/slave.out");
  ASSERT_TRUE(slave.WaitForOutput("boot success", std::chrono::seconds(10)));

  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  // Until the slave is connected the master answers SLAVE_NOT_AVAILABLE.
  ASSERT_TRUE(WaitUntil(
      [&] {
        auto r = client.InvokeSync(master_addr, Send(0, "probe", "probe", "probe"), 5000);
        return r.ok() && r->code() == ResponseCode::kSuccess;
      },
      std::chrono::seconds(30)));

  constexpr int kMessages = 2000;
  std::map<std::pair<int, int64_t>, std::pair<std::string, std::string>> acked;  // -> tag, key
  int not_ok = 0;
  for (int i = 0; i < kMessages; ++i) {
    const int queue = i % kQueues;
    const std::string tag = "Tag" + std::to_string(i % 7);
    const std::string key = "KEY-" + std::to_string(i);
    const std::string body = "ha body " + std::to_string(i) + std::string(i % 50, 'y');
    Result<RemotingCommand> r = client.InvokeSync(master_addr, Send(queue, tag, key, body), 5000);
    if (!r.ok() || r->code() != ResponseCode::kSuccess) {
      ++not_ok;
      continue;
    }
    acked[{std::stoi(r->ext_fields().GetOr("queueId", "-1")),
           std::stoll(r->ext_fields().GetOr("queueOffset", "-1"))}] = {tag, key};
  }
  EXPECT_EQ(not_ok, 0);
  ASSERT_EQ(acked.size(), static_cast<size_t>(kMessages));

  // The route lists both ids of the broker name.
  Result<RemotingCommand> route_resp = client.InvokeSync(
      ns_addr,
      [&] {
        RemotingCommand r = RemotingCommand::CreateRequest(RequestCode::kGetRouteinfoByTopic);
        r.SetExtField("topic", kTopic);
        return r;
      }(),
      5000);
  ASSERT_TRUE(route_resp.ok());
  ASSERT_EQ(route_resp->code(), ResponseCode::kSuccess);
  Result<TopicRouteData> route = DecodeJsonBody<TopicRouteData>(route_resp->body());
  ASSERT_TRUE(route.ok());
  ASSERT_EQ(route->broker_datas.size(), 1u);
  EXPECT_EQ(route->broker_datas[0].broker_addrs[0], master_addr);
  EXPECT_EQ(route->broker_datas[0].broker_addrs[1], slave_addr);

  // What the master serves, byte for byte, then the master dies.
  ASSERT_TRUE(Heartbeat(&client, master_addr));
  const auto from_master = PullRecords(&client, master_addr);
  ASSERT_EQ(from_master.size(), static_cast<size_t>(kMessages + 1));  // + the probe
  // The slave serves pulls once its metadata sync brought the topic (first after 3 s).
  ASSERT_TRUE(Heartbeat(&client, slave_addr));
  ASSERT_TRUE(WaitUntil(
      [&] {
        auto r = client.InvokeSync(slave_addr, Pull(0, 0), 5000);
        return r.ok() && r->code() == ResponseCode::kSuccess;
      },
      std::chrono::seconds(20)));
  EXPECT_EQ(WTERMSIG(master->Kill(SIGKILL)), SIGKILL);
  client.CloseConnection(master_addr);

  const auto from_slave = PullRecords(&client, slave_addr);
  size_t identical = 0;
  for (const auto& [where, tag_key] : acked) {
    auto m = from_master.find(where);
    auto s = from_slave.find(where);
    ASSERT_NE(s, from_slave.end())
        << "acknowledged message missing on the slave: " << where.first << "/" << where.second;
    ASSERT_NE(m, from_master.end());
    EXPECT_TRUE(s->second == m->second) << where.first << "/" << where.second;
    auto msg = DecodeStoredMessages(s->second);
    ASSERT_TRUE(msg.ok());
    EXPECT_EQ((*msg)[0].tags(), tag_key.first);
    EXPECT_EQ((*msg)[0].keys(), tag_key.second);
    if (s->second == m->second) ++identical;
  }
  EXPECT_EQ(identical, acked.size());

  // The slave refuses writes with Java's code.
  Result<RemotingCommand> refused =
      client.InvokeSync(slave_addr, Send(0, "late", "late", "late"), 5000);
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->code(), ResponseCode::kServiceNotAvailable);
  client.Shutdown();
  EXPECT_TRUE(WIFEXITED(slave.Kill(SIGTERM)));
}

}  // namespace
}  // namespace rocketmq::test
