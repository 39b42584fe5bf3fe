// loopback_probe: the machine's request/response ceiling with no messaging code at all. One
// epoll thread echoes fixed-size frames back; N client threads each write a frame on their own
// blocking socket and read the echo, in a loop. Prints "loopback_probe: ... ops/s=N".
//
//   loopback_probe [threads=16] [frame_bytes=300] [seconds=5]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

bool ReadFull(int fd, char* p, size_t n) {
  while (n > 0) {
    const ssize_t r = read(fd, p, n);
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

bool WriteFull(int fd, const char* p, size_t n) {
  while (n > 0) {
    const ssize_t w = write(fd, p, n);
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 16;
  const size_t frame = argc > 2 ? static_cast<size_t>(std::atol(argv[2])) : 300;
  const int seconds = argc > 3 ? std::atoi(argv[3]) : 5;
  if (threads < 1 || frame < 1 || seconds < 1) {
    std::fprintf(stderr, "usage: loopback_probe [threads>=1] [frame_bytes>=1] [seconds>=1]\n");
    return 2;
  }
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      listen(listener, 128) != 0 ||
      getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::perror("loopback_probe: listen");
    return 1;
  }
  std::atomic<bool> stop{false};
  // The echo thread: accepts, then echoes whole frames per connection (level-triggered epoll).
  std::thread echo([&] {
    const int ep = epoll_create1(0);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = listener;
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    std::unordered_map<int, std::string> partial;
    std::vector<char> buf(64 * 1024);
    epoll_event events[64];
    while (!stop) {
      const int n = epoll_wait(ep, events, 64, 100);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listener) {
          const int c = accept(listener, nullptr, nullptr);
          if (c < 0) continue;
          int one = 1;
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
          epoll_event cev{};
          cev.events = EPOLLIN;
          cev.data.fd = c;
          epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
          continue;
        }
        const ssize_t r = read(fd, buf.data(), buf.size());
        if (r <= 0) {
          epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr);
          close(fd);
          partial.erase(fd);
          continue;
        }
        std::string& pending = partial[fd];
        pending.append(buf.data(), static_cast<size_t>(r));
        const size_t whole = pending.size() / frame * frame;
        if (whole > 0) {
          WriteFull(fd, pending.data(), whole);
          pending.erase(0, whole);
        }
      }
    }
    close(ep);
  });

  std::atomic<long long> ops{0};
  std::vector<std::thread> clients;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&] {
      const int fd = socket(AF_INET, SOCK_STREAM, 0);
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
      if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) != 0) {
        std::perror("loopback_probe: connect");
        close(fd);
        return;
      }
      std::string out(frame, 'x'), in(frame, '\0');
      long long mine = 0;
      while (std::chrono::steady_clock::now() < deadline) {
        if (!WriteFull(fd, out.data(), frame) || !ReadFull(fd, in.data(), frame)) break;
        ++mine;
      }
      ops += mine;
      close(fd);
    });
  }
  for (auto& c : clients) c.join();
  stop = true;
  echo.join();
  close(listener);
  std::printf("loopback_probe: threads=%d frame=%zuB seconds=%d ops=%lld ops/s=%.0f\n", threads,
              frame, seconds, ops.load(), static_cast<double>(ops.load()) / seconds);
  return 0;
}
