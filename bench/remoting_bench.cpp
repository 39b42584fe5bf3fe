// remoting_bench: RemotingClient -> RemotingServer (in one process, over 127.0.0.1) against an
// echo processor. Measures synchronous request/response with N caller threads and pipelined
// asynchronous calls with W calls in flight; prints ops/s and p50/p99 latency.
//
//   remoting_bench --mode=both --duration_s=5 --threads=8 --window=256 --body_size=128
#include <gflags/gflags.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/logging.h"
#include "common/response_code.h"
#include "remoting/remoting_client.h"
#include "remoting/remoting_server.h"

DEFINE_string(mode, "both", "sync | async | both");
DEFINE_int32(duration_s, 5, "seconds per measurement");
DEFINE_int32(threads, 8, "caller threads for the sync measurement");
DEFINE_int32(window, 256, "calls in flight for the async measurement");
DEFINE_int32(body_size, 128, "request body bytes (echoed back)");
DEFINE_int32(server_workers, 4, "server processor threads");
DEFINE_bool(tls, false, "use TLS between client and server");
DEFINE_bool(rocketmq_headers, false, "ROCKETMQ binary headers instead of JSON");

namespace rocketmq::remoting {
namespace {

constexpr int32_t kEchoCode = 9001;
using Clock = std::chrono::steady_clock;

struct Stats {
  uint64_t ops = 0;
  uint64_t errors = 0;
  std::vector<uint32_t> latencies_us;
};

void Print(const char* name, Stats stats, double seconds) {
  std::sort(stats.latencies_us.begin(), stats.latencies_us.end());
  auto pct = [&](double p) -> double {
    if (stats.latencies_us.empty()) return 0;
    size_t idx = static_cast<size_t>(p * static_cast<double>(stats.latencies_us.size() - 1));
    return stats.latencies_us[idx];
  };
  std::printf("%-6s ops=%llu errors=%llu ops/s=%.0f p50=%.0fus p99=%.0fus\n", name,
              static_cast<unsigned long long>(stats.ops),     // NOLINT(runtime/int)
              static_cast<unsigned long long>(stats.errors),  // NOLINT(runtime/int)
              static_cast<double>(stats.ops) / seconds, pct(0.50), pct(0.99));
}

RemotingCommand MakeRequest(const std::string& body) {
  RemotingCommand request = RemotingCommand::CreateRequest(kEchoCode);
  request.SetExtField("topic", "BenchTopic");
  request.SetExtField("queueId", "0");
  request.set_body(body);
  return request;
}

void RunSync(RemotingClient& client, const std::string& addr, const std::string& body) {
  std::vector<Stats> per_thread(static_cast<size_t>(FLAGS_threads));
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(FLAGS_duration_s);
  for (int t = 0; t < FLAGS_threads; ++t) {
    threads.emplace_back([&, t] {
      Stats& s = per_thread[static_cast<size_t>(t)];
      while (Clock::now() < end) {
        const auto t0 = Clock::now();
        auto r = client.InvokeSync(addr, MakeRequest(body), 3000);
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);
        if (r.ok() && r->code() == ResponseCode::kSuccess) {
          ++s.ops;
          s.latencies_us.push_back(static_cast<uint32_t>(us.count()));
        } else {
          ++s.errors;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  Stats total;
  for (auto& s : per_thread) {
    total.ops += s.ops;
    total.errors += s.errors;
    total.latencies_us.insert(total.latencies_us.end(), s.latencies_us.begin(),
                              s.latencies_us.end());
  }
  Print("sync", std::move(total), seconds);
}

void RunAsync(RemotingClient& client, const std::string& addr, const std::string& body) {
  std::mutex mu;
  std::condition_variable cv;
  int in_flight = 0;
  Stats stats;
  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(FLAGS_duration_s);
  while (Clock::now() < end) {
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return in_flight < FLAGS_window; });
      ++in_flight;
    }
    const auto t0 = Clock::now();
    client.InvokeAsync(addr, MakeRequest(body), 3000, [&, t0](Result<RemotingCommand> r) {
      const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);
      std::lock_guard<std::mutex> lock(mu);
      if (r.ok() && r->code() == ResponseCode::kSuccess) {
        ++stats.ops;
        stats.latencies_us.push_back(static_cast<uint32_t>(us.count()));
      } else {
        ++stats.errors;
      }
      --in_flight;
      cv.notify_one();
    });
  }
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return in_flight == 0; });
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  Print("async", std::move(stats), seconds);
}

int Main() {
  RemotingServerOptions server_options;
  server_options.listen_host = "127.0.0.1";
  server_options.worker_threads = static_cast<size_t>(FLAGS_server_workers);
  server_options.serialize_type =
      FLAGS_rocketmq_headers ? SerializeType::kRocketMQ : SerializeType::kJson;
  RemotingServer server(server_options);
  server.RegisterProcessor(
      kEchoCode, MakeProcessor([](const std::shared_ptr<Channel>&, RemotingCommand& request) {
        RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
        response.set_body(request.body());
        return std::optional<RemotingCommand>(std::move(response));
      }));
  Status st = server.Start();
  if (!st.ok()) {
    std::fprintf(stderr, "server start failed: %s\n", st.ToString().c_str());
    return 1;
  }
  RemotingClientOptions client_options;
  client_options.use_tls = FLAGS_tls;
  client_options.serialize_type = server_options.serialize_type;
  RemotingClient client(client_options);
  st = client.Start();
  if (!st.ok()) {
    std::fprintf(stderr, "client start failed: %s\n", st.ToString().c_str());
    return 1;
  }
  const std::string addr = "127.0.0.1:" + std::to_string(server.port());
  const std::string body(static_cast<size_t>(FLAGS_body_size), 'x');
  std::printf("remoting_bench: duration=%ds threads=%d window=%d body=%dB tls=%d headers=%s\n",
              FLAGS_duration_s, FLAGS_threads, FLAGS_window, FLAGS_body_size, FLAGS_tls ? 1 : 0,
              FLAGS_rocketmq_headers ? "ROCKETMQ" : "JSON");
  if (FLAGS_mode == "sync" || FLAGS_mode == "both") RunSync(client, addr, body);
  if (FLAGS_mode == "async" || FLAGS_mode == "both") RunAsync(client, addr, body);
  client.Shutdown();
  server.Shutdown();
  return 0;
}

}  // namespace
}  // namespace rocketmq::remoting

int main(int argc, char** argv) {
  gflags::SetUsageMessage("remoting request/response benchmark over loopback");
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  return rocketmq::remoting::Main();
}
