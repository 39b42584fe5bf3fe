// Transport fault handling: malformed frames close only the offending connection, a connection
// closed by the server fails its calls at once and the next call reconnects, idle connections
// are closed on both sides, and Shutdown with calls in flight fails them promptly.
#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "remoting_test_util.h"

namespace rocketmq::remoting::test {
namespace {

// Keeps a well-behaved client busy with sync calls until stopped; counts successes/failures.
class BackgroundTraffic {
 public:
  BackgroundTraffic(RemotingClient& client, std::string addr)
      : thread_([this, &client, addr] {
          int i = 0;
          while (!stop_.load()) {
            const std::string body = "bg-" + std::to_string(i++);
            auto r = client.InvokeSync(addr, EchoRequest(body), 3000);
            if (r.ok() && r->body() == body) {
              ++ok_;
            } else {
              ++failed_;
            }
          }
        }) {}
  ~BackgroundTraffic() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int ok() const { return ok_.load(); }
  int failed() const { return failed_.load(); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> ok_{0};
  std::atomic<int> failed_{0};
  std::thread thread_;
};

class EventRecorder : public ChannelEventListener {
 public:
  void OnChannelConnect(const std::string&, const std::shared_ptr<Channel>&) override {
    Add("connect");
  }
  void OnChannelClose(const std::string&, const std::shared_ptr<Channel>&) override {
    Add("close");
  }
  void OnChannelIdle(const std::string&, const std::shared_ptr<Channel>&) override { Add("idle"); }
  void OnChannelException(const std::string&, const std::shared_ptr<Channel>&) override {
    Add("exception");
  }
  std::vector<std::string> events() {
    std::lock_guard<std::mutex> lock(mu_);
    return events_;
  }
  int count(const std::string& e) {
    std::lock_guard<std::mutex> lock(mu_);
    int n = 0;
    for (const auto& x : events_) n += x == e;
    return n;
  }

 private:
  void Add(const std::string& e) {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(e);
  }
  std::mutex mu_;
  std::vector<std::string> events_;
};

TEST(RemotingFaultsTest, MalformedFramesCloseOnlyThatConnection) {
  RemotingServer server(LocalServerOptions());
  RegisterEchoProcessors(server);
  auto events = std::make_shared<EventRecorder>();
  server.SetChannelEventListener(events);
  ASSERT_TRUE(server.Start().ok());
  RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  const std::string addr = Addr(server.port());
  ASSERT_TRUE(client.InvokeSync(addr, EchoRequest("warmup"), 3000).ok());
  BackgroundTraffic traffic(client, addr);

  struct Case {
    const char* name;
    std::string bytes;
  };
  std::string bad_json = "{not json at all";
  std::vector<Case> cases = {
      // Garbage whose first 4 bytes read as a length far above 16 MiB.
      {"garbage", std::string("GET / HTTP/1.1\r\nHost: x\r\n\r\n")},
      // A length field just over the 16 MiB limit (no need to send the payload).
      {"length over 16 MiB", Be32(kMaxFrameLength + 1) + std::string(64, 'x')},
      // Header length larger than the frame.
      {"header length past frame", Be32(12) + Be32(100) + std::string(8, 'h')},
      // A well-framed but undecodable JSON header.
      {"bad header bytes", Be32(static_cast<uint32_t>(4 + bad_json.size())) +
                               Be32(static_cast<uint32_t>(bad_json.size())) + bad_json},
      // A length below the 4-byte header-length word.
      {"length below 4", Be32(2) + std::string(2, 'z')},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    RawSocket raw(server.port());
    ASSERT_TRUE(raw.connected());
    ASSERT_TRUE(raw.Send(c.bytes));
    EXPECT_TRUE(raw.WaitClosed());
  }
  // A good frame on a raw socket still works afterwards.
  RawSocket good(server.port());
  RemotingCommand request = EchoRequest("raw-good");
  request.set_opaque(5);
  ASSERT_TRUE(good.Send(request.Encode()));
  auto frame = good.ReadFrame();
  ASSERT_TRUE(frame.has_value());
  auto response = RemotingCommand::Decode(std::string_view(*frame).substr(4));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->body(), "raw-good");

  ASSERT_TRUE(WaitFor([&] { return traffic.ok() > 50; }));
  traffic.Stop();
  EXPECT_EQ(traffic.failed(), 0);
  EXPECT_GT(traffic.ok(), 50);
  ASSERT_TRUE(
      WaitFor([&] { return events->count("exception") == static_cast<int>(cases.size()); }));
  client.Shutdown();
  server.Shutdown();
}

TEST(RemotingFaultsTest, ServerClosingConnectionFailsPendingCallFastAndNextCallReconnects) {
  RemotingServer server(LocalServerOptions());
  RegisterEchoProcessors(server);
  auto events = std::make_shared<EventRecorder>();
  server.SetChannelEventListener(events);
  ASSERT_TRUE(server.Start().ok());
  RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  const std::string addr = Addr(server.port());

  ASSERT_TRUE(client.InvokeSync(addr, EchoRequest("first"), 3000).ok());
  auto first_channel = client.FindChannel(addr);
  ASSERT_NE(first_channel, nullptr);

  // An async call that will never be answered is pending on the same connection.
  std::promise<Status> async_outcome;
  RemotingCommand slow = RemotingCommand::CreateRequest(kSlowCode);
  slow.SetExtField("sleepMs", "800");
  client.InvokeAsync(addr, slow, 10000,
                     [&](Result<RemotingCommand> r) { async_outcome.set_value(r.status()); });

  const auto start = std::chrono::steady_clock::now();
  auto closed = client.InvokeSync(addr, RemotingCommand::CreateRequest(kCloseCode), 10000);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.status().code(), kCodeNotConnected) << closed.status().ToString();
  auto async_status = async_outcome.get_future().get();
  EXPECT_EQ(async_status.code(), kCodeNotConnected) << async_status.ToString();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_FALSE(first_channel->IsActive());

  auto again = client.InvokeSync(addr, EchoRequest("again"), 3000);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->body(), "again");
  auto second_channel = client.FindChannel(addr);
  ASSERT_NE(second_channel, nullptr);
  EXPECT_NE(second_channel->id(), first_channel->id());
  EXPECT_TRUE(
      WaitFor([&] { return events->count("connect") == 2 && events->count("close") >= 1; }));
  client.Shutdown();
  server.Shutdown();
}

TEST(RemotingFaultsTest, IdleConnectionsAreClosedByServerAndClient) {
  auto options = LocalServerOptions();
  options.channel_max_idle_seconds = 1;
  RemotingServer server(options);
  RegisterEchoProcessors(server);
  auto events = std::make_shared<EventRecorder>();
  server.SetChannelEventListener(events);
  ASSERT_TRUE(server.Start().ok());

  RemotingClient client;  // default 120 s idle: the server closes first
  ASSERT_TRUE(client.Start().ok());
  const std::string addr = Addr(server.port());
  ASSERT_TRUE(client.InvokeSync(addr, EchoRequest("x"), 3000).ok());
  auto channel = client.FindChannel(addr);
  ASSERT_NE(channel, nullptr);
  // Idle detection runs on a 1 s timer; allow for a loaded machine.
  ASSERT_TRUE(WaitFor([&] { return !channel->IsActive(); }, std::chrono::seconds(15)));
  ASSERT_TRUE(WaitFor([&] { return events->count("close") == 1; }));
  const auto seen = events->events();
  ASSERT_EQ(seen, (std::vector<std::string>{"connect", "idle", "close"}));
  // And it reconnects.
  ASSERT_TRUE(client.InvokeSync(addr, EchoRequest("y"), 3000).ok());

  // Client-side idle close, against a server that never idles.
  RemotingServer patient(LocalServerOptions());
  RegisterEchoProcessors(patient);
  ASSERT_TRUE(patient.Start().ok());
  RemotingClientOptions client_options;
  client_options.channel_max_idle_seconds = 1;
  RemotingClient idle_client(client_options);
  ASSERT_TRUE(idle_client.Start().ok());
  ASSERT_TRUE(idle_client.InvokeSync(Addr(patient.port()), EchoRequest("z"), 3000).ok());
  auto idle_channel = idle_client.FindChannel(Addr(patient.port()));
  ASSERT_NE(idle_channel, nullptr);
  ASSERT_TRUE(WaitFor([&] { return !idle_channel->IsActive(); }, std::chrono::seconds(15)));
  // The table entry goes on the loop thread right after the channel turns inactive.
  EXPECT_TRUE(WaitFor([&] { return idle_client.FindChannel(Addr(patient.port())) == nullptr; }));
  idle_client.Shutdown();
  patient.Shutdown();
  client.Shutdown();
  server.Shutdown();
}

TEST(RemotingFaultsTest, ShutdownWithCallsInFlightFailsThemPromptly) {
  RemotingServer server(LocalServerOptions());
  RegisterEchoProcessors(server);
  ASSERT_TRUE(server.Start().ok());
  auto client = std::make_unique<RemotingClient>();
  ASSERT_TRUE(client->Start().ok());
  const std::string addr = Addr(server.port());

  constexpr int kCalls = 200;
  std::mutex mu;
  std::vector<Status> outcomes;
  for (int i = 0; i < kCalls; ++i) {
    RemotingCommand slow = RemotingCommand::CreateRequest(kSlowCode);
    slow.SetExtField("sleepMs", "200");
    client->InvokeAsync(addr, slow, 30000, [&](Result<RemotingCommand> r) {
      std::lock_guard<std::mutex> lock(mu);
      outcomes.push_back(r.status());
    });
  }
  std::thread sync_caller([&] {
    RemotingCommand slow = RemotingCommand::CreateRequest(kSlowCode);
    slow.SetExtField("sleepMs", "200");
    auto r = client->InvokeSync(addr, slow, 30000);
    std::lock_guard<std::mutex> lock(mu);
    outcomes.push_back(r.status());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const auto start = std::chrono::steady_clock::now();
  client->Shutdown();
  client->Shutdown();  // idempotent
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  sync_caller.join();
  {
    std::lock_guard<std::mutex> lock(mu);
    ASSERT_EQ(outcomes.size(), static_cast<size_t>(kCalls + 1));
    for (const auto& s : outcomes) {
      EXPECT_EQ(s.code(), kCodeShutdown) << s.ToString();
    }
  }
  // After shutdown, calls fail at once.
  EXPECT_EQ(client->InvokeSync(addr, EchoRequest("late"), 1000).status().code(), kCodeShutdown);
  client.reset();  // destructor after Shutdown
  server.Shutdown();
}

TEST(RemotingFaultsTest, StartStopInALoopLeavesNothingBehind) {
  for (int i = 0; i < 20; ++i) {
    RemotingServer server(LocalServerOptions());
    RegisterEchoProcessors(server);
    ASSERT_TRUE(server.Start().ok());
    RemotingClient client;
    ASSERT_TRUE(client.Start().ok());
    auto r = client.InvokeSync(Addr(server.port()), EchoRequest(std::to_string(i)), 3000);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->body(), std::to_string(i));
  }
}

// A client that shuts down must close its sockets at once, so the server notices (a broker drops
// the client's channel). Repeated because closing raced with stopping the loop.
TEST(RemotingFaultsTest, ClientShutdownClosesItsSocketsAtOnce) {
  auto events = std::make_shared<EventRecorder>();
  RemotingServer server(LocalServerOptions());
  // Answers after pushing a oneway request to the client, as a broker's NOTIFY does.
  server.RegisterProcessor(
      9101, MakeProcessor([](const std::shared_ptr<Channel>& channel, RemotingCommand& request) {
        (void)channel->InvokeOneway(RemotingCommand::CreateRequest(9100));
        return std::optional<RemotingCommand>(RemotingCommand::CreateResponse(request, 0));
      }));
  server.SetChannelEventListener(events);
  ASSERT_TRUE(server.Start().ok());
  const std::string addr = Addr(server.port());
  constexpr int kRounds = 30;
  for (int round = 1; round <= kRounds; ++round) {
    RemotingClient client;
    client.RegisterProcessor(9100,
                             MakeProcessor([](const std::shared_ptr<Channel>&, RemotingCommand&) {
                               return std::optional<RemotingCommand>();
                             }));
    ASSERT_TRUE(client.Start().ok());
    ASSERT_TRUE(client.InvokeSync(addr, RemotingCommand::CreateRequest(9101), 3000).ok());
    client.Shutdown();
    ASSERT_TRUE(
        WaitFor([&] { return events->count("close") == round; }, std::chrono::milliseconds(2000)))
        << "round " << round << ": the server saw " << events->count("close") << " closes";
  }
  server.Shutdown();
}

}  // namespace
}  // namespace rocketmq::remoting::test
