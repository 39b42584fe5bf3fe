// Java ConsumerRunningInfo.formatString() and its analyze* helpers, as consumerStatus and
// consumer print them: properties (java.util.Properties, so Hashtable iteration order),
// subscriptions, offsets, ProcessQueueInfo details, rates, and the jstack when present.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rocketmq/admin_types.h"

namespace rocketmq::admin::tools {

// ConsumerRunningInfo.formatString().
std::string FormatConsumerRunningInfo(const ConsumerRunningInfo& info);

// Java ProcessQueueInfo.toString() ("ProcessQueueInfo [commitOffset=..., ...]").
std::string ProcessQueueInfoToString(const ProcessQueueInfo& pq);

// `keys` in the iteration order of a java.util.Hashtable (default capacity 11, load factor
// 0.75) they were put into in this order.
std::vector<std::string> JavaHashtableOrder(const std::vector<std::string>& keys);

// ConsumerRunningInfo.analyzeSubscription over the clients (clientId -> info, TreeMap order):
// false when push consumers running for more than two minutes differ in their subscriptions
// (or have none). `now_ms`: the current time.
bool AnalyzeSubscription(const std::map<std::string, ConsumerRunningInfo>& infos, int64_t now_ms);

// ConsumerRunningInfo.analyzeProcessQueue: one line per queue that looks stuck ("" when none).
std::string AnalyzeProcessQueue(const std::string& client_id, const ConsumerRunningInfo& info,
                                int64_t now_ms);

}  // namespace rocketmq::admin::tools
