// Namespaces (Java NamespaceUtil): a client with namespace "ns" sends topic "T" as "ns%T",
// group "G" as "ns%G", and "%RETRY%G" as "%RETRY%ns%G"; system topics and groups are never
// wrapped. Results handed back to the application are unwrapped again.
#pragma once

#include <string>
#include <string_view>

#include "common/message_const.h"

namespace rocketmq::client {

inline constexpr char kNamespaceSeparator = '%';

// Java TopicValidator.isSystemTopic: the fixed system topics and anything starting "rmq_sys_".
bool IsSystemTopic(std::string_view topic);
// Java MixAll.isSysConsumerGroup: starts with "CID_RMQ_SYS_".
bool IsSysConsumerGroup(std::string_view group);
// Either of the two above.
bool IsSystemResource(std::string_view resource);

// `resource` with `name_space` added (unchanged when either is empty, the resource is a system
// resource, or it already carries the namespace).
std::string WrapNamespace(std::string_view name_space, std::string_view resource);
// `resource` with the namespace `name_space` removed (unchanged when it does not carry it).
std::string WithoutNamespace(std::string_view resource, std::string_view name_space);
// `resource` with whatever namespace it carries removed (text up to the first '%' after the
// retry/DLQ prefix).
std::string WithoutNamespace(std::string_view resource);

}  // namespace rocketmq::client
