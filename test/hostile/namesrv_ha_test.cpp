// Hostile bytes against the real mqnamesrv's remoting port (broken frames, garbage
// REGISTER_BROKER requests) and the broker's HA port (garbage in place of a slave's offset
// reports). Each gets Java's error answer or a closed connection; the servers stay up, the
// route table keeps the real broker, and acknowledged messages read back.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "common/crc32.h"
#include "hostile/hostile_util.h"

namespace rocketmq::test::hostile {
namespace {

constexpr char kTopic[] = "HostileNsTopic";

RemotingCommand RegisterBroker(std::vector<std::pair<std::string, std::string>> fields,
                               std::string body) {
  RemotingCommand req = RemotingCommand::CreateRequest(RequestCode::kRegisterBroker);
  for (auto& [k, v] : fields) req.SetExtField(k, v);
  req.set_body(std::move(body));
  req.set_opaque(21);
  return req;
}

std::vector<std::pair<std::string, std::string>> GoodFields(const std::string& crc = "0") {
  return {{"brokerName", "broker-evil"},
          {"brokerAddr", "127.0.0.1:1"},
          {"clusterName", "DefaultCluster"},
          {"haServerAddr", "127.0.0.1:2"},
          {"brokerId", "0"},
          {"compressed", "false"},
          {"bodyCrc32", crc}};
}

TEST(HostileNamesrv, BrokenFramesAndGarbageRegisterBroker) {
  Servers servers("hostile_ns");
  ASSERT_TRUE(servers.ns_up && servers.broker_up);
  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  AckLedger ledger;
  ASSERT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100), 100);

  // Frames that must close the connection.
  std::mt19937 rng(1414);
  std::vector<std::pair<std::string, std::string>> closing;
  std::string random(8192, '\0');
  for (char& c : random) c = static_cast<char>(rng());
  random[0] = 0x7f;
  closing.push_back({"random bytes", random});
  std::string len(4, '\0');
  for (uint32_t v : {0x7fffffffu, 0xffffffffu, 0u, 3u, 0x01000001u}) {
    EncodeFixed32BE(len.data(), v);
    closing.push_back({"length " + std::to_string(v), len + std::string(16, '\0')});
  }
  std::string lying = RawFrame(0, std::string(20, ' '));
  EncodeFixed32BE(lying.data() + 4, 5000);
  closing.push_back({"header longer than its frame", lying});
  closing.push_back({"non-JSON header", JsonFrame("<xml/>")});
  closing.push_back({"truncated JSON header", JsonFrame("{\"code\":103,\"extFields\":{")});
  closing.push_back({"unknown serialize type", RawFrame(9, "{\"code\":103}")});
  closing.push_back({"code as a string word", JsonFrame("{\"code\":\"register\"}")});
  for (const auto& [name, bytes] : closing) {
    SCOPED_TRACE(name);
    RawConn conn(servers.ns_port);
    ASSERT_TRUE(conn.connected());
    conn.Send(bytes);
    EXPECT_TRUE(conn.WaitClosed(5000));
    ASSERT_TRUE(Alive(servers.ns->pid()));
  }

  // Requests that decode but are wrong: Java answers SYSTEM_ERROR (a header field missing or
  // not a number, a body that does not decode, a CRC mismatch).
  const std::string garbage(4096, '\x9c');
  const std::string crc = std::to_string(RocketmqCrc32(garbage));
  struct Bad {
    std::string name;
    RemotingCommand request;
    std::string remark_part;
  };
  std::vector<Bad> bad;
  bad.push_back({"no header fields", RegisterBroker({}, ""), ""});
  auto fields = GoodFields();
  fields[4].second = "zero";
  bad.push_back({"brokerId not a number", RegisterBroker(fields, ""), ""});
  bad.push_back({"garbage body", RegisterBroker(GoodFields(crc), garbage), ""});
  bad.push_back(
      {"body CRC mismatch", RegisterBroker(GoodFields("12345"), garbage), "crc32 not match"});
  fields = GoodFields(crc);
  fields[5].second = "true";
  bad.push_back({"garbage compressed body", RegisterBroker(fields, garbage), ""});
  const std::string wrong_types = "{\"topicConfigSerializeWrapper\":5,\"filterServerList\":{}}";
  bad.push_back(
      {"body with wrongly typed members",
       RegisterBroker(GoodFields(std::to_string(RocketmqCrc32(wrong_types))), wrong_types), ""});
  for (Bad& b : bad) {
    SCOPED_TRACE(b.name);
    RawConn conn(servers.ns_port);
    ASSERT_TRUE(conn.Send(b.request.Encode()));
    auto reply = conn.ReadFrame(5000);
    ASSERT_TRUE(reply.has_value()) << "closed: " << conn.closed();
    EXPECT_EQ(reply->code(), ResponseCode::kSystemError) << reply->ToString();
    EXPECT_EQ(reply->opaque(), 21);
    if (!b.remark_part.empty()) {
      EXPECT_NE(reply->remark().value_or("").find(b.remark_part), std::string::npos)
          << reply->ToString();
    }
  }
  // Unknown codes and unknown topics.
  {
    RawConn conn(servers.ns_port);
    RemotingCommand unknown = RemotingCommand::CreateRequest(31337);
    unknown.set_opaque(5);
    ASSERT_TRUE(conn.Send(unknown.Encode()));
    auto reply = conn.ReadFrame(3000);
    // Java's NameServer leaves an unknown code unanswered; ours answers it as the broker does.
    if (reply.has_value()) {
      EXPECT_EQ(reply->code(), ResponseCode::kRequestCodeNotSupported);
    }
    RemotingCommand route = RemotingCommand::CreateRequest(RequestCode::kGetRouteinfoByTopic);
    route.SetExtField("topic", "no such topic!" + std::string(300, '!'));
    route.set_opaque(6);
    ASSERT_TRUE(conn.Send(route.Encode()));
    reply = conn.ReadFrame(3000);
    ASSERT_TRUE(reply.has_value());
    EXPECT_EQ(reply->code(), ResponseCode::kTopicNotExist);
  }

  // The route table still holds the real broker and nothing the garbage tried to register.
  auto info = client.InvokeSync(
      servers.ns_addr, RemotingCommand::CreateRequest(RequestCode::kGetBrokerClusterInfo), 3000);
  ASSERT_TRUE(info.ok());
  EXPECT_NE(info->body().find("broker-h"), std::string::npos) << info->body();
  EXPECT_TRUE(Alive(servers.ns->pid()));
  EXPECT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 50, 3000), 50);
  EXPECT_EQ(ledger.ReadBackAll(client, servers.broker_addr, kTopic), ledger.size());
  client.Shutdown();
}

std::string Offset8(int64_t v) {
  std::string s(8, '\0');
  EncodeFixed64BE(s.data(), static_cast<uint64_t>(v));
  return s;
}

TEST(HostileHa, GarbageOnTheHaPort) {
  Servers servers("hostile_ha");
  ASSERT_TRUE(servers.ns_up && servers.broker_up);
  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  AckLedger ledger;
  ASSERT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100), 100);
  const int64_t rss_before = RssKb(servers.broker->pid());

  std::mt19937 rng(77);
  std::string random(4096, '\0');
  for (char& c : random) c = static_cast<char>(rng());
  random[0] = static_cast<char>(0x80);  // a negative request offset
  struct HaCase {
    std::string name;
    std::string bytes;
  };
  std::vector<HaCase> closing = {
      {"random bytes", random},
      {"request offset INT64_MAX", Offset8(INT64_MAX)},
      {"request offset -1", Offset8(-1)},
      {"request offset -2^20", Offset8(-(1 << 20))},
      {"request offset INT64_MIN", Offset8(INT64_MIN)},
      {"request offset inside a message", Offset8(7)},
      {"a remoting frame", SendRequest(kTopic, 0, "x").Encode()},
      {"offset 0, then a report past the CommitLog", Offset8(0) + Offset8(1LL << 40)},
  };
  for (const HaCase& c : closing) {
    SCOPED_TRACE(c.name);
    RawConn conn(servers.ha_port);
    ASSERT_TRUE(conn.connected());
    conn.Send(c.bytes);
    EXPECT_TRUE(conn.WaitClosed(5000));
    ASSERT_TRUE(Alive(servers.broker->pid()));
    EXPECT_TRUE(ServedWithin(client, servers.broker_addr));
  }
  // Many fake slaves at once, some mid-report, none reading what the master streams.
  std::vector<std::unique_ptr<RawConn>> fakes;
  for (int i = 0; i < 100; ++i) {
    auto conn = std::make_unique<RawConn>(servers.ha_port);
    ASSERT_TRUE(conn->connected());
    conn->SetReceiveBuffer(4096);
    conn->Send(i % 2 == 0 ? Offset8(0) : std::string(3, '\x01'));
    fakes.push_back(std::move(conn));
  }
  EXPECT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100, 3000), 100);
  const int64_t rss_fakes = RssKb(servers.broker->pid());
  EXPECT_LT(rss_fakes - rss_before, 128 * 1024 + kRssSlackKb) << rss_before << " -> " << rss_fakes;
  fakes.clear();
  EXPECT_TRUE(ServedWithin(client, servers.broker_addr));
  EXPECT_TRUE(Alive(servers.broker->pid()));
  EXPECT_EQ(ledger.ReadBackAll(client, servers.broker_addr, kTopic), ledger.size());
  client.Shutdown();
}

}  // namespace
}  // namespace rocketmq::test::hostile
