// PlainAccessValidator: the broker's ACL 1.0 check of every request (Java 4.9.8
// acl/plain/PlainAccessValidator.parse + PlainPermissionManager.validate, installed by
// BrokerController.initialAcl as a server RPC hook).
//
// Parse: which resources a request needs (AccessRequest::resources), by request code:
//   SEND_MESSAGE (10)            topic PUB; a %RETRY% topic instead: %RETRY%<group> SUB
//   SEND_MESSAGE_V2 (310),
//   SEND_BATCH_MESSAGE (320)     the same with b (topic) and a (group)
//   CONSUMER_SEND_MSG_BACK (36)  %RETRY%<group> SUB
//   PULL_MESSAGE (11)            topic SUB, %RETRY%<consumerGroup> SUB
//   QUERY_MESSAGE (12)           topic SUB
//   HEART_BEAT (34)              per consumer: %RETRY%<groupName> SUB, each subscribed topic SUB
//   UNREGISTER_CLIENT (35),
//   GET_CONSUMER_LIST_BY_GROUP (38)  %RETRY%<consumerGroup> SUB
//   UPDATE_CONSUMER_OFFSET (15)  %RETRY%<consumerGroup> SUB, topic SUB
//   anything else                no resource (signature, white lists and admin codes only)
// An absent field adds nothing. A %RETRY% resource is checked as the group (groupPerms,
// defaultGroupPerm), anything else as a topic.
//
// Validate, in Java's order: a global white address passes; else the AccessKey must name an
// account; the account's white address passes; else the Signature must be
// Base64(HmacSHA1(secretKey, values of the sorted extFields but Signature, then the body));
// a PUB on RMQ_SYS_TRACE_TOPIC passes; admin-only codes (UPDATE_AND_CREATE_TOPIC,
// UPDATE_BROKER_CONFIG, DELETE_TOPIC_IN_BROKER, UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
// DELETE_SUBSCRIPTIONGROUP) need admin; an admin without topic/group perms passes; every resource
// needs its permission, from the account's list or its default.
//
// A refusal is the remark Java's broker sends (RemotingHelper.exceptionSimpleDesc of the
// AclException): "org.apache.rocketmq.acl.common.AclException: <message>, <throwing frame>".
//
// Two choices follow RocketMQ 5.x rather than 4.9.8, on purpose: batch sends
// are checked like SEND_MESSAGE_V2 (4.9.8 checks no topic for them), and "_UNIQUE_KEY_QUERY" is
// left out of the signed content only for clients of version <= V4_9_3 (4.9.8 always leaves it
// out, so a 4.9.4+ client's signed query by key never verifies).
//
// Thread-safety: Validate() may run on many threads at once; it reads one immutable snapshot of
// the rules (PlainPermissionManager::Snapshot) per request, touches no file and takes no lock
// that a reload holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "mockbroker/broker/acl/plain_permission_manager.h"
#include "remoting/remoting_command.h"
#include "remoting/rpc_hook.h"

namespace rocketmq::broker::acl {

// What one request asks for (Java's PlainAccessResource built by parse()).
struct AccessRequest {
  std::string remote_ip;  // without the port
  int32_t code = 0;
  std::optional<std::string> access_key;
  std::optional<std::string> signature;
  // Resource -> needed permission, in the order Java's HashMap iterates them (which one is
  // reported when several are refused).
  std::vector<std::pair<std::string, uint8_t>> resources;
};

// Java Permission.ADMIN_CODE.
bool NeedAdminPerm(int32_t request_code);
// Java Permission.checkPermission.
bool CheckPermission(uint8_t needed, uint8_t owned);
// The host part of "host:port" ("[::1]:5" -> "::1"), as Java's parse takes it.
std::string RemoteIp(const std::string& remote_addr);

// Java's parse(). Corruption with the AclException message when the HEART_BEAT body cannot be
// read (an empty message stands for Java's null message).
Result<AccessRequest> ParseAccessRequest(const std::string& remote_addr,
                                         const remoting::RemotingCommand& request);

// Java's validate() against `rules`; on refusal, SYSTEM_ERROR carrying the full remark.
Status ValidateAccess(const AclSnapshot& rules, const AccessRequest& access,
                      const remoting::RemotingCommand& request);

// The broker's request check: parse + validate against the manager's current snapshot.
class PlainAccessValidator : public remoting::RequestValidator {
 public:
  // `manager` must outlive the validator.
  explicit PlainAccessValidator(const PlainPermissionManager* manager) : manager_(manager) {}

  Status Validate(const std::string& remote_addr,
                  const remoting::RemotingCommand& request) const override;

 private:
  const PlainPermissionManager* const manager_;
};

}  // namespace rocketmq::broker::acl
