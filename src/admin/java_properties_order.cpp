#include "admin/java_properties_order.h"

#include <cstdint>

#include "common/java_hash.h"

namespace rocketmq::admin {
namespace {

// java.util.concurrent.ConcurrentHashMap.spread.
uint32_t ChmSpread(int32_t h) {
  const auto u = static_cast<uint32_t>(h);
  return (u ^ (u >> 16)) & 0x7fffffffU;
}

struct ChmNode {
  uint32_t hash;
  size_t entry;  // index into the loaded entries
};

using ChmBin = std::vector<ChmNode>;

// ConcurrentHashMap.transfer of one table into one twice its size, single-threaded.
std::vector<ChmBin> ChmTransfer(const std::vector<ChmBin>& table) {
  const size_t n = table.size();
  std::vector<ChmBin> next(n * 2);
  for (size_t i = n; i-- > 0;) {
    const ChmBin& bin = table[i];
    if (bin.empty()) continue;
    // The last run of nodes that all go to the same side keeps its order.
    uint32_t run_bit = bin[0].hash & n;
    size_t last_run = 0;
    for (size_t j = 1; j < bin.size(); ++j) {
      const uint32_t b = bin[j].hash & n;
      if (b != run_bit) {
        run_bit = b;
        last_run = j;
      }
    }
    ChmBin low;
    ChmBin high;
    ChmBin& run_side = run_bit == 0 ? low : high;
    run_side.assign(bin.begin() + static_cast<std::ptrdiff_t>(last_run), bin.end());
    // The nodes before it are pushed onto the front of their side, one by one.
    for (size_t j = 0; j < last_run; ++j) {
      ChmBin& side = (bin[j].hash & n) == 0 ? low : high;
      side.insert(side.begin(), bin[j]);
    }
    next[i] = std::move(low);
    next[i + n] = std::move(high);
  }
  return next;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> JavaPropertiesOrder(
    const rocketmq::Properties& loaded) {
  const auto& entries = loaded.entries();
  // new ConcurrentHashMap<>(8): 16 bins, resized when the count reaches sizeCtl = 0.75 * n.
  std::vector<ChmBin> table(16);
  size_t size_ctl = 12;
  size_t count = 0;
  for (size_t e = 0; e < entries.size(); ++e) {
    const uint32_t h = ChmSpread(JavaStringHashCode(entries[e].first));
    table[h & (table.size() - 1)].push_back(ChmNode{h, e});
    ++count;
    while (count >= size_ctl) {
      table = ChmTransfer(table);
      const size_t n = table.size() / 2;
      size_ctl = (n << 1) - (n >> 1);
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(entries.size());
  for (const ChmBin& bin : table) {
    for (const ChmNode& node : bin) out.push_back(entries[node.entry]);
  }
  return out;
}

}  // namespace rocketmq::admin
