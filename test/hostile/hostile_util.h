// Helpers of the hostile-input tests (test/hostile): the real mqnamesrv and mqbroker started as
// child processes on 127.0.0.1 (fresh ports, a temp dir), a raw TCP connection that writes
// arbitrary bytes and reads frames back, the resident set size of a child, and a ledger of
// acknowledged messages that must all read back once the abuse is over.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "common/byte_order.h"
#include "common/message_decoder.h"
#include "common/message_properties.h"
#include "common/model/heartbeat_data.h"
#include "common/response_code.h"
#include "remoting/remoting_client.h"
#include "remoting/remoting_command.h"
#include "remoting/request_code.h"
#include "support/child_process.h"
#include "support/send_request.h"
#include "support/temp_dir.h"

namespace rocketmq::test::hostile {

using remoting::RemotingCommand;
using remoting::RequestCode;

// Extra resident memory allowed in a sanitizer build, where the servers keep freed memory in
// ASan's quarantine (256 MiB by default) and shadow memory grows with the heap.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr int64_t kRssSlackKb = 512 * 1024;
#else
inline constexpr int64_t kRssSlackKb = 0;
#endif

// One blocking TCP connection to 127.0.0.1:port that the test drives byte by byte.
class RawConn {
 public:
  explicit RawConn(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(static_cast<uint16_t>(port));
    if (fd_ >= 0 && connect(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) != 0) {
      close(fd_);
      fd_ = -1;
    }
    if (fd_ >= 0) {
      int one = 1;
      setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
  }
  ~RawConn() {
    if (fd_ >= 0) close(fd_);
  }
  RawConn(const RawConn&) = delete;
  RawConn& operator=(const RawConn&) = delete;

  bool connected() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  // Shrinks the receive buffer (before the peer sends much), for the never-reading client.
  void SetReceiveBuffer(int bytes) {
    setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof(bytes));
  }

  // Writes all of `bytes` (false when the peer has closed). Waits at most `timeout_ms` for room.
  bool Send(std::string_view bytes, int timeout_ms = 5000) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!bytes.empty()) {
      ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        bytes.remove_prefix(static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        if (!WaitFor(POLLOUT, deadline)) return false;
        continue;
      }
      return false;
    }
    return true;
  }

  // The next frame the peer sends, decoded; nullopt on timeout, close or an undecodable frame
  // (closed() tells which).
  std::optional<RemotingCommand> ReadFrame(int timeout_ms = 5000) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      if (in_.size() >= 4) {
        const uint32_t len = DecodeFixed32BE(in_.data());
        if (in_.size() >= 4 + static_cast<size_t>(len)) {
          auto cmd = RemotingCommand::Decode(std::string_view(in_).substr(4, len));
          in_.erase(0, 4 + static_cast<size_t>(len));
          if (!cmd.ok()) return std::nullopt;
          return std::move(cmd).value();
        }
      }
      if (!ReadMore(deadline)) return std::nullopt;
    }
  }

  // True when the peer closes the connection within `timeout_ms` (anything it sends meanwhile
  // is discarded).
  bool WaitClosed(int timeout_ms = 5000) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!closed_) {
      if (!ReadMore(deadline) && !closed_) return false;
      in_.clear();
    }
    return true;
  }
  bool closed() const { return closed_; }

 private:
  using Clock = std::chrono::steady_clock;

  bool WaitFor(short events, Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, events, 0};
    return poll(&p, 1, static_cast<int>(left)) > 0;
  }
  bool ReadMore(Clock::time_point deadline) {
    if (closed_ || !WaitFor(POLLIN, deadline)) return false;
    char buf[65536];
    ssize_t n = recv(fd_, buf, sizeof(buf), MSG_DONTWAIT);
    if (n > 0) {
      in_.append(buf, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return true;
    closed_ = true;  // EOF or reset
    return false;
  }

  int fd_ = -1;
  bool closed_ = false;
  std::string in_;
};

// A frame with the given serialize-type byte, header bytes and body; `length_delta` is added to
// the length field (to make it lie).
inline std::string RawFrame(uint8_t type, std::string_view header, std::string_view body = {},
                            int64_t length_delta = 0) {
  std::string f(8, '\0');
  const int64_t len = 4 + static_cast<int64_t>(header.size() + body.size()) + length_delta;
  EncodeFixed32BE(f.data(), static_cast<uint32_t>(len));
  EncodeFixed32BE(f.data() + 4,
                  (uint32_t{type} << 24) | static_cast<uint32_t>(header.size() & 0xFFFFFF));
  f.append(header);
  f.append(body);
  return f;
}
inline std::string JsonFrame(std::string_view header_json, std::string_view body = {}) {
  return RawFrame(0, header_json, body);
}

// VmRSS of `pid` in KiB (0 when unreadable).
inline int64_t RssKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  }
  return 0;
}

// True while `pid` runs (not a zombie either).
inline bool Alive(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!std::getline(in, stat)) return false;
  const size_t paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] != 'Z';
}

// Whatever the file holds now.
inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// mqnamesrv and one mqbroker (ASYNC_MASTER, SYNC_FLUSH, its HA port open) as child processes.
struct Servers {
  explicit Servers(const std::string& name, const std::string& extra_broker_conf = "") : dir(name) {
    const std::string bin = ROCKETMQ_BIN_DIR;
    ns_port = FreePort();
    broker_port = FreePort();
    ha_port = broker_port + 1;
    WriteTextFile(dir.path() + "/ns.conf", "listenPort=" + std::to_string(ns_port) +
                                               "\nkvConfigPath=" + dir.path() + "/kv.json\n");
    WriteTextFile(
        dir.path() + "/broker.conf",
        "brokerName=broker-h\nbrokerIP1=127.0.0.1\nlistenPort=" + std::to_string(broker_port) +
            "\nhaListenPort=" + std::to_string(ha_port) + "\nstorePathRootDir=" + dir.path() +
            "/store\nflushDiskType=SYNC_FLUSH\nmappedFileSizeCommitLog=67108864\n" +
            extra_broker_conf);
    ns_addr = "127.0.0.1:" + std::to_string(ns_port);
    broker_addr = "127.0.0.1:" + std::to_string(broker_port);
    ns = std::make_unique<ChildProcess>(bin + "/mqnamesrv",
                                        std::vector<std::string>{"-c", dir.path() + "/ns.conf"},
                                        dir.path() + "/ns.out");
    ns_up = ns->WaitForOutput("boot success", std::chrono::seconds(20));
    broker = std::make_unique<ChildProcess>(
        bin + "/mqbroker",
        std::vector<std::string>{"-c", dir.path() + "/broker.conf", "-n", ns_addr},
        dir.path() + "/broker.out");
    broker_up = broker->WaitForOutput("boot success", std::chrono::seconds(20));
  }
  std::string BrokerLog() const { return ReadAll(dir.path() + "/broker.out.err"); }
  std::string NamesrvLog() const { return ReadAll(dir.path() + "/ns.out.err"); }

  TempDir dir;
  int ns_port = 0;
  int broker_port = 0;
  int ha_port = 0;
  std::string ns_addr;
  std::string broker_addr;
  std::unique_ptr<ChildProcess> ns;
  std::unique_ptr<ChildProcess> broker;
  bool ns_up = false;
  bool broker_up = false;
};

// A SEND_MESSAGE_V2 request for `topic` / `queue`.
inline RemotingCommand SendRequest(const std::string& topic, int queue, std::string body,
                                   const std::string& key = "") {
  MessageProperties props;
  if (!key.empty()) props.Set("KEYS", key);
  props.Set("WAIT", "true");
  return SendMessageV2Request("HostilePG", topic, queue, props.Encode(), std::move(body));
}

// Messages the broker acknowledged, by (queue, offset), with their bodies; ReadBackAll pulls
// every queue from 0 and checks that each acknowledged message is there, byte for byte.
class AckLedger {
 public:
  static constexpr int kQueues = 4;

  // Sends `n` messages to `topic` with a `deadline_ms` each; returns how many were acknowledged
  // (every one is recorded).
  int Send(remoting::RemotingClient& client, const std::string& addr, const std::string& topic,
           int n, int64_t deadline_ms = 5000) {
    int ok = 0;
    for (int i = 0; i < n; ++i) {
      const int queue = next_ % kQueues;
      std::string body = "acked body " + std::to_string(next_) + std::string(next_ % 97, 'b');
      ++next_;
      auto r = client.InvokeSync(addr, SendRequest(topic, queue, body), deadline_ms);
      if (!r.ok() || r->code() != ResponseCode::kSuccess) continue;
      const int q = std::stoi(r->ext_fields().GetOr("queueId", "-1"));
      const int64_t off = std::stoll(r->ext_fields().GetOr("queueOffset", "-1"));
      acked_[{q, off}] = std::move(body);
      ++ok;
    }
    return ok;
  }
  size_t size() const { return acked_.size(); }

  // Pulls every queue of `topic` and returns how many acknowledged messages read back with
  // their bodies (gtest failures for any that differ).
  size_t ReadBackAll(remoting::RemotingClient& client, const std::string& addr,
                     const std::string& topic) {
    HeartbeatData hb;
    hb.client_id = "hostile-reader";
    ConsumerData cd;
    cd.group_name = "HostileReader";
    cd.consume_type = "CONSUME_ACTIVELY";
    cd.message_model = "CLUSTERING";
    cd.consume_from_where = "CONSUME_FROM_FIRST_OFFSET";
    cd.subscription_data_set.push_back(SubscriptionData::Build(topic, "*", 1));
    hb.consumer_data_set.push_back(cd);
    RemotingCommand hbreq = RemotingCommand::CreateRequest(RequestCode::kHeartBeat);
    hbreq.set_body(hb.ToJson());
    EXPECT_TRUE(client.InvokeSync(addr, std::move(hbreq), 5000).ok());
    size_t found = 0;
    for (int q = 0; q < kQueues; ++q) {
      int64_t offset = 0;
      for (int rounds = 0; rounds < 10000; ++rounds) {
        RemotingCommand pull = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
        for (auto [k, v] : std::vector<std::pair<std::string, std::string>>{
                 {"consumerGroup", "HostileReader"},
                 {"topic", topic},
                 {"queueId", std::to_string(q)},
                 {"queueOffset", std::to_string(offset)},
                 {"maxMsgNums", "32"},
                 {"sysFlag", "0"},
                 {"commitOffset", "0"},
                 {"suspendTimeoutMillis", "0"},
                 {"subVersion", "1"}}) {
          pull.SetExtField(k, v);
        }
        auto r = client.InvokeSync(addr, std::move(pull), 5000);
        EXPECT_TRUE(r.ok()) << r.status().ToString();
        if (!r.ok() || r->code() != ResponseCode::kSuccess) break;
        auto msgs = DecodeStoredMessages(r->body());
        EXPECT_TRUE(msgs.ok());
        if (!msgs.ok()) break;
        for (const MessageExt& m : *msgs) {
          auto it = acked_.find({q, m.queue_offset()});
          if (it == acked_.end()) continue;  // sent, not acknowledged (a timed-out send)
          EXPECT_EQ(m.body(), it->second) << q << "/" << m.queue_offset();
          ++found;
        }
        offset = std::stoll(r->ext_fields().GetOr("nextBeginOffset", "0"));
      }
    }
    return found;
  }

 private:
  int next_ = 0;
  std::map<std::pair<int, int64_t>, std::string> acked_;
};

// A well-behaved request: one acknowledged send within `deadline_ms`.
inline bool ServedWithin(remoting::RemotingClient& client, const std::string& addr,
                         int64_t deadline_ms = 3000) {
  auto r = client.InvokeSync(addr, SendRequest("HostileProbe", 0, "probe"), deadline_ms);
  return r.ok() && r->code() == ResponseCode::kSuccess;
}

}  // namespace rocketmq::test::hostile
