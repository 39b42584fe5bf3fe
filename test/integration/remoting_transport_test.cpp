// RemotingClient <-> RemotingServer over loopback: correlation of many concurrent calls, sync
// calls, timeouts and late replies, oneway, server-initiated requests, unknown codes, overload,
// serialize types and RPC hooks.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <vector>

#include "remoting/request_code.h"
#include "remoting_test_util.h"

namespace rocketmq::remoting::test {
namespace {

class RemotingTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<RemotingServer>(LocalServerOptions());
    RegisterEchoProcessors(*server_);
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<RemotingClient>();
    ASSERT_TRUE(client_->Start().ok());
    addr_ = Addr(server_->port());
  }
  void TearDown() override {
    client_->Shutdown();
    server_->Shutdown();
  }

  std::unique_ptr<RemotingServer> server_;
  std::unique_ptr<RemotingClient> client_;
  std::string addr_;
};

TEST_F(RemotingTransportTest, SyncCallEchoesBodyAndHeader) {
  RemotingCommand request = EchoRequest("hello");
  request.SetExtField("topic", "TopicTest");
  auto response = client_->InvokeSync(addr_, request, 3000);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_TRUE(response->IsResponse());
  EXPECT_EQ(response->code(), ResponseCode::kSuccess);
  EXPECT_EQ(response->body(), "hello");
  EXPECT_EQ(response->ext_fields().GetOr("topic"), "TopicTest");
  EXPECT_EQ(response->ext_fields().GetOr("tag"), "hello");
  EXPECT_EQ(response->serialize_type(), SerializeType::kJson);
}

TEST_F(RemotingTransportTest, TenThousandConcurrentAsyncCallsAllAnsweredCorrectly) {
  constexpr int kCalls = 10000;
  std::mutex mu;
  std::condition_variable cv;
  int done = 0;
  std::vector<std::string> bodies(kCalls);
  std::vector<int> callback_counts(kCalls, 0);
  std::set<int32_t> opaques;
  int failures = 0;
  const std::thread::id test_thread = std::this_thread::get_id();
  std::atomic<bool> ran_on_test_thread{false};
  for (int i = 0; i < kCalls; ++i) {
    client_->InvokeAsync(addr_, EchoRequest("body-" + std::to_string(i)), 20000,
                         [&, i](Result<RemotingCommand> r) {
                           if (std::this_thread::get_id() == test_thread) ran_on_test_thread = true;
                           std::lock_guard<std::mutex> lock(mu);
                           ++callback_counts[i];
                           if (r.ok()) {
                             bodies[i] = r->body();
                             opaques.insert(r->opaque());
                             EXPECT_EQ(r->ext_fields().GetOr("tag"), r->body());
                           } else {
                             ++failures;
                           }
                           ++done;
                           cv.notify_all();
                         });
  }
  std::unique_lock<std::mutex> lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(60), [&] { return done == kCalls; }))
      << "only " << done << " callbacks";
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(opaques.size(), static_cast<size_t>(kCalls));  // every response its own opaque
  for (int i = 0; i < kCalls; ++i) {
    ASSERT_EQ(callback_counts[i], 1) << i;
    ASSERT_EQ(bodies[i], "body-" + std::to_string(i));
  }
  EXPECT_FALSE(ran_on_test_thread.load());
}

TEST_F(RemotingTransportTest, SyncTimeoutThenLateReplyIsDroppedNotDeliveredToNextCall) {
  RemotingCommand slow = RemotingCommand::CreateRequest(kSlowCode);
  slow.SetExtField("sleepMs", "600");
  slow.set_body("slow");
  const auto start = std::chrono::steady_clock::now();
  auto response = client_->InvokeSync(addr_, slow, 150);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(response.ok());
  EXPECT_TRUE(response.status().IsTimeout()) << response.status().ToString();
  EXPECT_NE(response.status().message().find("timeout, 150(ms)"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::milliseconds(550));
  EXPECT_GE(elapsed, std::chrono::milliseconds(140));

  // Calls made while the late reply is on its way get their own answers.
  for (int i = 0; i < 20; ++i) {
    auto fast = client_->InvokeSync(addr_, EchoRequest("fast-" + std::to_string(i)), 3000);
    ASSERT_TRUE(fast.ok()) << fast.status().ToString();
    EXPECT_EQ(fast->body(), "fast-" + std::to_string(i));
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
  }
  auto after = client_->InvokeSync(addr_, EchoRequest("after"), 3000);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->body(), "after");
}

TEST_F(RemotingTransportTest, AsyncTimeoutFiresOnceWithTimeoutStatus) {
  RemotingCommand slow = RemotingCommand::CreateRequest(kSlowCode);
  slow.SetExtField("sleepMs", "500");
  std::mutex mu;
  std::vector<Status> outcomes;
  client_->InvokeAsync(addr_, slow, 100, [&](Result<RemotingCommand> r) {
    std::lock_guard<std::mutex> lock(mu);
    outcomes.push_back(r.status());
  });
  ASSERT_TRUE(WaitFor([&] {
    std::lock_guard<std::mutex> lock(mu);
    return !outcomes.empty();
  }));
  // Wait past the late reply: it must not produce a second callback.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].IsTimeout()) << outcomes[0].ToString();
}

TEST_F(RemotingTransportTest, UnknownRequestCodeGetsCode3WithJavaRemark) {
  RemotingCommand request = RemotingCommand::CreateRequest(12345);
  auto response = client_->InvokeSync(addr_, request, 3000);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->code(), ResponseCode::kRequestCodeNotSupported);
  ASSERT_TRUE(response->remark().has_value());
  EXPECT_EQ(*response->remark(), " request type 12345 not supported");
}

TEST(RemotingServerTest, OnewayReachesServerAndGetsNoResponse) {
  RemotingServer server(LocalServerOptions());
  std::atomic<int> oneway_seen{0};
  std::atomic<int32_t> seen_flag{0};
  server.RegisterProcessor(kEchoCode,
                           MakeProcessor([&](const std::shared_ptr<Channel>&, RemotingCommand& r) {
                             if (r.IsOneway()) {
                               seen_flag = r.flag();
                               ++oneway_seen;
                             }
                             // Even a processor that returns a response must not be answered.
                             return std::optional<RemotingCommand>(EchoOf(r));
                           }));
  ASSERT_TRUE(server.Start().ok());

  RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  ASSERT_TRUE(client.InvokeOneway(Addr(server.port()), EchoRequest("one")).ok());
  ASSERT_TRUE(WaitFor([&] { return oneway_seen.load() == 1; }));
  EXPECT_EQ(seen_flag.load(), kFlagOneway);

  // On a raw socket: a oneway frame, then a normal request; the first frame back must be the
  // answer to the normal request.
  RawSocket raw(server.port());
  ASSERT_TRUE(raw.connected());
  RemotingCommand oneway = EchoRequest("raw-oneway");
  oneway.set_opaque(7);
  oneway.MarkOneway();
  RemotingCommand normal = EchoRequest("raw-normal");
  normal.set_opaque(8);
  ASSERT_TRUE(raw.Send(oneway.Encode()));
  ASSERT_TRUE(WaitFor([&] { return oneway_seen.load() == 2; }));
  ASSERT_TRUE(raw.Send(normal.Encode()));
  auto frame = raw.ReadFrame();
  ASSERT_TRUE(frame.has_value());
  auto response = RemotingCommand::Decode(std::string_view(*frame).substr(4));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->opaque(), 8);
  EXPECT_EQ(response->body(), "raw-normal");
  client.Shutdown();
  server.Shutdown();
}

TEST(RemotingServerTest, ServerInitiatedRequestsAreAnsweredByClientProcessors) {
  RemotingServer server(LocalServerOptions());
  std::mutex mu;
  std::shared_ptr<Channel> client_channel;
  server.RegisterProcessor(
      RequestCode::kHeartBeat,
      MakeProcessor([&](const std::shared_ptr<Channel>& ch, RemotingCommand& r) {
        std::lock_guard<std::mutex> lock(mu);
        client_channel = ch;
        return std::optional<RemotingCommand>(
            RemotingCommand::CreateResponse(r, ResponseCode::kSuccess));
      }));
  ASSERT_TRUE(server.Start().ok());

  RemotingClient client;
  std::atomic<int> notified{0};
  client.RegisterProcessor(
      RequestCode::kCheckTransactionState,
      MakeProcessor([](const std::shared_ptr<Channel>&, RemotingCommand& r) {
        RemotingCommand response = RemotingCommand::CreateResponse(r, ResponseCode::kSuccess);
        response.SetExtField("transactionId", r.ext_fields().GetOr("transactionId"));
        response.set_body("checked");
        return std::optional<RemotingCommand>(std::move(response));
      }));
  client.RegisterProcessor(RequestCode::kNotifyConsumerIdsChanged,
                           MakeProcessor([&](const std::shared_ptr<Channel>&, RemotingCommand&) {
                             ++notified;
                             return std::optional<RemotingCommand>();
                           }));
  ASSERT_TRUE(client.Start().ok());
  auto hb = client.InvokeSync(Addr(server.port()),
                              RemotingCommand::CreateRequest(RequestCode::kHeartBeat), 3000);
  ASSERT_TRUE(hb.ok()) << hb.status().ToString();
  std::shared_ptr<Channel> ch;
  {
    std::lock_guard<std::mutex> lock(mu);
    ch = client_channel;
  }
  ASSERT_NE(ch, nullptr);
  EXPECT_TRUE(ch->IsActive());

  RemotingCommand check = RemotingCommand::CreateRequest(RequestCode::kCheckTransactionState);
  check.SetExtField("transactionId", "tx-42");
  auto answer = ch->InvokeSync(check, 3000);
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  EXPECT_EQ(answer->code(), ResponseCode::kSuccess);
  EXPECT_EQ(answer->ext_fields().GetOr("transactionId"), "tx-42");
  EXPECT_EQ(answer->body(), "checked");

  ASSERT_TRUE(
      ch->InvokeOneway(RemotingCommand::CreateRequest(RequestCode::kNotifyConsumerIdsChanged))
          .ok());
  ASSERT_TRUE(WaitFor([&] { return notified.load() == 1; }));

  auto unknown =
      ch->InvokeSync(RemotingCommand::CreateRequest(RequestCode::kGetConsumerRunningInfo), 3000);
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->code(), ResponseCode::kRequestCodeNotSupported);
  EXPECT_EQ(unknown->remark().value_or(""), " request type 307 not supported");
  client.Shutdown();
  server.Shutdown();
  // A kept channel outlives the server and fails cleanly.
  EXPECT_FALSE(ch->IsActive());
  EXPECT_FALSE(ch->InvokeSync(check, 100).ok());
}

TEST(RemotingServerTest, FullPoolAnswersSystemBusyOverload) {
  auto options = LocalServerOptions();
  RemotingServer server(options);
  auto pool = std::make_shared<ThreadPool>("tiny", 1, 1);
  std::atomic<bool> release{false};
  std::atomic<int> entered{0};
  server.RegisterProcessor(kSlowCode,
                           MakeProcessor([&](const std::shared_ptr<Channel>&, RemotingCommand& r) {
                             ++entered;
                             WaitFor([&] { return release.load(); });
                             return std::optional<RemotingCommand>(EchoOf(r));
                           }),
                           pool);
  ASSERT_TRUE(server.Start().ok());
  RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  constexpr int kCalls = 6;
  std::mutex mu;
  std::vector<RemotingCommand> responses;
  for (int i = 0; i < kCalls; ++i) {
    client.InvokeAsync(Addr(server.port()), RemotingCommand::CreateRequest(kSlowCode), 10000,
                       [&](Result<RemotingCommand> r) {
                         ASSERT_TRUE(r.ok()) << r.status().ToString();
                         std::lock_guard<std::mutex> lock(mu);
                         responses.push_back(std::move(r).value());
                       });
    // The first call occupies the only worker before the others arrive.
    if (i == 0) {
      ASSERT_TRUE(WaitFor([&] { return entered.load() == 1; }));
    }
  }
  // One running + one queued; the other four are rejected at once.
  ASSERT_TRUE(WaitFor([&] {
    std::lock_guard<std::mutex> lock(mu);
    return responses.size() == kCalls - 2;
  }));
  release = true;
  ASSERT_TRUE(WaitFor([&] {
    std::lock_guard<std::mutex> lock(mu);
    return responses.size() == kCalls;
  }));
  int busy = 0;
  int ok = 0;
  for (const auto& r : responses) {
    if (r.code() == ResponseCode::kSystemBusy) {
      ++busy;
      EXPECT_EQ(r.remark().value_or("").rfind("[OVERLOAD]", 0), 0u) << r.remark().value_or("");
    } else if (r.code() == ResponseCode::kSuccess) {
      ++ok;
    }
  }
  EXPECT_EQ(busy, kCalls - 2);
  EXPECT_EQ(ok, 2);
  client.Shutdown();
  server.Shutdown();
  pool->Shutdown();
}

// Java 4.9 answers in the serialization of the request (the vectors' 02b/02e captures show binary
// answers to binary requests), whatever the server's own setting.
TEST(RemotingServerTest, ResponsesUseTheRequestSerializeType) {
  auto options = LocalServerOptions();
  options.serialize_type = SerializeType::kRocketMQ;
  RemotingServer server(options);
  RegisterEchoProcessors(server);
  ASSERT_TRUE(server.Start().ok());

  RawSocket raw(server.port());
  RemotingCommand request = EchoRequest("json-request");
  request.set_opaque(99);
  ASSERT_EQ(request.serialize_type(), SerializeType::kJson);
  ASSERT_TRUE(raw.Send(request.Encode()));
  auto frame = raw.ReadFrame();
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(static_cast<uint8_t>((*frame)[4]), 0u);  // JSON header, as the request
  auto response = RemotingCommand::Decode(std::string_view(*frame).substr(4));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->opaque(), 99);
  EXPECT_EQ(response->body(), "json-request");

  // A client configured for ROCKETMQ headers talks to the same server.
  RemotingClientOptions client_options;
  client_options.serialize_type = SerializeType::kRocketMQ;
  RemotingClient client(client_options);
  ASSERT_TRUE(client.Start().ok());
  auto r = client.InvokeSync(Addr(server.port()), EchoRequest("binary"), 3000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body(), "binary");
  EXPECT_EQ(r->serialize_type(), SerializeType::kRocketMQ);
  client.Shutdown();
  server.Shutdown();
}

class RecordingHook : public RpcHook {
 public:
  explicit RecordingHook(std::string mark) : mark_(std::move(mark)) {}
  void DoBeforeRequest(const std::string& remote_addr, RemotingCommand& request) override {
    request.SetExtField("hook", mark_);
    std::lock_guard<std::mutex> lock(mu_);
    before_addrs_.push_back(remote_addr);
  }
  void DoAfterResponse(const std::string&, const RemotingCommand& request,
                       RemotingCommand& response) override {
    response.SetExtField("after-" + mark_, request.ext_fields().GetOr("hook"));
    std::lock_guard<std::mutex> lock(mu_);
    ++after_;
  }
  std::vector<std::string> before_addrs() {
    std::lock_guard<std::mutex> lock(mu_);
    return before_addrs_;
  }
  int after() {
    std::lock_guard<std::mutex> lock(mu_);
    return after_;
  }

 private:
  std::string mark_;
  std::mutex mu_;
  std::vector<std::string> before_addrs_;
  int after_ = 0;
};

TEST_F(RemotingTransportTest, RpcHooksRunOnBothSides) {
  auto client_hook = std::make_shared<RecordingHook>("client");
  client_->RegisterRpcHook(client_hook);
  auto server_hook = std::make_shared<RecordingHook>("server");
  server_->RegisterRpcHook(server_hook);

  auto sync = client_->InvokeSync(addr_, EchoRequest("h"), 3000);
  ASSERT_TRUE(sync.ok());
  // The server's before-hook overwrote "hook" before the echo; its after-hook then added
  // "after-server"; the client's after-hook saw its own request's "hook" value.
  EXPECT_EQ(sync->ext_fields().GetOr("hook"), "server");
  EXPECT_EQ(sync->ext_fields().GetOr("after-server"), "server");
  EXPECT_EQ(sync->ext_fields().GetOr("after-client"), "client");

  std::promise<Result<RemotingCommand>> async_result;
  client_->InvokeAsync(addr_, EchoRequest("a"), 3000,
                       [&](Result<RemotingCommand> r) { async_result.set_value(std::move(r)); });
  auto async = async_result.get_future().get();
  ASSERT_TRUE(async.ok());
  EXPECT_EQ(async->ext_fields().GetOr("after-client"), "client");
  EXPECT_EQ(client_hook->before_addrs(), (std::vector<std::string>{addr_, addr_}));
  EXPECT_EQ(client_hook->after(), 2);
  EXPECT_EQ(server_hook->after(), 2);
}

TEST(RemotingClientTest, ConnectFailureFailsFastWithNotConnected) {
  // Bind a port and close it again so that nothing listens there.
  int port = 0;
  {
    RemotingServer probe(LocalServerOptions());
    ASSERT_TRUE(probe.Start().ok());
    port = probe.port();
  }
  RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  const auto start = std::chrono::steady_clock::now();
  auto r = client.InvokeSync(Addr(port), EchoRequest("x"), 5000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), kCodeNotConnected) << r.status().ToString();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(client.InvokeSync("no-port", EchoRequest("x"), 100).status().code(),
            kCodeInvalidArgument);
}

}  // namespace
}  // namespace rocketmq::remoting::test

namespace rocketmq::remoting::test {
namespace {

// Sixteen threads share one connection: their frames are written from the calling threads,
// coalesced while another thread is in sendmsg(); every caller gets exactly its own answer.
TEST_F(RemotingTransportTest, ManySyncCallersOnOneConnectionEachGetTheirOwnAnswer) {
  constexpr int kThreads = 16;
  constexpr int kCallsPerThread = 300;
  std::atomic<int> wrong{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCallsPerThread; ++i) {
        const std::string body = "t" + std::to_string(t) + "-" + std::to_string(i);
        auto r = client_->InvokeSync(addr_, EchoRequest(body), 20000);
        if (!r.ok()) {
          ++failed;
        } else if (r->body() != body) {
          ++wrong;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(wrong.load(), 0);
}

// Answers with body refs (bytes written in place, as PULL does from the mapped CommitLog), large
// enough that the socket buffer fills and the rest is handed to the loop; the owners are released
// once written. Runs on the loop thread (RunsInLoop).
class RefBodyProcessor : public RequestProcessor {
 public:
  explicit RefBodyProcessor(std::shared_ptr<const std::string> data) : data_(std::move(data)) {}
  std::optional<RemotingCommand> ProcessRequest(const std::shared_ptr<Channel>&,
                                                RemotingCommand& request) override {
    RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
    resp.set_body("head:");
    const size_t half = data_->size() / 2;
    resp.AddBodyRef(BodyRef{data_, data_->data(), half});
    resp.AddBodyRef(BodyRef{data_, data_->data() + half, 0});  // ignored
    resp.AddBodyRef(BodyRef{data_, data_->data() + half, data_->size() - half});
    in_loop_calls_++;
    return resp;
  }
  bool RunsInLoop(const RemotingCommand&) const override { return true; }
  std::atomic<int> in_loop_calls_{0};

 private:
  std::shared_ptr<const std::string> data_;
};

TEST(RemotingServerTest, BodyRefsAreWrittenInPlaceAndReleasedAfterwards) {
  constexpr int32_t kRefCode = 9101;
  std::string bytes(3 * 1024 * 1024 + 7, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>('a' + i * 7 % 26);
  auto data = std::make_shared<const std::string>(bytes);
  auto processor = std::make_shared<RefBodyProcessor>(data);
  RemotingServer server(LocalServerOptions());
  server.RegisterProcessor(kRefCode, processor);
  ASSERT_TRUE(server.Start().ok());
  RemotingClient client;
  ASSERT_TRUE(client.Start().ok());
  constexpr int kCalls = 4;
  std::mutex mu;
  std::condition_variable cv;
  int done = 0, good = 0;
  for (int i = 0; i < kCalls; ++i) {  // several answers queued behind each other
    client.InvokeAsync(Addr(server.port()), RemotingCommand::CreateRequest(kRefCode), 30000,
                       [&](Result<RemotingCommand> r) {
                         std::lock_guard<std::mutex> lock(mu);
                         if (r.ok() && r->body() == "head:" + bytes) ++good;
                         ++done;
                         cv.notify_all();
                       });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(60), [&] { return done == kCalls; }));
  }
  EXPECT_EQ(good, kCalls);
  EXPECT_EQ(processor->in_loop_calls_.load(), kCalls);
  // A sync call after the backlog: direct writes resume once the loop drained it.
  auto echo_less =
      client.InvokeSync(Addr(server.port()), RemotingCommand::CreateRequest(kRefCode), 30000);
  ASSERT_TRUE(echo_less.ok()) << echo_less.status().ToString();
  EXPECT_EQ(echo_less->body().size(), 5 + bytes.size());
  client.Shutdown();
  server.Shutdown();
  EXPECT_TRUE(WaitFor([&] { return data.use_count() == 2; }))  // `data` and the processor's
      << "refs still held: " << data.use_count();
}

TEST(RemotingCommandRefsTest, EncodeHeadCountsRefsAndEncodeAppendsThem) {
  auto owner = std::make_shared<const std::string>("0123456789");
  RemotingCommand cmd = RemotingCommand::CreateRequest(77);
  cmd.set_body("ab");
  cmd.AddBodyRef(BodyRef{owner, owner->data() + 2, 3});
  cmd.AddBodyRef(BodyRef{owner, owner->data() + 8, 2});
  EXPECT_EQ(cmd.body_size(), 7u);
  const std::string full = cmd.Encode();
  const std::string head = cmd.EncodeHead();
  EXPECT_EQ(full, head + "234" + "89");
  auto decoded = RemotingCommand::Decode(std::string_view(full).substr(4));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->body(), "ab23489");
  std::vector<BodyRef> refs = cmd.TakeBodyRefs();
  EXPECT_EQ(refs.size(), 2u);
  EXPECT_EQ(cmd.body_size(), 2u);
  EXPECT_EQ(cmd.Encode(),
            RemotingCommand::Decode(std::string_view(cmd.Encode()).substr(4))->Encode());
}

}  // namespace
}  // namespace rocketmq::remoting::test
