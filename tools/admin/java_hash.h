// The iteration order of Java's HashMap / HashSet, which Java mqadmin's output often follows
// (topicList, the "create topic to <addr>" lines of a cluster, ...).
//
// Java 8+ HashMap: table of power-of-two size (16 by default, doubled when size > 0.75 * size),
// bucket = (h ^ (h >>> 16)) & (size - 1), each bucket a list in insertion order (resizes keep that
// order). So iteration = by final bucket, then by insertion: keys sharing a bucket come out in the
// order they were added, so callers must add them in the order Java did (for data decoded from a
// server answer: the order of the JSON array, which fastjson adds one by one). Not modelled:
// buckets turned into trees (more than 8 colliding keys in a table of 64 or more), removals (they
// never shrink).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rocketmq::admin::tools {

// Java String.hashCode() of `utf8` (computed over its UTF-16 code units).
int32_t JavaStringHashCode(std::string_view utf8);

// The order in which a java.util.HashMap iterates keys with these hashCode()s, inserted in the
// given order (all distinct), into a map created with `initial_capacity` (Java's default 16;
// new HashMap<>(n) rounds n up to a power of two). Returns indices into `hash_codes`.
std::vector<size_t> JavaHashOrder(const std::vector<int32_t>& hash_codes,
                                  size_t initial_capacity = 16);

// `keys` (duplicates dropped, first kept) in the iteration order of a HashSet<String> / the key
// set of a HashMap<String, ?> they were added to in this order.
std::vector<std::string> JavaHashSetOrder(const std::vector<std::string>& keys,
                                          size_t initial_capacity = 16);

}  // namespace rocketmq::admin::tools
