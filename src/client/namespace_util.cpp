#include "client/namespace_util.h"

namespace rocketmq::client {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string_view WithoutRetryAndDlq(std::string_view r) {
  if (IsRetryTopic(r)) return r.substr(sizeof(kRetryGroupTopicPrefix) - 1);
  if (IsDlqTopic(r)) return r.substr(sizeof(kDlqGroupTopicPrefix) - 1);
  return r;
}

std::string Prefix(std::string_view r) {
  if (IsRetryTopic(r)) return kRetryGroupTopicPrefix;
  if (IsDlqTopic(r)) return kDlqGroupTopicPrefix;
  return "";
}

}  // namespace

bool IsSystemTopic(std::string_view topic) {
  static constexpr std::string_view kSystemTopics[] = {
      "TBW102",
      "SCHEDULE_TOPIC_XXXX",
      "BenchmarkTest",
      "RMQ_SYS_TRANS_HALF_TOPIC",
      "RMQ_SYS_TRACE_TOPIC",
      "RMQ_SYS_TRANS_OP_HALF_TOPIC",
      "TRANS_CHECK_MAX_TIME_TOPIC",
      "SELF_TEST_TOPIC",
      "OFFSET_MOVED_EVENT",
  };
  for (std::string_view t : kSystemTopics) {
    if (t == topic) return true;
  }
  return StartsWith(topic, "rmq_sys_");
}

bool IsSysConsumerGroup(std::string_view group) { return StartsWith(group, "CID_RMQ_SYS_"); }

bool IsSystemResource(std::string_view resource) {
  if (resource.empty()) return false;
  return IsSystemTopic(resource) || IsSysConsumerGroup(resource);
}

std::string WrapNamespace(std::string_view name_space, std::string_view resource) {
  if (name_space.empty() || resource.empty() || IsSystemResource(resource)) {
    return std::string(resource);
  }
  std::string_view bare = WithoutRetryAndDlq(resource);
  std::string ns_prefix = std::string(name_space) + kNamespaceSeparator;
  if (StartsWith(bare, ns_prefix)) return std::string(resource);  // already wrapped
  return Prefix(resource) + ns_prefix + std::string(bare);
}

std::string WithoutNamespace(std::string_view resource, std::string_view name_space) {
  if (resource.empty() || name_space.empty()) return std::string(resource);
  std::string prefix = Prefix(resource) + std::string(name_space) + kNamespaceSeparator;
  if (StartsWith(resource, prefix)) return WithoutNamespace(resource);
  return std::string(resource);
}

std::string WithoutNamespace(std::string_view resource) {
  if (resource.empty() || IsSystemResource(resource)) return std::string(resource);
  std::string_view bare = WithoutRetryAndDlq(resource);
  size_t index = bare.find(kNamespaceSeparator);
  if (index != std::string_view::npos && index > 0) {
    return Prefix(resource) + std::string(bare.substr(index + 1));
  }
  return std::string(resource);
}

}  // namespace rocketmq::client
