// The order in which a java.util.Properties filled by Properties.load() iterates its entries on
// Java 9 and later, which is the order Java mqadmin prints broker and NameServer configs in
// (getBrokerConfig, getNamesrvConfig).
//
// Since Java 9 Properties keeps its entries in a ConcurrentHashMap created with capacity 8 (a
// table of 16 bins). load() puts the lines one by one: a new key goes to the tail of bin
// spread(hash) & (n - 1), and once the count reaches 3/4 of n the table doubles. Doubling splits
// every bin into a low and a high bin; the longest tail run that goes to one side keeps its order,
// the nodes before it are prepended one by one (reversed). Iteration walks the bins in index
// order. So the result depends on the insertion order, not only on the keys: the caller passes
// the lines in the order of the text. Checked against every config captured from Java 17
// (vectors/mqadmin/getBrokerConfig-*.txt, getNamesrvConfig*.txt, mqadmin-getBrokerConfig.txt).
// Not modelled: bins of 8 or more entries (Java grows a small table or turns the bin into a
// tree); with a load factor of at most 3/4 they do not occur for config key sets.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/properties.h"

namespace rocketmq::admin {

// The entries of `loaded` (keys in text order, as rocketmq::Properties keeps them) in the order
// Java's Properties iterates them after loading the same text.
std::vector<std::pair<std::string, std::string>> JavaPropertiesOrder(
    const rocketmq::Properties& loaded);

}  // namespace rocketmq::admin
