#include "tools/admin/java_concurrent_hash.h"

#include <cstdint>

#include "tools/admin/java_hash.h"

namespace rocketmq::admin::tools {
namespace {

struct ChmNode {
  uint32_t hash;  // spread(String.hashCode())
  size_t key;     // index into the caller's keys
};
using ChmBin = std::vector<ChmNode>;

uint32_t Spread(int32_t h) {
  uint32_t u = static_cast<uint32_t>(h);
  return (u ^ (u >> 16)) & 0x7fffffffu;
}

// ConcurrentHashMap.transfer for one thread: bins from the top down, each split into a low and
// a high list; the nodes before the bin's last run are prepended (so they come out reversed).
std::vector<ChmBin> Transfer(const std::vector<ChmBin>& table) {
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
    uint32_t h = Spread(JavaStringHashCode(keys[k]));
    table[h & (table.size() - 1)].push_back({h, k});  // putVal appends to the bin
    ++count;
    // addCount: resize while the count has reached sizeCtl.
    while (count >= size_ctl) {
      table = Transfer(table);
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

}  // namespace rocketmq::admin::tools
