// What the export commands (exportMetadata, exportConfigs, exportMetrics) share: writing the
// export file the way Java's MixAll.string2FileNotSafe does, and the broker tables in the order
// Java's fastjson-decoded ConcurrentHashMaps iterate them.
#pragma once

#include <string>
#include <vector>

namespace rocketmq::admin::tools {

// Java's default export folder (-f).
inline constexpr char kDefaultExportPath[] = "/tmp/rocketmq/export";

// Creates the parent folders of `path` and writes `content` to it (replacing the file). Throws
// CommandError("cannot write <path>: <reason>") on failure.
void WriteExportFile(const std::string& path, const std::string& content);

// The keys of a broker table as Java mqadmin iterates it after fastjson decoded the broker's
// answer into a new ConcurrentHashMap: the broker sent them in its ConcurrentHashMap(1024)
// order, and they were put into a table of 16 bins in that order.
std::vector<std::string> DecodedBrokerTableOrder(const std::vector<std::string>& keys);

}  // namespace rocketmq::admin::tools
