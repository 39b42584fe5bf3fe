// Java hashing facts needed to reproduce Java's bytes: String.hashCode (used for tag hash codes
// in SubscriptionData.codeSet and the consume queue) and the iteration order of
// java.util.HashMap / ConcurrentHashMap / HashSet, which decides the order fastjson writes map
// entries in. Iteration walks the bucket table in index order, index = spread(hash) & (size - 1)
// with spread(h) = h ^ (h >>> 16); entries sharing a bucket come in insertion order (not
// reproducible here: ties keep the order of the input). Buckets with 8+ entries that Java turns
// into trees are not modelled.
//
// Measured on the 4.9.8 vectors: the broker's topicConfigTable and subscriptionGroupTable
// (ConcurrentHashMap(1024) -> 2048 buckets), HashSet topic lists and the runtime-info HashMap all
// come out in exactly this order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rocketmq {

// Java String.hashCode() of the UTF-16 form of `utf8` (invalid bytes count as U+FFFD).
int32_t JavaStringHashCode(std::string_view utf8);

// Integer.hashCode / Long.hashCode.
inline int32_t JavaIntHashCode(int32_t v) { return v; }
inline int32_t JavaLongHashCode(int64_t v) {
  return static_cast<int32_t>(static_cast<uint64_t>(v) ^ (static_cast<uint64_t>(v) >> 32));
}

// Bucket table size of a java.util.HashMap (or HashSet) built with `new HashMap(initial_capacity)`
// (default constructor: 16) after `entries` insertions: the next power of two >= the initial
// capacity, doubled whenever size exceeds 0.75 * capacity.
size_t JavaHashMapTableSize(size_t entries, size_t initial_capacity = 16);
// Bucket table size of `new ConcurrentHashMap(initial_capacity)` after `entries` insertions
// (initial table = next power of two >= 1.5 * initial + 1; default constructor: pass 0 -> 16).
size_t JavaConcurrentHashMapTableSize(size_t initial_capacity, size_t entries);

// Table sizes of the broker maps that end up in JSON bodies and config files.
inline constexpr size_t kTopicConfigTableBuckets = 2048;        // ConcurrentHashMap(1024)
inline constexpr size_t kSubscriptionGroupTableBuckets = 2048;  // ConcurrentHashMap(1024)
// NameServer RouteInfoManager: brokerAddrTable = HashMap(128), clusterAddrTable = HashMap(32).
inline constexpr size_t kNamesrvBrokerAddrTableInitial = 128;
inline constexpr size_t kNamesrvClusterAddrTableInitial = 32;

// Indices 0..hashes.size()-1 ordered as Java iterates a table of `table_size` buckets (a power
// of two) holding entries with these hash codes, inserted in index order.
std::vector<size_t> JavaHashIterationOrder(const std::vector<int32_t>& hashes, size_t table_size);

// `keys` reordered as a Java HashMap<String, ?> with `table_size` buckets iterates them.
std::vector<std::string> JavaStringKeyOrder(std::vector<std::string> keys, size_t table_size);

// The iteration order of Java's ConcurrentHashMap<String, ?>, which differs from HashMap's
// (JavaStringKeyOrder) once the table has grown: a resize moves each bin's nodes in front of its "last
// run" in reverse order. Java mqadmin prints such maps where fastjson decoded a ConcurrentMap
// member (TopicConfigSerializeWrapper.topicConfigTable, SubscriptionGroupWrapper's table) and,
// on Java 9+, java.util.Properties (backed by a ConcurrentHashMap(8)).
// Returns `keys` (distinct) in the iteration order of a ConcurrentHashMap they were put into in this
// order, one thread, no removals, starting with a table of `table_size` bins (a power of two:
// 16 for new ConcurrentHashMap() and for new ConcurrentHashMap(8); resized to twice when the
// count reaches 3/4 of the table).
std::vector<std::string> JavaConcurrentHashMapOrder(const std::vector<std::string>& keys,
                                                    size_t table_size = 16);

}  // namespace rocketmq
