#include "common/java_hash.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace rocketmq {

int32_t JavaStringHashCode(std::string_view s) {
  uint32_t h = 0;
  auto mix = [&h](uint32_t unit) { h = 31 * h + unit; };
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    uint32_t cp = 0xFFFD;
    size_t len = 1;
    if (b0 < 0x80) {
      cp = b0;
    } else {
      size_t need = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
      if (need != 0 && i + need <= s.size()) {
        uint32_t v = b0 & (0x7F >> need);
        bool ok = true;
        for (size_t k = 1; k < need && ok; ++k) {
          const auto b = static_cast<unsigned char>(s[i + k]);
          ok = (b & 0xC0) == 0x80;
          v = (v << 6) | (b & 0x3F);
        }
        if (ok) {
          cp = v;
          len = need;
        }
      }
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      mix(0xD800 | (cp >> 10));
      mix(0xDC00 | (cp & 0x3FF));
    } else {
      mix(cp);
    }
    i += len;
  }
  return static_cast<int32_t>(h);
}

size_t JavaHashMapTableSize(size_t entries, size_t initial_capacity) {
  size_t cap = 1;
  while (cap < initial_capacity) cap *= 2;
  while (entries > cap / 4 * 3) cap *= 2;
  return cap;
}

size_t JavaConcurrentHashMapTableSize(size_t initial_capacity, size_t entries) {
  size_t cap = 16;
  if (initial_capacity > 0) {
    const size_t want = initial_capacity + (initial_capacity >> 1) + 1;
    cap = 1;
    while (cap < want) cap *= 2;
  }
  // A resize starts once the count reaches sizeCtl = 0.75 * n.
  while (entries >= cap - (cap >> 2)) cap *= 2;
  return cap;
}

std::vector<size_t> JavaHashIterationOrder(const std::vector<int32_t>& hashes, size_t table_size) {
  std::vector<size_t> order(hashes.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const uint32_t mask = static_cast<uint32_t>(table_size - 1);
  auto bucket = [&](size_t i) {
    const auto h = static_cast<uint32_t>(hashes[i]);
    return (h ^ (h >> 16)) & mask;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return bucket(a) < bucket(b); });
  return order;
}

std::vector<std::string> JavaStringKeyOrder(std::vector<std::string> keys, size_t table_size) {
  std::vector<int32_t> hashes;
  hashes.reserve(keys.size());
  for (const auto& k : keys) hashes.push_back(JavaStringHashCode(k));
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (size_t i : JavaHashIterationOrder(hashes, table_size)) out.push_back(std::move(keys[i]));
  return out;
}

namespace {

struct ChmNode {
  uint32_t hash;  // spread(String.hashCode())
  size_t key;     // index into the caller's keys
};
using ChmBin = std::vector<ChmNode>;

uint32_t ChmSpread(int32_t h) {
  uint32_t u = static_cast<uint32_t>(h);
  return (u ^ (u >> 16)) & 0x7fffffffu;
}

// ConcurrentHashMap.transfer for one thread: bins from the top down, each split into a low and
// a high list; the nodes before the bin's last run are prepended (so they come out reversed).
std::vector<ChmBin> ChmTransfer(const std::vector<ChmBin>& table) {
  const size_t n = table.size();
  std::vector<ChmBin> next(n * 2);
  for (size_t i = n; i-- > 0;) {
    const ChmBin& bin = table[i];
    if (bin.empty()) continue;
    uint32_t run_bit = bin[0].hash & n;
    size_t last_run = 0;
    for (size_t p = 1; p < bin.size(); ++p) {
      uint32_t b = bin[p].hash & n;
      if (b != run_bit) {
        run_bit = b;
        last_run = p;
      }
    }
    ChmBin low;
    ChmBin high;
    ChmBin& run_list = run_bit == 0 ? low : high;
    run_list.assign(bin.begin() + static_cast<std::ptrdiff_t>(last_run), bin.end());
    for (size_t p = 0; p < last_run; ++p) {
      ChmBin& list = (bin[p].hash & n) == 0 ? low : high;
      list.insert(list.begin(), bin[p]);
    }
    next[i] = std::move(low);
    next[i + n] = std::move(high);
  }
  return next;
}

}  // namespace

std::vector<std::string> JavaConcurrentHashMapOrder(const std::vector<std::string>& keys,
                                                    size_t table_size) {
  std::vector<ChmBin> table(table_size);
  size_t size_ctl = table_size - (table_size >> 2);
  size_t count = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    uint32_t h = ChmSpread(JavaStringHashCode(keys[k]));
    table[h & (table.size() - 1)].push_back({h, k});  // putVal appends to the bin
    ++count;
    // addCount: resize while the count has reached sizeCtl.
    while (count >= size_ctl) {
      table = ChmTransfer(table);
      size_ctl = table.size() - (table.size() >> 2);
    }
  }
  std::vector<std::string> ordered;
  ordered.reserve(keys.size());
  for (const ChmBin& bin : table) {
    for (const ChmNode& node : bin) ordered.push_back(keys[node.key]);
  }
  return ordered;
}

}  // namespace rocketmq
