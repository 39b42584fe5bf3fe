// cluster_demo: talks to a running NameServer + broker the way a RocketMQ client does, with the
// remoting layer only (the producer and consumer APIs come later): finds the broker through the
// NameServer, creates a topic, sends messages with SEND_MESSAGE_V2, pulls every queue back with
// PULL_MESSAGE, checks each message came back as sent, and prints the cluster's brokers.
//
//   cluster_demo -n 127.0.0.1:9876 [-t DemoTopic] [-c 16]
// Exits 0 when every sent message was read back byte for byte.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

#include <gflags/gflags.h>

#include "common/message.h"
#include "common/message_decoder.h"
#include "common/message_id.h"
#include "common/model/cluster_info.h"
#include "common/model/json_body.h"
#include "common/model/route_data.h"
#include "common/response_code.h"
#include "remoting/remoting_client.h"
#include "remoting/request_code.h"

DEFINE_string(n, "127.0.0.1:9876", "NameServer address");
DEFINE_string(t, "DemoTopic", "topic to create, send to and pull from");
DEFINE_int32(c, 16, "number of messages");
DEFINE_int32(q, 4, "queues of the topic");
DEFINE_string(g, "demo_group", "producer and consumer group");

namespace {

using rocketmq::Message;
using rocketmq::ResponseCode;
using rocketmq::Result;
using rocketmq::remoting::RemotingClient;
using rocketmq::remoting::RemotingCommand;
using rocketmq::remoting::RequestCode;

constexpr int64_t kTimeoutMs = 5000;

// The RemotingCommand answer, or an error line on stderr and nullopt.
std::optional<RemotingCommand> Call(RemotingClient& client, const std::string& addr,
                                    RemotingCommand request, const char* what) {
  Result<RemotingCommand> r = client.InvokeSync(addr, std::move(request), kTimeoutMs);
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, r.status().ToString().c_str());
    return std::nullopt;
  }
  return std::move(r).value();
}

std::optional<rocketmq::ClusterInfo> GetClusterInfo(RemotingClient& client) {
  auto r = Call(client, FLAGS_n, RemotingCommand::CreateRequest(RequestCode::kGetBrokerClusterInfo),
                "GET_BROKER_CLUSTER_INFO");
  if (!r || r->code() != ResponseCode::kSuccess) return std::nullopt;
  auto info = rocketmq::DecodeJsonBody<rocketmq::ClusterInfo>(r->body());
  if (!info.ok()) {
    std::fprintf(stderr, "cluster info: %s\n", info.status().ToString().c_str());
    return std::nullopt;
  }
  return *info;
}

bool CreateTopic(RemotingClient& client, const std::string& broker) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUpdateAndCreateTopic);
  request.SetExtField("topic", FLAGS_t);
  request.SetExtField("defaultTopic", "TBW102");
  request.SetExtField("readQueueNums", std::to_string(FLAGS_q));
  request.SetExtField("writeQueueNums", std::to_string(FLAGS_q));
  request.SetExtField("perm", "6");
  request.SetExtField("topicFilterType", "SINGLE_TAG");
  request.SetExtField("topicSysFlag", "0");
  request.SetExtField("order", "false");
  auto r = Call(client, broker, std::move(request), "UPDATE_AND_CREATE_TOPIC");
  return r && r->code() == ResponseCode::kSuccess;
}

bool WaitForRoute(RemotingClient& client) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetRouteinfoByTopic);
    request.SetExtField("topic", FLAGS_t);
    auto r = Call(client, FLAGS_n, std::move(request), "GET_ROUTEINFO_BY_TOPIC");
    if (r && r->code() == ResponseCode::kSuccess) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// Sends message i to queue i % q; returns "" on success or what went wrong.
std::string Send(RemotingClient& client, const std::string& broker, const Message& msg,
                 int queue_id) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kSendMessageV2);
  request.SetExtField("a", FLAGS_g);
  request.SetExtField("b", msg.topic());
  request.SetExtField("c", "TBW102");
  request.SetExtField("d", "4");
  request.SetExtField("e", std::to_string(queue_id));
  request.SetExtField("f", "0");
  request.SetExtField("g", std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count()));
  request.SetExtField("h", "0");
  request.SetExtField("i", msg.properties().Encode());
  request.SetExtField("j", "0");
  request.SetExtField("k", "false");
  request.SetExtField("m", "false");
  request.set_body(msg.body());
  auto r = Call(client, broker, std::move(request), "SEND_MESSAGE_V2");
  if (!r) return "no answer";
  if (r->code() != ResponseCode::kSuccess) {
    return rocketmq::ResponseCodeName(r->code()) + " " + r->remark().value_or("");
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  gflags::SetUsageMessage("send and pull messages through the bundled NameServer + broker");
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);

  RemotingClient client;
  if (!client.Start().ok()) return 1;

  auto cluster = GetClusterInfo(client);
  if (!cluster || cluster->broker_addr_table.empty()) {
    std::fprintf(stderr, "no broker registered with %s\n", FLAGS_n.c_str());
    return 1;
  }
  const rocketmq::BrokerData& first = cluster->broker_addr_table.begin()->second;
  auto master = first.broker_addrs.find(rocketmq::kMasterBrokerId);
  if (master == first.broker_addrs.end()) {
    std::fprintf(stderr, "broker %s has no master\n", first.broker_name.c_str());
    return 1;
  }
  const std::string broker = master->second;
  if (!CreateTopic(client, broker) || !WaitForRoute(client)) return 1;
  std::printf("topic %s: %d queues on %s (%s)\n", FLAGS_t.c_str(), FLAGS_q,
              first.broker_name.c_str(), broker.c_str());

  std::map<std::string, Message> sent;  // UNIQ_KEY -> message
  for (int i = 0; i < FLAGS_c; ++i) {
    Message msg(FLAGS_t, i % 2 == 0 ? "TagA" : "TagB", "KEY-" + std::to_string(i),
                "hello rocketmq " + std::to_string(i));
    std::string uniq = rocketmq::UniqueIdGenerator::Default().Next();
    msg.PutProperty("UNIQ_KEY", uniq);
    std::string error = Send(client, broker, msg, i % FLAGS_q);
    if (!error.empty()) {
      std::fprintf(stderr, "send %d failed: %s\n", i, error.c_str());
      return 1;
    }
    sent.emplace(uniq, std::move(msg));
  }
  std::printf("sent %d messages\n", FLAGS_c);

  // Pull every queue from offset 0 as a consumer does: long polling (the broker holds the
  // request until the queue has data), following nextBeginOffset, until each queue has given
  // back what was sent to it.
  int matched = 0;
  for (int queue_id = 0; queue_id < FLAGS_q; ++queue_id) {
    const int expected = FLAGS_c / FLAGS_q + (queue_id < FLAGS_c % FLAGS_q ? 1 : 0);
    int received = 0;
    int64_t offset = 0;
    for (int attempt = 0; received < expected && attempt < 20; ++attempt) {
      RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
      request.SetExtField("consumerGroup", FLAGS_g);
      request.SetExtField("topic", FLAGS_t);
      request.SetExtField("queueId", std::to_string(queue_id));
      request.SetExtField("queueOffset", std::to_string(offset));
      request.SetExtField("maxMsgNums", "32");
      request.SetExtField("sysFlag", "6");  // FLAG_SUSPEND | FLAG_SUBSCRIPTION (no heartbeat)
      request.SetExtField("commitOffset", "0");
      request.SetExtField("suspendTimeoutMillis", "1000");
      request.SetExtField("subscription", "*");
      request.SetExtField("expressionType", "TAG");
      request.SetExtField("subVersion", "0");
      auto r = Call(client, broker, std::move(request), "PULL_MESSAGE");
      if (!r) return 1;
      if (r->code() == ResponseCode::kPullNotFound) continue;  // held 1 s, nothing yet
      if (r->code() != ResponseCode::kSuccess) {
        std::fprintf(stderr, "pull of queue %d failed: %s %s\n", queue_id,
                     rocketmq::ResponseCodeName(r->code()).c_str(),
                     r->remark().value_or("").c_str());
        return 1;
      }
      auto next = r->GetExtInt64("nextBeginOffset");
      auto msgs = rocketmq::DecodeStoredMessages(r->body());
      if (!next.ok() || !msgs.ok()) {
        std::fprintf(stderr, "pull of queue %d: bad response\n", queue_id);
        return 1;
      }
      offset = *next;
      for (const auto& m : *msgs) {
        auto it = sent.find(m.GetProperty("UNIQ_KEY"));
        bool same = it != sent.end() && it->second.body() == m.body() &&
                    it->second.tags() == m.tags() && it->second.keys() == m.keys();
        matched += same ? 1 : 0;
        ++received;
        std::printf("  queue %d offset %lld: %s tags=%s keys=%s \"%s\"%s\n", queue_id,
                    static_cast<long long>(m.queue_offset()), m.msg_id().c_str(), m.tags().c_str(),
                    m.keys().c_str(), m.body().c_str(), same ? "" : "  <-- NOT AS SENT");
      }
    }
  }
  std::printf("pulled back %d of %d messages as sent\n", matched, FLAGS_c);

  if (auto after = GetClusterInfo(client)) {
    std::printf("%-22s %-22s %-4s %s\n", "#Cluster Name", "#Broker Name", "#BID", "#Addr");
    for (const auto& [cluster_name, names] : after->cluster_addr_table) {
      for (const auto& name : names) {
        auto b = after->broker_addr_table.find(name);
        if (b == after->broker_addr_table.end()) continue;
        for (const auto& [id, addr] : b->second.broker_addrs) {
          std::printf("%-22s %-22s %-4lld %s\n", cluster_name.c_str(), name.c_str(),
                      static_cast<long long>(id), addr.c_str());
        }
      }
    }
  }
  client.Shutdown();
  return matched == FLAGS_c ? 0 : 1;
}
