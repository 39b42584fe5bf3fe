// Helpers declared with the public admin result types (rocketmq/admin_types.h).
#include "rocketmq/admin_types.h"

#include <algorithm>
#include <climits>

namespace rocketmq::admin {

std::string PermToString(int perm) {
  std::string s = "---";
  if (perm & kPermRead) s[0] = 'R';
  if (perm & kPermWrite) s[1] = 'W';
  if (perm & kPermInherit) s[2] = 'X';
  return s;
}

int64_t ConsumeStats::computeTotalDiff() const {
  int64_t diff = 0;
  for (const auto& [mq, w] : offset_table) diff += w.broker_offset - w.consumer_offset;
  return diff;
}

int ConsumerConnection::computeMinVersion() const {
  int min_version = INT_MAX;
  for (const Connection& c : connection_set) min_version = std::min(min_version, c.version);
  return min_version;
}

}  // namespace rocketmq::admin
