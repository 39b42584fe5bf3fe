#include "mockbroker/broker/acl/plain_access_validator.h"

#include <openssl/crypto.h>

#include "common/java_hash.h"
#include "common/message_const.h"
#include "common/model/heartbeat_data.h"
#include "common/model/json_body.h"
#include "common/response_code.h"
#include "remoting/acl_rpc_hook.h"
#include "remoting/request_code.h"

namespace rocketmq::broker::acl {

namespace {

using remoting::RemotingCommand;
using remoting::RequestCode;

constexpr char kAclExceptionClass[] = "org.apache.rocketmq.acl.common.AclException";
// The frames Java's stack trace starts with for each AclException (4.9.8 sources), which
// RemotingHelper.exceptionSimpleDesc appends to the remark.
constexpr char kFrameParse[] =
    "org.apache.rocketmq.acl.plain.PlainAccessValidator.parse(PlainAccessValidator.java:134)";
constexpr char kFrameNoAccessKey[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:"
    "664)";
constexpr char kFrameNoAccount[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:"
    "668)";
constexpr char kFrameSignature[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:"
    "684)";
constexpr char kFrameAdmin[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.checkPerm(PlainPermissionManager.java:"
    "581)";
constexpr char kFrameDefaultPerm[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.checkPerm(PlainPermissionManager.java:"
    "606)";
constexpr char kFrameResourcePerm[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.checkPerm(PlainPermissionManager.java:"
    "611)";
constexpr char kTraceTopic[] = "RMQ_SYS_TRACE_TOPIC";  // TopicValidator.RMQ_SYS_TRACE_TOPIC

// Throwable.toString() + ", " + the first stack frame; an empty message is Java's null one.
Status AclRefusal(const std::string& message, const char* frame) {
  std::string remark = kAclExceptionClass;
  if (!message.empty()) remark += ": " + message;
  remark += ", ";
  remark += frame;
  return Status(ResponseCode::kSystemError, std::move(remark));
}

// The resource map Java builds with HashMap.put (a later put of the same key replaces the
// permission in place), then iterated as Java would: by bucket of the final table, insertion
// order within a bucket.
class JavaResourceMap {
 public:
  void Put(const std::optional<std::string>& resource, uint8_t perm) {
    if (!resource.has_value()) return;  // addResourceAndPerm ignores null
    for (auto& entry : entries_) {
      if (entry.first == *resource) {
        entry.second = perm;
        return;
      }
    }
    entries_.emplace_back(*resource, perm);
  }

  std::vector<std::pair<std::string, uint8_t>> InJavaOrder() && {
    std::vector<int32_t> hashes;
    hashes.reserve(entries_.size());
    for (const auto& entry : entries_) hashes.push_back(JavaStringHashCode(entry.first));
    std::vector<std::pair<std::string, uint8_t>> out;
    out.reserve(entries_.size());
    for (size_t i : JavaHashIterationOrder(hashes, JavaHashMapTableSize(entries_.size()))) {
      out.push_back(std::move(entries_[i]));
    }
    return out;
  }

 private:
  std::vector<std::pair<std::string, uint8_t>> entries_;
};

std::optional<std::string> Field(const RemotingCommand& request, std::string_view key) {
  const std::string* v = request.ext_fields().Find(key);
  return v != nullptr ? std::optional<std::string>(*v) : std::nullopt;
}

// PlainAccessResource.getRetryTopic: null stays null.
std::optional<std::string> RetryTopic(const std::optional<std::string>& group) {
  if (!group.has_value()) return std::nullopt;
  return std::string(::rocketmq::kRetryGroupTopicPrefix) + *group;
}

bool IsRetry(const std::optional<std::string>& topic) {
  return topic.has_value() && ::rocketmq::IsRetryTopic(*topic);
}

}  // namespace

bool NeedAdminPerm(int32_t request_code) {
  switch (request_code) {
    case RequestCode::kUpdateAndCreateTopic:
    case RequestCode::kUpdateBrokerConfig:
    case RequestCode::kDeleteTopicInBroker:
    case RequestCode::kUpdateAndCreateSubscriptionGroup:
    case RequestCode::kDeleteSubscriptionGroup:
      return true;
    default:
      return false;
  }
}

bool CheckPermission(uint8_t needed, uint8_t owned) {
  if ((owned & kPermDeny) != 0) return false;
  if ((needed & kPermAny) != 0) return (owned & (kPermPub | kPermSub)) != 0;
  return (needed & owned) != 0;
}

std::string RemoteIp(const std::string& remote_addr) {
  const size_t colon = remote_addr.rfind(':');
  std::string host = colon == std::string::npos ? remote_addr : remote_addr.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

Result<AccessRequest> ParseAccessRequest(const std::string& remote_addr,
                                         const RemotingCommand& request) {
  AccessRequest access;
  access.remote_ip = RemoteIp(remote_addr);
  access.code = request.code();
  // Java: no extFields at all -> no key, no resources (only a white list can admit it).
  if (request.ext_fields().empty()) return access;
  access.access_key = Field(request, remoting::kAclAccessKey);
  access.signature = Field(request, remoting::kAclSignature);

  JavaResourceMap resources;
  switch (request.code()) {
    case RequestCode::kSendMessage: {
      const std::optional<std::string> topic = Field(request, "topic");
      if (IsRetry(topic)) {
        resources.Put(RetryTopic(Field(request, "group")), kPermSub);
      } else {
        resources.Put(topic, kPermPub);
      }
      break;
    }
    case RequestCode::kSendMessageV2:
    case RequestCode::kSendBatchMessage: {
      const std::optional<std::string> topic = Field(request, "b");
      if (IsRetry(topic)) {
        resources.Put(RetryTopic(Field(request, "a")), kPermSub);
      } else {
        resources.Put(topic, kPermPub);
      }
      break;
    }
    case RequestCode::kConsumerSendMsgBack:
      resources.Put(RetryTopic(Field(request, "group")), kPermSub);
      break;
    case RequestCode::kPullMessage:
      resources.Put(Field(request, "topic"), kPermSub);
      resources.Put(RetryTopic(Field(request, "consumerGroup")), kPermSub);
      break;
    case RequestCode::kQueryMessage:
      resources.Put(Field(request, "topic"), kPermSub);
      break;
    case RequestCode::kHeartBeat: {
      // Java decodes the body with fastjson: no body (or JSON null) is a NullPointerException,
      // i.e. an AclException without message.
      if (request.body().empty()) return Status::Corruption("");
      Result<HeartbeatData> hb = DecodeJsonBody<HeartbeatData>(request.body());
      if (!hb.ok()) return Status::Corruption(hb.status().message());
      for (const ConsumerData& data : hb->consumer_data_set) {
        resources.Put(RetryTopic(data.group_name), kPermSub);
        for (const SubscriptionData& sub : data.subscription_data_set) {
          resources.Put(sub.topic, kPermSub);
        }
      }
      break;
    }
    case RequestCode::kUnregisterClient:
    case RequestCode::kGetConsumerListByGroup:
      resources.Put(RetryTopic(Field(request, "consumerGroup")), kPermSub);
      break;
    case RequestCode::kUpdateConsumerOffset:
      resources.Put(RetryTopic(Field(request, "consumerGroup")), kPermSub);
      resources.Put(Field(request, "topic"), kPermSub);
      break;
    default:
      break;
  }
  access.resources = std::move(resources).InJavaOrder();
  return access;
}

Status ValidateAccess(const AclSnapshot& rules, const AccessRequest& access,
                      const RemotingCommand& request) {
  for (const RemoteAddressStrategy& white : rules.global_white_strategies) {
    if (white.Match(access.remote_ip)) return Status::OK();
  }
  if (!access.access_key.has_value())
    return AclRefusal("No accessKey is configured", kFrameNoAccessKey);
  const std::string& ak = *access.access_key;
  auto found = rules.accounts.find(ak);
  if (found == rules.accounts.end()) return AclRefusal("No acl config for " + ak, kFrameNoAccount);
  const PlainAccessResource& owned = found->second;
  if (owned.white_remote_strategy.Match(access.remote_ip)) return Status::OK();

  // 5.x: "_UNIQUE_KEY_QUERY" is out of the content only for clients that added it after signing.
  const std::string expected = remoting::AclSign(
      remoting::AclSignatureContent(request, request.version() <= remoting::kVersionV4_9_3),
      owned.secret_key);
  if (!access.signature.has_value() || access.signature->size() != expected.size() ||
      CRYPTO_memcmp(access.signature->data(), expected.data(), expected.size()) != 0) {
    return AclRefusal("Check signature failed for accessKey=" + ak, kFrameSignature);
  }

  for (const auto& [resource, perm] : access.resources) {
    if (resource == kTraceTopic && perm == kPermPub) return Status::OK();
  }

  // Java checkPerm.
  if (NeedAdminPerm(access.code) && !owned.admin) {
    return AclRefusal("Need admin permission for request code=" + std::to_string(access.code) +
                          ", but accessKey=" + ak + " is not",
                      kFrameAdmin);
  }
  if (access.resources.empty()) return Status::OK();
  if (owned.resource_perms.empty() && owned.admin) return Status::OK();
  for (const auto& [resource, needed] : access.resources) {
    const bool is_group = ::rocketmq::IsRetryTopic(resource);
    const std::string printed =
        is_group ? "group:" + resource.substr(sizeof(::rocketmq::kRetryGroupTopicPrefix) - 1)
                 : "topic:" + resource;
    auto own = owned.resource_perms.find(resource);
    if (own == owned.resource_perms.end()) {
      const uint8_t fallback = is_group ? owned.default_group_perm : owned.default_topic_perm;
      if (!CheckPermission(needed, fallback)) {
        return AclRefusal("No default permission for " + printed, kFrameDefaultPerm);
      }
      continue;
    }
    if (!CheckPermission(needed, own->second)) {
      return AclRefusal("No default permission for " + printed, kFrameResourcePerm);
    }
  }
  return Status::OK();
}

Status PlainAccessValidator::Validate(const std::string& remote_addr,
                                      const RemotingCommand& request) const {
  Result<AccessRequest> access = ParseAccessRequest(remote_addr, request);
  if (!access.ok()) return AclRefusal(access.status().message(), kFrameParse);
  return ValidateAccess(*manager_->Snapshot(), *access, request);
}

}  // namespace rocketmq::broker::acl
