// The ACL 1.0 ("plain") model of one ACL file (Java 4.9.8 acl/plain/PlainPermissionManager,
// acl/common/Permission, AclConstants; protocol.md §10), on top of the YAML tree:
//
//   globalWhiteRemoteAddresses: [addresses that skip authentication]
//   accounts:
//   - accessKey: RocketMQ          # > 6 characters
//     secretKey: 12345678          # > 6 characters
//     whiteRemoteAddress: 192.168.1.*
//     admin: false
//     defaultTopicPerm: DENY       # PUB | SUB | PUB|SUB | DENY
//     defaultGroupPerm: SUB
//     topicPerms: [topicA=DENY, topicB=PUB|SUB]
//     groupPerms: [groupA=DENY]    # enforced on the group's %RETRY% topic
//   dataVersion:
//   - counter: 4                   # bumped by every write from the admin codes
//     timestamp: 1796666638087
//
// PlainAccessResource is the parsed form an enforcing validator checks requests against.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/model/acl_config.h"
#include "common/model/data_version.h"
#include "common/status.h"
#include "mockbroker/broker/acl/remote_address_strategy.h"
#include "mockbroker/broker/acl/yaml_document.h"

namespace rocketmq::broker::acl {

// YAML member names (Java AclConstants).
inline constexpr char kGlobalWhiteAddrsKey[] = "globalWhiteRemoteAddresses";
inline constexpr char kAccountsKey[] = "accounts";
inline constexpr char kAccessKeyKey[] = "accessKey";
inline constexpr char kSecretKeyKey[] = "secretKey";
inline constexpr char kWhiteAddrKey[] = "whiteRemoteAddress";
inline constexpr char kAdminKey[] = "admin";
inline constexpr char kDefaultTopicPermKey[] = "defaultTopicPerm";
inline constexpr char kDefaultGroupPermKey[] = "defaultGroupPerm";
inline constexpr char kTopicPermsKey[] = "topicPerms";
inline constexpr char kGroupPermsKey[] = "groupPerms";
inline constexpr char kDataVersionKey[] = "dataVersion";
// Keys and secrets must be longer than this (AclConstants.ACCESS_KEY_MIN_LENGTH).
inline constexpr size_t kKeyMinLength = 6;

// Java Permission bits.
inline constexpr uint8_t kPermDeny = 1;
inline constexpr uint8_t kPermAny = 1 << 1;
inline constexpr uint8_t kPermPub = 1 << 2;
inline constexpr uint8_t kPermSub = 1 << 3;

// Permission.parsePermFromString: PUB, SUB, PUB|SUB / SUB|PUB (trimmed); anything else, and an
// absent value, is DENY.
uint8_t ParsePerm(const std::optional<std::string>& perm);

// PlainPermissionManager.checkPlainAccessConfig: InvalidArgument "The accessKey=<ak> and
// secretKey=<sk> cannot be null and length should longer than 6" (null printed as "null").
Status CheckPlainAccessConfig(const PlainAccessConfig& config);
// Permission.checkResourcePerms: every item must be "Res=Perm" with a known permission;
// InvalidArgument with Java's text otherwise.
Status CheckResourcePerms(const std::optional<std::vector<std::string>>& resources);

// Java UtilAll.split(s, ","), i.e. String.split: trailing empty items dropped, "" -> [""].
std::vector<std::string> JavaSplitComma(const std::string& s);

// An account as enforcement needs it (Java PlainAccessResource).
struct PlainAccessResource {
  std::string access_key;
  std::string secret_key;
  std::string white_remote_address;             // empty: none
  RemoteAddressStrategy white_remote_strategy;  // compiled white_remote_address
  bool admin = false;
  uint8_t default_topic_perm = kPermDeny;
  uint8_t default_group_perm = kPermDeny;
  // Topic -> perm; groups appear as their retry topic "%RETRY%<group>".
  std::map<std::string, uint8_t> resource_perms;

  // Java buildPlainAccessResource: the key checks, then "Res=Perm" items (InvalidArgument
  // "Parse resource permission failed for topic:<item>" when an item has no single '='), then
  // the white address (InvalidArgument when malformed, see remote_address_strategy.h).
  static Result<PlainAccessResource> Build(const PlainAccessConfig& config);
};

// What one ACL file says.
struct PlainAclFile {
  std::vector<std::string> global_white_remote_addresses;
  std::vector<PlainAccessConfig> accounts;  // file order
  // dataVersion[0]; a file without one has counter 0 and timestamp = `now_ms` (Java's
  // new DataVersion() at load time).
  DataVersion data_version;

  static PlainAclFile FromYaml(const YamlNode& root, int64_t now_ms);
};

// One account map of the YAML tree as Java's fastjson reads it into a PlainAccessConfig.
PlainAccessConfig AccountFromYaml(const YamlNode& account);

// Java createAclAccessConfigMap: writes `config` into `account` (an existing account map, kept in
// its member order, or a new one): accessKey; secretKey when not empty; whiteRemoteAddress when
// set; admin always; default perms when not empty; topic/group perms when set. Members the
// config does not set keep their old values.
void ApplyAccessConfig(const PlainAccessConfig& config, YamlNode* account);

// Java updateAclConfigFileVersion: the file's dataVersion counter + 1 and timestamp `now_ms`,
// stored back into `root` as [{counter, timestamp}] (in place, or appended). Returns it.
DataVersion BumpDataVersion(YamlNode* root, int64_t now_ms);

}  // namespace rocketmq::broker::acl
