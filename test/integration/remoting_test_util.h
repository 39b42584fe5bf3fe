// Helpers shared by the remoting integration tests: an echo server, a raw blocking socket for
// sending hand-made bytes, and small waiting utilities. Everything stays on 127.0.0.1.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/byte_order.h"
#include "common/response_code.h"
#include "remoting/remoting_client.h"
#include "remoting/remoting_command.h"
#include "remoting/remoting_server.h"

namespace rocketmq::remoting::test {

constexpr int32_t kEchoCode = 9001;   // echoes body and extFields
constexpr int32_t kSlowCode = 9002;   // sleeps "sleepMs" then echoes
constexpr int32_t kCloseCode = 9003;  // closes the connection without answering

inline std::string Addr(int port) { return "127.0.0.1:" + std::to_string(port); }

inline RemotingCommand EchoOf(const RemotingCommand& request) {
  RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  response.set_body(request.body());
  for (const auto& [k, v] : request.ext_fields().entries()) response.SetExtField(k, v);
  return response;
}

inline void RegisterEchoProcessors(RemotingServer& server) {
  server.RegisterProcessor(kEchoCode,
                           MakeProcessor([](const std::shared_ptr<Channel>&, RemotingCommand& r) {
                             return std::optional<RemotingCommand>(EchoOf(r));
                           }));
  server.RegisterProcessor(
      kSlowCode, MakeProcessor([](const std::shared_ptr<Channel>&, RemotingCommand& r) {
        auto ms = r.GetExtInt64("sleepMs");
        std::this_thread::sleep_for(std::chrono::milliseconds(ms.ok() ? ms.value() : 100));
        return std::optional<RemotingCommand>(EchoOf(r));
      }));
  server.RegisterProcessor(kCloseCode,
                           MakeProcessor([](const std::shared_ptr<Channel>& ch, RemotingCommand&) {
                             ch->Close();
                             return std::optional<RemotingCommand>();
                           }));
}

inline RemotingServerOptions LocalServerOptions() {
  RemotingServerOptions options;
  options.listen_host = "127.0.0.1";
  options.listen_port = 0;
  return options;
}

inline RemotingCommand EchoRequest(const std::string& body) {
  RemotingCommand request = RemotingCommand::CreateRequest(kEchoCode);
  request.SetExtField("tag", body);
  request.set_body(body);
  return request;
}

// Blocks until `pred` holds or `timeout` passes; returns pred().
inline bool WaitFor(const std::function<bool()>& pred,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!pred()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

// A blocking TCP socket with a receive timeout, for writing hand-made bytes.
class RawSocket {
 public:
  explicit RawSocket(int port, int recv_timeout_ms = 3000) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(static_cast<uint16_t>(port));
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) == 0;
    timeval tv{recv_timeout_ms / 1000, (recv_timeout_ms % 1000) * 1000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }
  ~RawSocket() {
    if (fd_ >= 0) close(fd_);
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }
  bool Send(const std::string& bytes) {
    return send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Reads exactly n bytes; nullopt on EOF, error or timeout. *eof tells EOF apart.
  std::optional<std::string> ReadExactly(size_t n, bool* eof = nullptr) {
    std::string out(n, '\0');
    size_t got = 0;
    while (got < n) {
      ssize_t r = recv(fd_, &out[got], n - got, 0);
      if (r <= 0) {
        if (eof != nullptr) *eof = (r == 0) || errno == ECONNRESET;
        return std::nullopt;
      }
      got += static_cast<size_t>(r);
    }
    return out;
  }
  // One whole frame (length field included), or nullopt.
  std::optional<std::string> ReadFrame(bool* eof = nullptr) {
    auto len = ReadExactly(4, eof);
    if (!len) return std::nullopt;
    auto rest = ReadExactly(DecodeFixed32BE(len->data()), eof);
    if (!rest) return std::nullopt;
    return *len + *rest;
  }
  // True when the peer closed the connection (EOF or reset) within the receive timeout.
  bool WaitClosed() {
    char buf[256];
    for (;;) {
      ssize_t r = recv(fd_, buf, sizeof(buf), 0);
      if (r == 0) return true;
      if (r < 0) return errno == ECONNRESET;
    }
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

inline std::string Be32(uint32_t v) {
  std::string s(4, '\0');
  EncodeFixed32BE(&s[0], v);
  return s;
}

}  // namespace rocketmq::remoting::test
