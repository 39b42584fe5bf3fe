// A program outside the tree that uses only the installed headers and library.
#include <cstdio>
#include <cstring>

#include <rocketmq/version.h>

int main() {
  if (std::strlen(rocketmq::Version()) == 0 || rocketmq::ProtocolVersion() < 401) return 1;
  std::printf("rocketmq %s, protocol %d\n", rocketmq::Version(), rocketmq::ProtocolVersion());
  return 0;
}
