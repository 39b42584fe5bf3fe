#include "tools/admin/java_hash.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace rocketmq::admin::tools {

int32_t JavaStringHashCode(std::string_view utf8) {
  uint32_t h = 0;
  auto add = [&h](uint32_t unit) { h = 31 * h + unit; };
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c >> 5) == 0x6 && i + 1 < utf8.size()) {
      cp = ((c & 0x1fu) << 6) | (utf8[i + 1] & 0x3fu);
      len = 2;
    } else if ((c >> 4) == 0xe && i + 2 < utf8.size()) {
      cp = ((c & 0x0fu) << 12) | ((utf8[i + 1] & 0x3fu) << 6) | (utf8[i + 2] & 0x3fu);
      len = 3;
    } else if ((c >> 3) == 0x1e && i + 3 < utf8.size()) {
      cp = ((c & 0x07u) << 18) | ((utf8[i + 1] & 0x3fu) << 12) | ((utf8[i + 2] & 0x3fu) << 6) |
           (utf8[i + 3] & 0x3fu);
      len = 4;
    } else {
      cp = 0xfffd;  // malformed byte: Java's decoder substitutes U+FFFD
      len = 1;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      add(0xd800 + (cp >> 10));
      add(0xdc00 + (cp & 0x3ff));
    } else {
      add(cp);
    }
    i += len;
  }
  return static_cast<int32_t>(h);
}

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
