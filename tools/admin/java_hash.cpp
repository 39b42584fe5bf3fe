#include "tools/admin/java_hash.h"

#include "common/java_hash.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace rocketmq::admin::tools {

int32_t JavaStringHashCode(std::string_view utf8) { return ::rocketmq::JavaStringHashCode(utf8); }

std::vector<size_t> JavaHashOrder(const std::vector<int32_t>& hash_codes, size_t initial_capacity) {
  size_t capacity = 1;
  while (capacity < initial_capacity) capacity <<= 1;
  // Java resizes after an insertion makes size > threshold (0.75 * capacity).
  for (size_t size = 1; size <= hash_codes.size(); ++size) {
    if (size > capacity * 3 / 4) capacity <<= 1;
  }
  std::vector<size_t> order(hash_codes.size());
  std::iota(order.begin(), order.end(), 0);
  auto bucket = [&](size_t i) {
    const uint32_t h = static_cast<uint32_t>(hash_codes[i]);
    return (h ^ (h >> 16)) & (capacity - 1);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return bucket(a) < bucket(b); });
  return order;
}

std::vector<std::string> JavaHashSetOrder(const std::vector<std::string>& keys,
                                          size_t initial_capacity) {
  std::vector<std::string> distinct;
  std::unordered_set<std::string> seen;
  for (const std::string& key : keys) {
    if (seen.insert(key).second) distinct.push_back(key);
  }
  std::vector<int32_t> hashes;
  for (const std::string& key : distinct) hashes.push_back(JavaStringHashCode(key));
  std::vector<std::string> out;
  for (size_t i : JavaHashOrder(hashes, initial_capacity)) out.push_back(distinct[i]);
  return out;
}

}  // namespace rocketmq::admin::tools
