// Abusive connections against the real mqbroker and mqnamesrv (child processes): frames left
// half-written, a thousand idle connections, a client that never reads its responses. The
// servers stay up, a well-behaved client keeps being served within its deadline, resident
// memory stays bounded, and every acknowledged message reads back.
#include <dirent.h>
#include <sys/resource.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "hostile/hostile_util.h"

namespace rocketmq::test::hostile {
namespace {

constexpr char kTopic[] = "HostileConnTopic";

// Raises the soft fd limit to at least `needed` (up to the hard limit); false when impossible.
bool EnsureFdLimit(rlim_t needed) {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return false;
  if (lim.rlim_cur >= needed) return true;
  if (lim.rlim_max != RLIM_INFINITY && lim.rlim_max < needed) return false;
  lim.rlim_cur = needed;
  return setrlimit(RLIMIT_NOFILE, &lim) == 0;
}

TEST(HostileConnections, FiftyHalfWrittenFramesHeldOpen) {
  Servers servers("hostile_half");
  ASSERT_TRUE(servers.ns_up && servers.broker_up);
  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  AckLedger ledger;
  ASSERT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100), 100);
  const int64_t rss_before = RssKb(servers.broker->pid());

  std::vector<std::unique_ptr<RawConn>> held;
  for (int i = 0; i < 50; ++i) {
    for (int port : {servers.broker_port, servers.ns_port}) {
      auto conn = std::make_unique<RawConn>(port);
      ASSERT_TRUE(conn->connected());
      // A 1 MiB frame of which only the length field and a piece of the header arrive; odd
      // cases stop inside the length field itself.
      std::string frame = JsonFrame("{\"code\":10,\"opaque\":1}", std::string(1 << 20, 'h'));
      ASSERT_TRUE(conn->Send(std::string_view(frame).substr(0, i % 2 == 0 ? 2 + i * 97 : 3)));
      held.push_back(std::move(conn));
    }
  }
  // Served while the half frames wait, and acknowledged sends keep their deadlines.
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(ServedWithin(client, servers.broker_addr));
  EXPECT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100, 3000), 100);
  auto route = client.InvokeSync(
      servers.ns_addr,
      [] {
        auto r = RemotingCommand::CreateRequest(RequestCode::kGetBrokerClusterInfo);
        return r;
      }(),
      3000);
  ASSERT_TRUE(route.ok());
  EXPECT_EQ(route->code(), ResponseCode::kSuccess);
  // The held connections are still open (Java waits for the rest of a frame too, until the
  // idle timeout).
  for (auto& conn : held) EXPECT_FALSE(conn->WaitClosed(10));
  const int64_t rss_held = RssKb(servers.broker->pid());
  EXPECT_LT(rss_held - rss_before, 64 * 1024 + kRssSlackKb)
      << rss_before << " -> " << rss_held << " KiB";
  held.clear();
  EXPECT_TRUE(ServedWithin(client, servers.broker_addr));
  EXPECT_TRUE(Alive(servers.broker->pid()));
  EXPECT_TRUE(Alive(servers.ns->pid()));
  EXPECT_EQ(ledger.ReadBackAll(client, servers.broker_addr, kTopic), ledger.size());
  client.Shutdown();
}

TEST(HostileConnections, ThousandIdleConnections) {
  constexpr int kIdle = 1000;
  // Two thousand sockets here (the broker and the NameServer each take a thousand), plus the
  // test's own; the children inherit the raised limit.
  if (!EnsureFdLimit(2 * kIdle + 256)) {
    GTEST_SKIP() << "the fd limit (ulimit -n) cannot be raised to " << 2 * kIdle + 256;
  }
  Servers servers("hostile_idle");
  ASSERT_TRUE(servers.ns_up && servers.broker_up);
  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  AckLedger ledger;
  ASSERT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100), 100);
  const int64_t broker_rss_before = RssKb(servers.broker->pid());
  const int64_t ns_rss_before = RssKb(servers.ns->pid());

  std::vector<std::unique_ptr<RawConn>> idle;
  for (int i = 0; i < kIdle; ++i) {
    for (int port : {servers.broker_port, servers.ns_port}) {
      auto conn = std::make_unique<RawConn>(port);
      ASSERT_TRUE(conn->connected()) << "connection " << i << " to " << port;
      idle.push_back(std::move(conn));
    }
    if (i % 100 == 99) {
      EXPECT_TRUE(ServedWithin(client, servers.broker_addr)) << "after " << i + 1;
    }
  }
  EXPECT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100, 3000), 100);
  // Each idle connection still works: a request on some of them is answered.
  for (int i = 0; i < kIdle * 2; i += 97) {
    RemotingCommand req = RemotingCommand::CreateRequest(9999);
    req.set_opaque(i);
    ASSERT_TRUE(idle[i]->Send(req.Encode()));
    auto reply = idle[i]->ReadFrame(3000);
    ASSERT_TRUE(reply.has_value()) << "idle connection " << i;
    EXPECT_EQ(reply->opaque(), i);
    EXPECT_EQ(reply->code(), ResponseCode::kRequestCodeNotSupported);
  }
  const int64_t broker_rss = RssKb(servers.broker->pid());
  const int64_t ns_rss = RssKb(servers.ns->pid());
  RecordProperty("broker_rss_kb",
                 std::to_string(broker_rss_before) + "->" + std::to_string(broker_rss));
  RecordProperty("namesrv_rss_kb", std::to_string(ns_rss_before) + "->" + std::to_string(ns_rss));
  // A thousand connections may cost a few KiB each, not more.
  EXPECT_LT(broker_rss - broker_rss_before, 64 * 1024 + kRssSlackKb);
  EXPECT_LT(ns_rss - ns_rss_before, 64 * 1024 + kRssSlackKb);
  idle.clear();
  EXPECT_TRUE(ServedWithin(client, servers.broker_addr));
  EXPECT_TRUE(Alive(servers.ns->pid()));
  EXPECT_EQ(ledger.ReadBackAll(client, servers.broker_addr, kTopic), ledger.size());
  client.Shutdown();
}

TEST(HostileConnections, ClientThatNeverReadsIsClosedWithBoundedMemory) {
  Servers servers("hostile_noread");
  ASSERT_TRUE(servers.ns_up && servers.broker_up);
  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  AckLedger ledger;
  ASSERT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100), 100);
  // Enough topics that GET_ALL_TOPIC_CONFIG answers tens of KiB for a 100-byte request.
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(ServedWithin(client, servers.broker_addr));
    auto r = client.InvokeSync(servers.broker_addr,
                               SendRequest("HostileFill" + std::to_string(i), 0, "x"), 3000);
    ASSERT_TRUE(r.ok());
  }
  const int64_t rss_before = RssKb(servers.broker->pid());

  RawConn greedy(servers.broker_port);
  ASSERT_TRUE(greedy.connected());
  greedy.SetReceiveBuffer(4096);
  RemotingCommand req = RemotingCommand::CreateRequest(RequestCode::kGetAllTopicConfig);
  const std::string frame = req.Encode();
  std::string burst;
  for (int i = 0; i < 100; ++i) burst += frame;
  const auto start = std::chrono::steady_clock::now();
  int64_t requests = 0;
  int64_t peak_rss = rss_before;
  bool closed = false;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(90)) {
    if (!greedy.Send(burst, 2000)) {
      closed = true;
      break;
    }
    requests += 100;
    if (requests % 2000 == 0) {
      peak_rss = std::max(peak_rss, RssKb(servers.broker->pid()));
      EXPECT_TRUE(ServedWithin(client, servers.broker_addr)) << "after " << requests;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  peak_rss = std::max(peak_rss, RssKb(servers.broker->pid()));
  RecordProperty("requests_before_close", std::to_string(requests));
  RecordProperty("broker_rss_kb", std::to_string(rss_before) + "->" + std::to_string(peak_rss));
  EXPECT_TRUE(closed) << "the broker still takes requests after " << requests;
  // The broker closed it (reading now gets what was sent before, then the end), rather than
  // stopped reading for a while.
  EXPECT_TRUE(greedy.WaitClosed(10000));
  // The output limit (64 MiB) plus what is in flight in the worker pools.
  EXPECT_LT(peak_rss - rss_before, 160 * 1024 + kRssSlackKb)
      << rss_before << " -> " << peak_rss << " KiB";
  EXPECT_TRUE(Alive(servers.broker->pid()));
  EXPECT_TRUE(ServedWithin(client, servers.broker_addr));
  EXPECT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 50, 3000), 50);
  EXPECT_EQ(ledger.ReadBackAll(client, servers.broker_addr, kTopic), ledger.size());
  EXPECT_NE(servers.BrokerLog().find("unread by the peer"), std::string::npos);
  client.Shutdown();
}

// How many descriptors `pid` has open.
int OpenFds(pid_t pid) {
  int n = 0;
  DIR* dir = opendir(("/proc/" + std::to_string(pid) + "/fd").c_str());
  if (dir == nullptr) return -1;
  while (dirent* e = readdir(dir)) {
    if (e->d_name[0] != '.') ++n;
  }
  closedir(dir);
  return n;
}

size_t CountOccurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

TEST(HostileConnections, OutOfFileDescriptorsPausesAcceptingThenRecovers) {
  Servers servers("hostile_emfile");
  ASSERT_TRUE(servers.ns_up && servers.broker_up);
  remoting::RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  AckLedger ledger;
  ASSERT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 100), 100);
  const pid_t pid = servers.broker->pid();
  rlimit old_limit{};
  ASSERT_EQ(prlimit(pid, RLIMIT_NOFILE, nullptr, &old_limit), 0);
  const int open_now = OpenFds(pid);
  ASSERT_GT(open_now, 0);
  rlimit tight = old_limit;
  tight.rlim_cur = static_cast<rlim_t>(open_now + 10);
  ASSERT_EQ(prlimit(pid, RLIMIT_NOFILE, &tight, nullptr), 0);

  // 50 connections: about 10 are accepted, the others wait in the backlog while accept() fails
  // with EMFILE.
  std::vector<std::unique_ptr<RawConn>> conns;
  for (int i = 0; i < 50; ++i) {
    conns.push_back(std::make_unique<RawConn>(servers.broker_port));
    ASSERT_TRUE(conns.back()->connected());
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_TRUE(Alive(pid));
  // The connection that was open before keeps being served.
  EXPECT_EQ(ledger.Send(client, servers.broker_addr, kTopic, 20, 3000), 20);
  // One line per failed accept(): about one a second, not a busy loop of them.
  const size_t warnings = CountOccurrences(servers.BrokerLog(), "Too many open files");
  RecordProperty("accept_failure_lines", std::to_string(warnings));
  EXPECT_GE(warnings, 1u);
  EXPECT_LE(warnings, 8u) << "accept() failures must not spin";

  conns.clear();
  ASSERT_EQ(prlimit(pid, RLIMIT_NOFILE, &old_limit, nullptr), 0);
  // New connections are accepted again: a fresh client is served within its deadline.
  remoting::RemotingClient fresh;
  ASSERT_TRUE(fresh.Start().ok());
  bool served = false;
  for (int i = 0; i < 5 && !served; ++i) served = ServedWithin(fresh, servers.broker_addr);
  EXPECT_TRUE(served);
  EXPECT_EQ(ledger.ReadBackAll(fresh, servers.broker_addr, kTopic), ledger.size());
  fresh.Shutdown();
  client.Shutdown();
}

}  // namespace
}  // namespace rocketmq::test::hostile
