// Hostile bytes against the broker's remoting port (the real mqbroker, a child process): broken
// frames must close only their own connection (with a WARN line), bad requests must get the
// error Java 4.9.8 answers, the broker stays up, a well-behaved client keeps being served within
// its deadline, and every message acknowledged before and during the abuse reads back after.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "hostile/hostile_util.h"

namespace rocketmq::test::hostile {
namespace {

constexpr char kTopic[] = "HostileTopic";

// One raw case: bytes written on a fresh connection and what must follow.
struct FrameCase {
  FrameCase(std::string n, std::string b, bool c = true, int rc = 0, std::string r = "")
      : name(std::move(n)), bytes(std::move(b)), closed(c), code(rc), remark_part(std::move(r)) {}
  std::string name;
  std::string bytes;
  // Closed: the broker must close the connection. Otherwise it must answer with `code`.
  bool closed = true;
  int code = 0;
  std::string remark_part;  // must occur in the answer's remark (when not empty)
};

std::string Header(int code, const std::string& ext_json, int opaque = 7) {
  return "{\"code\":" + std::to_string(code) + ",\"extFields\":" + ext_json +
         ",\"flag\":0,\"language\":\"JAVA\",\"opaque\":" + std::to_string(opaque) +
         ",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":409}";
}

std::string SendFrame(const std::string& topic, const std::string& queue, size_t body_size) {
  RemotingCommand req = SendRequest(topic, 0, std::string(body_size, 'z'));
  req.SetExtField("e", queue);
  req.set_opaque(11);
  return req.Encode();
}

std::string PullFrame(const std::string& group, const std::string& queue,
                      const std::string& offset) {
  RemotingCommand pull = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
  for (auto [k, v] : std::vector<std::pair<std::string, std::string>>{{"consumerGroup", group},
                                                                      {"topic", kTopic},
                                                                      {"queueId", queue},
                                                                      {"queueOffset", offset},
                                                                      {"maxMsgNums", "32"},
                                                                      {"sysFlag", "0"},
                                                                      {"commitOffset", "0"},
                                                                      {"suspendTimeoutMillis", "0"},
                                                                      {"subVersion", "1"}}) {
    pull.SetExtField(k, v);
  }
  pull.set_opaque(12);
  return pull.Encode();
}

std::vector<FrameCase> BrokerCases() {
  std::vector<FrameCase> cases;
  std::mt19937 rng(14);
  for (int i = 0; i < 4; ++i) {
    std::string random(1024 + 4096 * i, '\0');
    for (char& c : random) c = static_cast<char>(rng());
    random[0] = static_cast<char>(0x40 | (rng() & 0x3F));  // a length field above 16 MiB
    cases.push_back({"random bytes #" + std::to_string(i), random});
  }
  std::string len(4, '\0');
  EncodeFixed32BE(len.data(), 0x7fffffff);
  cases.push_back({"length 0x7fffffff", len + std::string(100, 'x')});
  EncodeFixed32BE(len.data(), 0xffffffff);
  cases.push_back({"length -1", len + std::string(100, 'x')});
  EncodeFixed32BE(len.data(), 0x80000000);
  cases.push_back({"length INT_MIN", len + std::string(100, 'x')});
  for (uint32_t n : {0u, 1u, 2u, 3u}) {
    EncodeFixed32BE(len.data(), n);
    cases.push_back({"length " + std::to_string(n), len + std::string(n, '\0') + "tail"});
  }
  EncodeFixed32BE(len.data(), 16 * 1024 * 1024 + 1);
  cases.push_back({"length 16 MiB + 1", len + std::string(64, '\0')});
  // Header length word 1000 in a 30-byte frame.
  std::string lying = RawFrame(0, std::string(26, '{'));
  EncodeFixed32BE(lying.data() + 4, 1000);
  cases.push_back({"header longer than its frame", lying});
  cases.push_back({"header length 0xFFFFFF", [] {
                     std::string f = RawFrame(0, "{}");
                     EncodeFixed32BE(f.data() + 4, 0x00FFFFFF);
                     return f;
                   }()});
  cases.push_back({"non-JSON header", JsonFrame("hello, broker")});
  cases.push_back({"empty JSON header", JsonFrame("")});
  cases.push_back({"truncated JSON header", JsonFrame("{\"code\":10,\"extFields\":{\"a\":\"pg")});
  cases.push_back({"JSON array header", JsonFrame("[1,2,3]")});
  cases.push_back({"deeply nested JSON header",
                   JsonFrame(std::string(100000, '[') + std::string(100000, ']'))});
  cases.push_back({"unknown serialize type 7", RawFrame(7, Header(10, "{}"))});
  cases.push_back({"unknown serialize type 0xFF", RawFrame(0xFF, Header(10, "{}"))});
  cases.push_back({"binary header shorter than its fixed part", RawFrame(1, "\x00\x0a\x00")});
  cases.push_back({"binary header negative remark length",
                   RawFrame(1, std::string("\x00\x0a\x00\x01\x99\x00\x00\x00\x07\x00\x00\x00\x00"
                                           "\xff\xff\xff\xff\x00\x00\x00\x00",
                                           21))});
  cases.push_back({"code as a word", JsonFrame(Header(0, "{}").replace(8, 1, "\"ten\""))});
  cases.push_back({"extFields as an array", JsonFrame(Header(10, "[1,2]"))});
  cases.push_back({"opaque as an object", JsonFrame("{\"code\":10,\"opaque\":{}}")});
  cases.push_back({"remark as a number", JsonFrame("{\"code\":10,\"opaque\":3,\"remark\":5}")});
  // Decodable frames with bad requests: Java's answers.
  cases.push_back({"unknown request code 9999", JsonFrame(Header(9999, "{}")), false,
                   ResponseCode::kRequestCodeNotSupported, " request type 9999 not supported"});
  cases.push_back({"unknown request code -5", JsonFrame(Header(-5, "{}")), false,
                   ResponseCode::kRequestCodeNotSupported, " request type -5 not supported"});
  cases.push_back({"send without its header fields", JsonFrame(Header(310, "{}")), false,
                   ResponseCode::kSystemError, ""});
  cases.push_back({"send with queueId 9999", SendFrame(kTopic, "9999", 10), false,
                   ResponseCode::kSystemError, "is illegal"});
  cases.push_back({"send with queueId not a number", SendFrame(kTopic, "two", 10), false,
                   ResponseCode::kSystemError, ""});
  cases.push_back({"send to topic with illegal characters", SendFrame("bad topic!", "0", 10), false,
                   ResponseCode::kSystemError, "contains illegal characters"});
  cases.push_back({"send to a 200-byte topic", SendFrame(std::string(200, 't'), "0", 10), false,
                   ResponseCode::kSystemError, "longer than topic max length"});
  cases.push_back({"send with an 8 MiB body", SendFrame(kTopic, "0", 8 * 1024 * 1024), false,
                   ResponseCode::kMessageIllegal,
                   "the message is illegal, maybe msg body or properties length not matched. msg "
                   "body length limit 4194304B, msg properties length limit 32KB."});
  cases.push_back({"pull queueId 9999", PullFrame("HostileGroup", "9999", "0"), false,
                   ResponseCode::kSystemError, "queueId[9999] is illegal"});
  cases.push_back({"pull queueId -1", PullFrame("HostileGroup", "-1", "0"), false,
                   ResponseCode::kSystemError, "queueId[-1] is illegal"});
  cases.push_back({"pull offset not a number", PullFrame("HostileGroup", "0", "x"), false,
                   ResponseCode::kSystemError, ""});
  cases.push_back(
      {"pull from an invalid group name", PullFrame("bad group!", "0", "0"), false, -1, ""});
  cases.push_back({"pull offset -1", PullFrame("HostileGroup", "0", "-1"), false, -1, ""});
  cases.push_back(
      {"pull offset 2^62", PullFrame("HostileGroup", "0", "4611686018427387904"), false, -1, ""});
  return cases;
}

TEST(HostileBrokerFrames, EveryBrokenFrameClosesOrErrorsAndNothingAckedIsLost) {
  Servers servers("hostile_frames");
  ASSERT_TRUE(servers.ns_up && servers.broker_up);
  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  AckLedger ledger;
  ASSERT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 200), 200);
  const int64_t rss_before = RssKb(servers.broker->pid());

  for (int round = 0; round < 3; ++round) {
    for (const FrameCase& c : BrokerCases()) {
      SCOPED_TRACE(c.name);
      RawConn conn(servers.broker_port);
      ASSERT_TRUE(conn.connected());
      conn.Send(c.bytes);  // may fail part way: the broker closed early
      if (c.closed) {
        EXPECT_TRUE(conn.WaitClosed(5000)) << "the broker kept the connection open";
      } else {
        auto reply = conn.ReadFrame(5000);
        ASSERT_TRUE(reply.has_value()) << "no answer (closed: " << conn.closed() << ")";
        EXPECT_TRUE(reply->IsResponse());
        if (c.code >= 0) {
          EXPECT_EQ(reply->code(), c.code) << reply->ToString();
        } else {
          EXPECT_NE(reply->code(), ResponseCode::kSuccess) << reply->ToString();
        }
        if (!c.remark_part.empty()) {
          EXPECT_NE(reply->remark().value_or("").find(c.remark_part), std::string::npos)
              << reply->ToString();
        }
      }
      ASSERT_TRUE(Alive(servers.broker->pid()));
    }
    // Acknowledged sends interleaved with the abuse, each within its deadline.
    EXPECT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 50, 3000), 50);
    EXPECT_TRUE(ServedWithin(client, servers.broker_addr));
  }

  const int64_t rss_after = RssKb(servers.broker->pid());
  RecordProperty("broker_rss_kb_before", std::to_string(rss_before));
  RecordProperty("broker_rss_kb_after", std::to_string(rss_after));
  // Three rounds of 8 MiB bodies and 16 MiB frames: nothing of them may stay resident.
  EXPECT_LT(rss_after - rss_before, 64 * 1024 + kRssSlackKb)
      << rss_before << " KiB -> " << rss_after << " KiB";
  EXPECT_EQ(ledger.ReadBackAll(client, servers.broker_addr, kTopic), ledger.size());
  const std::string log = servers.BrokerLog();
  EXPECT_NE(log.find("bad frame"), std::string::npos);
  EXPECT_NE(log.find("undecodable frame"), std::string::npos);
  client.Shutdown();
}

}  // namespace
}  // namespace rocketmq::test::hostile
