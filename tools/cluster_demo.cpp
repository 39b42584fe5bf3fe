// cluster_demo: talks to a running NameServer + broker through the client library: finds the
// broker through the NameServer (ClientApi), creates a topic, sends messages with
// DefaultMQProducer, pulls every queue back with ClientApi::PullMessageSync, checks each message
// came back as sent, and prints the cluster's brokers.
//
//   cluster_demo -n 127.0.0.1:9876 [-t DemoTopic] [-c 16]
// Exits 0 when every sent message was read back byte for byte.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

#include <gflags/gflags.h>

#include "client/client_api.h"
#include "common/message_decoder.h"
#include "common/model/cluster_info.h"
#include "common/model/route_data.h"
#include "common/model/topic_config.h"
#include "remoting/remoting_client.h"
#include "rocketmq/rocketmq.h"

DEFINE_string(n, "127.0.0.1:9876", "NameServer address");
DEFINE_string(t, "DemoTopic", "topic to create, send to and pull from");
DEFINE_int32(c, 16, "number of messages");
DEFINE_int32(q, 4, "queues of the topic");
DEFINE_string(g, "demo_group", "producer and consumer group");

namespace {

using rocketmq::MessageExt;
using rocketmq::Result;
using rocketmq::client::ClientApi;

constexpr int64_t kTimeoutMs = 5000;

bool WaitForRoute(ClientApi& api) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (api.GetTopicRouteInfoFromNameServer(FLAGS_t, kTimeoutMs).ok()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::fprintf(stderr, "no route for %s\n", FLAGS_t.c_str());
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  gflags::SetUsageMessage("send and pull messages through the bundled NameServer + broker");
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);

  rocketmq::remoting::RemotingClient client;
  if (!client.Start().ok()) return 1;
  ClientApi api(&client, {FLAGS_n});

  Result<rocketmq::ClusterInfo> cluster = api.GetBrokerClusterInfo(kTimeoutMs);
  if (!cluster.ok() || cluster->broker_addr_table.empty()) {
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
  rocketmq::TopicConfig topic;
  topic.topic_name = FLAGS_t;
  topic.read_queue_nums = FLAGS_q;
  topic.write_queue_nums = FLAGS_q;
  rocketmq::Status created = api.CreateTopic(broker, "TBW102", topic, kTimeoutMs);
  if (!created.ok()) {
    std::fprintf(stderr, "UPDATE_AND_CREATE_TOPIC: %s\n", created.ToString().c_str());
    return 1;
  }
  if (!WaitForRoute(api)) return 1;
  std::printf("topic %s: %d queues on %s (%s)\n", FLAGS_t.c_str(), FLAGS_q,
              first.broker_name.c_str(), broker.c_str());

  // Send with the producer, one message per queue in turn.
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  producer.setNamesrvAddr(FLAGS_n);
  std::map<std::string, rocketmq::MQMessage> sent;  // UNIQ_KEY -> message
  try {
    producer.start();
    for (int i = 0; i < FLAGS_c; ++i) {
      rocketmq::MQMessage msg(FLAGS_t, i % 2 == 0 ? "TagA" : "TagB", "KEY-" + std::to_string(i),
                              "hello rocketmq " + std::to_string(i));
      rocketmq::SendResult r =
          producer.send(msg, rocketmq::MQMessageQueue(FLAGS_t, first.broker_name, i % FLAGS_q));
      sent.emplace(r.getMsgId(), msg);
    }
  } catch (const rocketmq::MQException& e) {
    std::fprintf(stderr, "send failed: %s\n", e.what());
    return 1;
  }
  producer.shutdown();
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
      rocketmq::client::PullMessageRequestHeader h;
      h.consumer_group = FLAGS_g;
      h.topic = FLAGS_t;
      h.queue_id = queue_id;
      h.queue_offset = offset;
      h.max_msg_nums = 32;
      h.sys_flag = rocketmq::client::BuildPullSysFlag(false, true, true, false);
      h.suspend_timeout_millis = 1000;
      h.subscription = "*";
      h.expression_type = "TAG";
      Result<rocketmq::client::PullResponse> r = api.PullMessageSync(broker, h, kTimeoutMs);
      if (!r.ok()) {
        std::fprintf(stderr, "pull of queue %d failed: %s\n", queue_id,
                     r.status().ToString().c_str());
        return 1;
      }
      if (r->status != rocketmq::client::PullStatus::kFound) continue;  // held 1 s, nothing yet
      auto msgs = rocketmq::DecodeStoredMessages(r->message_binary);
      if (!msgs.ok()) {
        std::fprintf(stderr, "pull of queue %d: bad response\n", queue_id);
        return 1;
      }
      offset = r->next_begin_offset;
      for (const MessageExt& m : *msgs) {
        auto it = sent.find(m.unique_key());
        bool same = it != sent.end() && it->second.getBody() == m.body() &&
                    it->second.getTags() == m.tags() && it->second.getKeys() == m.keys();
        matched += same ? 1 : 0;
        ++received;
        std::printf("  queue %d offset %lld: %s tags=%s keys=%s \"%s\"%s\n", queue_id,
                    static_cast<long long>(m.queue_offset()), m.msg_id().c_str(), m.tags().c_str(),
                    m.keys().c_str(), m.body().c_str(), same ? "" : "  <-- NOT AS SENT");
      }
    }
  }
  std::printf("pulled back %d of %d messages as sent\n", matched, FLAGS_c);

  if (auto after = api.GetBrokerClusterInfo(kTimeoutMs); after.ok()) {
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
