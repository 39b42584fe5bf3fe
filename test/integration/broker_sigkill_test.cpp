// The real binaries: mqnamesrv + mqbroker (SYNC_FLUSH) as child processes; 2000 messages with
// tags and keys are sent, the broker is SIGKILLed, restarted on the same store, and every
// acknowledged message must read back byte-identical with its tags and keys.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "common/message_decoder.h"
#include "common/message_properties.h"
#include "common/model/heartbeat_data.h"
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

TEST(BrokerSigkillTest, AcknowledgedMessagesSurviveSigkill) {
  TempDir dir("broker_sigkill");
  const std::string bin = ROCKETMQ_BIN_DIR;
  const int ns_port = FreePort();
  const int broker_port = FreePort();
  WriteTextFile(dir.path() + "/ns.conf", "listenPort=" + std::to_string(ns_port) +
                                             "\nkvConfigPath=" + dir.path() + "/kv.json\n");
  WriteTextFile(dir.path() + "/broker.conf",
                "brokerName=broker-k\nbrokerIP1=127.0.0.1\nlistenPort=" +
                    std::to_string(broker_port) + "\nstorePathRootDir=" + dir.path() +
                    "/store\nflushDiskType=SYNC_FLUSH\nmappedFileSizeCommitLog=1048576\n"
                    "mappedFileSizeConsumeQueue=6000\n");
  const std::string ns_addr = "127.0.0.1:" + std::to_string(ns_port);
  const std::string broker_addr = "127.0.0.1:" + std::to_string(broker_port);
  ChildProcess ns(bin + "/mqnamesrv", {"-c", dir.path() + "/ns.conf"}, dir.path() + "/ns.out");
  ASSERT_TRUE(ns.WaitForOutput("boot success", std::chrono::seconds(10)));
  auto broker = std::make_unique<ChildProcess>(
      bin + "/mqbroker", std::vector<std::string>{"-c", dir.path() + "/broker.conf", "-n", ns_addr},
      dir.path() + "/broker1.out");
  ASSERT_TRUE(broker->WaitForOutput("boot success", std::chrono::seconds(10)));

  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  constexpr int kQueues = 4;
  constexpr int kMessages = 2000;
  std::map<std::pair<int, int64_t>, std::pair<std::string, std::string>> acked;  // -> tag, key
  std::map<std::pair<int, int64_t>, std::string> bodies;
  for (int i = 0; i < kMessages; ++i) {
    const int queue = i % kQueues;
    const std::string tag = "Tag" + std::to_string(i % 7);
    const std::string key = "KEY-" + std::to_string(i);
    const std::string body = "message body " + std::to_string(i) + std::string(i % 50, 'x');
    MessageProperties props;
    props.Set("KEYS", key);
    props.Set("TAGS", tag);
    props.Set("WAIT", "true");
    RemotingCommand req = SendMessageV2Request("pg", "KillTopic", queue, props.Encode(), body);
    Result<RemotingCommand> r = client.InvokeSync(broker_addr, std::move(req), 5000);
    if (!r.ok() || r->code() != ResponseCode::kSuccess) continue;
    const int64_t off = std::stoll(r->ext_fields().GetOr("queueOffset", "-1"));
    const int q = std::stoi(r->ext_fields().GetOr("queueId", "-1"));
    acked[{q, off}] = {tag, key};
    bodies[{q, off}] = body;
  }
  ASSERT_EQ(acked.size(), static_cast<size_t>(kMessages));
  EXPECT_EQ(WTERMSIG(broker->Kill(SIGKILL)), SIGKILL);
  client.CloseConnection(broker_addr);

  broker = std::make_unique<ChildProcess>(
      bin + "/mqbroker", std::vector<std::string>{"-c", dir.path() + "/broker.conf", "-n", ns_addr},
      dir.path() + "/broker2.out");
  ASSERT_TRUE(broker->WaitForOutput("boot success", std::chrono::seconds(20)));

  HeartbeatData hb;
  hb.client_id = "reader";
  ConsumerData cd;
  cd.group_name = "GK";
  cd.consume_type = "CONSUME_ACTIVELY";
  cd.message_model = "CLUSTERING";
  cd.consume_from_where = "CONSUME_FROM_FIRST_OFFSET";
  cd.subscription_data_set.push_back(SubscriptionData::Build("KillTopic", "*", 1));
  hb.consumer_data_set.push_back(cd);
  RemotingCommand hbreq = RemotingCommand::CreateRequest(RequestCode::kHeartBeat);
  hbreq.set_body(hb.ToJson());
  ASSERT_TRUE(client.InvokeSync(broker_addr, std::move(hbreq), 5000).ok());

  size_t read_back = 0;
  for (int q = 0; q < kQueues; ++q) {
    int64_t offset = 0;
    for (int rounds = 0; rounds < 1000; ++rounds) {
      RemotingCommand pull = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
      for (auto [k, v] :
           std::vector<std::pair<std::string, std::string>>{{"consumerGroup", "GK"},
                                                            {"topic", "KillTopic"},
                                                            {"queueId", std::to_string(q)},
                                                            {"queueOffset", std::to_string(offset)},
                                                            {"maxMsgNums", "32"},
                                                            {"sysFlag", "0"},
                                                            {"commitOffset", "0"},
                                                            {"suspendTimeoutMillis", "0"},
                                                            {"subVersion", "1"}}) {
        pull.SetExtField(k, v);
      }
      Result<RemotingCommand> r = client.InvokeSync(broker_addr, std::move(pull), 5000);
      ASSERT_TRUE(r.ok());
      if (r->code() != ResponseCode::kSuccess) break;
      Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r->body());
      ASSERT_TRUE(msgs.ok());
      for (const MessageExt& m : *msgs) {
        auto it = acked.find({q, m.queue_offset()});
        ASSERT_NE(it, acked.end()) << "unexpected message at " << q << "/" << m.queue_offset();
        EXPECT_EQ(m.tags(), it->second.first);
        EXPECT_EQ(m.keys(), it->second.second);
        EXPECT_EQ(m.body(), bodies[std::make_pair(q, m.queue_offset())]);
        ++read_back;
      }
      offset = std::stoll(r->ext_fields().GetOr("nextBeginOffset", "0"));
    }
  }
  EXPECT_EQ(read_back, acked.size());
  client.Shutdown();
  EXPECT_TRUE(WIFEXITED(broker->Kill(SIGTERM)));
}

}  // namespace
}  // namespace rocketmq::test
