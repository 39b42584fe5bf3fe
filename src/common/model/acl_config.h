// ACL 1.0 ("plain") account and the GET_BROKER_CLUSTER_ACL_CONFIG (54) response body.
//
// PlainAccessConfig (Java org.apache.rocketmq.common.PlainAccessConfig) as fastjson writes it,
// members sorted, nulls left out:
//   {"accessKey":"RocketMQ","admin":false,"defaultGroupPerm":"SUB","defaultTopicPerm":"DENY",
//    "groupPerms":["groupA=DENY"],"secretKey":"12345678","topicPerms":["topicA=DENY"],
//    "whiteRemoteAddress":"192.168.1.*"}
// AclConfig / GetBrokerClusterAclConfigResponseBody (4.7-4.9.0 and 5.x brokers; 4.9.8 dropped the
// code): {"globalWhiteAddrs":["10.10.103.*"],"plainAccessConfigs":[PlainAccessConfig...]}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

struct PlainAccessConfig {
  std::optional<std::string> access_key;
  std::optional<std::string> secret_key;
  std::optional<std::string> white_remote_address;
  bool admin = false;
  std::optional<std::string> default_topic_perm;  // "PUB", "SUB", "PUB|SUB", "DENY"
  std::optional<std::string> default_group_perm;
  std::optional<std::vector<std::string>> topic_perms;  // "topic=PERM"
  std::optional<std::vector<std::string>> group_perms;  // "group=PERM"

  bool operator==(const PlainAccessConfig& o) const;

  static Result<PlainAccessConfig> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct AclConfig {
  std::vector<std::string> global_white_addrs;
  std::vector<PlainAccessConfig> plain_access_configs;

  static Result<AclConfig> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
