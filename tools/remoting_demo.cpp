// remoting_demo: a RemotingServer and a RemotingClient talking over loopback, the way every
// RocketMQ peer does: sync, async and oneway requests, and an unsupported request code. Prints
// what happened and exits non-zero if anything was not answered as expected.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include <gflags/gflags.h>

#include "common/response_code.h"
#include "remoting/remoting_client.h"
#include "remoting/remoting_server.h"
#include "rocketmq/version.h"

DEFINE_int32(async_calls, 1000, "number of asynchronous requests to send");
DEFINE_int32(timeout_ms, 3000, "per-request timeout");

namespace {

using rocketmq::ResponseCode;
using rocketmq::Result;
using rocketmq::remoting::Channel;
using rocketmq::remoting::RemotingClient;
using rocketmq::remoting::RemotingCommand;
using rocketmq::remoting::RemotingServer;
using rocketmq::remoting::RemotingServerOptions;

constexpr int32_t kEchoCode = 9001;     // not a RocketMQ request code
constexpr int32_t kNoticeCode = 9002;   // oneway notice, counted by the server
constexpr int32_t kUnknownCode = 9999;  // nobody handles it

RemotingCommand Echo(const std::string& body) {
  RemotingCommand request = RemotingCommand::CreateRequest(kEchoCode);
  request.SetExtField("demo", "true");
  request.set_body(body);
  return request;
}

}  // namespace

int main(int argc, char** argv) {
  gflags::SetUsageMessage("RemotingClient <-> RemotingServer round trips over 127.0.0.1");
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // keep our lines in order with the log lines

  std::atomic<int> notices{0};
  RemotingServerOptions options;
  options.listen_host = "127.0.0.1";
  RemotingServer server(options);
  server.RegisterProcessor(
      kEchoCode, rocketmq::remoting::MakeProcessor([](const std::shared_ptr<Channel>&,
                                                      RemotingCommand& request) {
        RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
        response.set_body(request.body());
        return std::optional<RemotingCommand>(std::move(response));
      }));
  server.RegisterProcessor(kNoticeCode,
                           rocketmq::remoting::MakeProcessor(
                               [&notices](const std::shared_ptr<Channel>&, RemotingCommand&) {
                                 notices.fetch_add(1);
                                 return std::optional<RemotingCommand>();
                               }));
  if (auto st = server.Start(); !st.ok()) {
    std::fprintf(stderr, "server start failed: %s\n", st.ToString().c_str());
    return 1;
  }
  const std::string addr = "127.0.0.1:" + std::to_string(server.port());
  std::printf("rocketmq-cpp %s (protocol version %d): server listening on %s\n",
              rocketmq::Version(), rocketmq::ProtocolVersion(), addr.c_str());

  RemotingClient client;
  if (auto st = client.Start(); !st.ok()) {
    std::fprintf(stderr, "client start failed: %s\n", st.ToString().c_str());
    return 1;
  }
  int failures = 0;

  Result<RemotingCommand> sync = client.InvokeSync(addr, Echo("hello rocketmq"), FLAGS_timeout_ms);
  if (sync.ok() && sync->code() == ResponseCode::kSuccess && sync->body() == "hello rocketmq") {
    std::printf("sync:    answered, opaque %d, body \"%s\"\n", sync->opaque(),
                sync->body().c_str());
  } else {
    std::printf("sync:    FAILED %s\n",
                sync.ok() ? sync->ToString().c_str() : sync.status().ToString().c_str());
    ++failures;
  }

  std::mutex mu;
  std::condition_variable cv;
  int done = 0, good = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < FLAGS_async_calls; ++i) {
    std::string body = "async-" + std::to_string(i);
    client.InvokeAsync(addr, Echo(body), FLAGS_timeout_ms, [&, body](Result<RemotingCommand> r) {
      std::lock_guard<std::mutex> lock(mu);
      if (r.ok() && r->body() == body) ++good;
      ++done;
      cv.notify_one();
    });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done == FLAGS_async_calls; });
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("async:   %d/%d answered correctly in %.1f ms\n", good, FLAGS_async_calls, ms);
  if (good != FLAGS_async_calls) ++failures;

  for (int i = 0; i < 3; ++i) {
    if (!client.InvokeOneway(addr, RemotingCommand::CreateRequest(kNoticeCode)).ok()) ++failures;
  }
  for (int i = 0; i < 100 && notices.load() < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::printf("oneway:  %d/3 notices reached the server (no responses expected)\n", notices.load());
  if (notices.load() != 3) ++failures;

  Result<RemotingCommand> unknown =
      client.InvokeSync(addr, RemotingCommand::CreateRequest(kUnknownCode), FLAGS_timeout_ms);
  if (unknown.ok() && unknown->code() == ResponseCode::kRequestCodeNotSupported) {
    std::printf("unknown: code %d %s, remark \"%s\"\n", unknown->code(),
                rocketmq::ResponseCodeName(unknown->code()).c_str(),
                unknown->remark().value_or("").c_str());
  } else {
    std::printf("unknown: FAILED\n");
    ++failures;
  }

  client.Shutdown();
  server.Shutdown();
  std::printf("%s\n", failures == 0 ? "remoting demo OK" : "remoting demo FAILED");
  return failures == 0 ? 0 : 1;
}
