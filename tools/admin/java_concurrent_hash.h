// The iteration order of Java's ConcurrentHashMap<String, ?>, which differs from HashMap's (see
// java_hash.h) once the table has grown: a resize moves each bin's nodes in front of its "last
// run" in reverse order. Java mqadmin prints such maps where fastjson decoded a ConcurrentMap
// member (TopicConfigSerializeWrapper.topicConfigTable, SubscriptionGroupWrapper's table) and,
// on Java 9+, java.util.Properties (backed by a ConcurrentHashMap(8)).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rocketmq::admin::tools {

// `keys` (distinct) in the iteration order of a ConcurrentHashMap they were put into in this
// order, one thread, no removals, starting with a table of `table_size` bins (a power of two:
// 16 for new ConcurrentHashMap() and for new ConcurrentHashMap(8); resized to twice when the
// count reaches 3/4 of the table).
std::vector<std::string> JavaConcurrentHashMapOrder(const std::vector<std::string>& keys,
                                                    size_t table_size = 16);

}  // namespace rocketmq::admin::tools
