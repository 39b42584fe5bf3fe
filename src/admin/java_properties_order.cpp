#include "admin/java_properties_order.h"

#include <map>

#include "common/java_hash.h"

namespace rocketmq::admin {

std::vector<std::pair<std::string, std::string>> JavaPropertiesOrder(
    const rocketmq::Properties& loaded) {
  // new ConcurrentHashMap<>(8): 16 bins; load() puts the keys in text order.
  std::vector<std::string> keys;
  std::map<std::string, const std::string*> values;
  for (const auto& [key, value] : loaded.entries()) {
    keys.push_back(key);
    values[key] = &value;
  }
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(keys.size());
  for (const std::string& key : JavaConcurrentHashMapOrder(keys, 16)) {
    out.emplace_back(key, *values[key]);
  }
  return out;
}

}  // namespace rocketmq::admin
