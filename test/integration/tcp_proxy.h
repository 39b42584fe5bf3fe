// TcpProxy: a loopback TCP relay for fault tests. Every connection accepted on 127.0.0.1:port()
// is paired with a new connection to the upstream address and bytes are copied both ways by one
// thread, with faults switched on and off while traffic flows:
//   SetDelay(ms)      every chunk is forwarded `ms` after it arrived (both directions)
//   SetBlackHole(on)  bytes from clients are read and dropped (the upstream never sees them)
//   DropAll()         closes every relayed connection at once (clients see a reset/EOF)
// Tests only: no TLS, IPv4 loopback, bounded by what a test sends.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rocketmq::test {

class TcpProxy {
 public:
  // `upstream_port`: the port on 127.0.0.1 to relay to.
  explicit TcpProxy(int upstream_port) : upstream_port_(upstream_port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_in addr = Loopback(0);
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
        ::listen(listen_fd_, 64) == 0) {
      socklen_t len = sizeof(addr);
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
      port_ = ntohs(addr.sin_port);
    }
    thread_ = std::thread([this] { Run(); });
  }
  ~TcpProxy() {
    stop_ = true;
    thread_.join();
    for (auto& p : pairs_) p->Close();
    ::close(listen_fd_);
  }
  TcpProxy(const TcpProxy&) = delete;
  TcpProxy& operator=(const TcpProxy&) = delete;

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  void SetDelay(std::chrono::milliseconds delay) { delay_ms_ = delay.count(); }
  void SetBlackHole(bool on) { black_hole_ = on; }
  void DropAll() { drop_all_ = true; }
  // Connections relayed so far.
  int accepted() const { return accepted_; }

 private:
  struct Chunk {
    std::string bytes;
    int64_t due_ms;
  };
  // One relayed connection: client <-> upstream, with the bytes waiting in each direction.
  struct Pair {
    int client = -1;
    int upstream = -1;
    std::deque<Chunk> to_upstream;
    std::deque<Chunk> to_client;
    bool closed = false;
    void Close() {
      if (client >= 0) ::close(client);
      if (upstream >= 0) ::close(upstream);
      client = upstream = -1;
      closed = true;
    }
  };

  static sockaddr_in Loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    return addr;
  }
  static int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  void Accept() {
    while (true) {
      const int c = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (c < 0) return;
      const int u = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
      sockaddr_in up = Loopback(upstream_port_);
      if (u < 0 || ::connect(u, reinterpret_cast<sockaddr*>(&up), sizeof(up)) != 0) {
        ::close(c);
        if (u >= 0) ::close(u);
        continue;
      }
      ::fcntl(u, F_SETFL, ::fcntl(u, F_GETFL) | O_NONBLOCK);
      auto p = std::make_unique<Pair>();
      p->client = c;
      p->upstream = u;
      pairs_.push_back(std::move(p));
      ++accepted_;
    }
  }

  // Reads what `from` has into `queue` (or drops it); false when `from` is closed.
  bool ReadInto(int from, std::deque<Chunk>* queue, bool drop) {
    char buf[16384];
    while (true) {
      const ssize_t n = ::read(from, buf, sizeof(buf));
      if (n > 0) {
        if (!drop) queue->push_back(Chunk{std::string(buf, n), NowMs() + delay_ms_.load()});
        continue;
      }
      if (n == 0) return false;
      return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    }
  }

  // Writes the due chunks of `queue` to `to`; false on a write error.
  static bool Flush(int to, std::deque<Chunk>* queue, int64_t now) {
    while (!queue->empty() && queue->front().due_ms <= now) {
      std::string& bytes = queue->front().bytes;
      const ssize_t n = ::send(to, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
      bytes.erase(0, static_cast<size_t>(n));
      if (!bytes.empty()) return true;
      queue->pop_front();
    }
    return true;
  }

  void Run() {
    while (!stop_) {
      if (drop_all_.exchange(false)) {
        for (auto& p : pairs_) p->Close();
      }
      std::vector<pollfd> fds;
      fds.push_back(pollfd{listen_fd_, POLLIN, 0});
      for (auto& p : pairs_) {
        if (p->closed) continue;
        fds.push_back(pollfd{p->client, POLLIN, 0});
        fds.push_back(pollfd{p->upstream, POLLIN, 0});
      }
      ::poll(fds.data(), fds.size(), 5);
      Accept();
      const int64_t now = NowMs();
      for (auto& p : pairs_) {
        if (p->closed) continue;
        const bool ok = ReadInto(p->client, &p->to_upstream, black_hole_) &&
                        ReadInto(p->upstream, &p->to_client, false) &&
                        Flush(p->upstream, &p->to_upstream, now) &&
                        Flush(p->client, &p->to_client, now);
        if (!ok) p->Close();
      }
    }
  }

  const int upstream_port_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<int64_t> delay_ms_{0};
  std::atomic<bool> black_hole_{false};
  std::atomic<bool> drop_all_{false};
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
  std::vector<std::unique_ptr<Pair>> pairs_;  // the relay thread's own
  std::thread thread_;
};

}  // namespace rocketmq::test
