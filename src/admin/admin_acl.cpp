// DefaultMQAdminExt: ACL 1.0 (plain ACL file) administration on one broker: accounts, global
// white addresses and the ACL files' versions.
#include <string>

#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/json_reader.h"
#include "common/model/data_version.h"
#include "common/model/json_body.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// Java UtilAll.join(list, ","); absent lists are not sent at all.
std::string JoinAclItems(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += ',';
    joined += items[i];
  }
  return joined;
}

}  // namespace

void DefaultMQAdminExt::createAndUpdatePlainAccessConfig(const std::string& addr,
                                                         const admin::PlainAccessConfig& config) {
  admin::AdminClient& c = Started();
  // CreateAccessConfigRequestHeader: null members are left out, admin is always sent.
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUpdateAndCreateAclConfig);
  request.SetExtField("accessKey", config.access_key);
  if (config.secret_key) request.SetExtField("secretKey", *config.secret_key);
  if (config.white_remote_address) {
    request.SetExtField("whiteRemoteAddress", *config.white_remote_address);
  }
  if (config.default_topic_perm)
    request.SetExtField("defaultTopicPerm", *config.default_topic_perm);
  if (config.default_group_perm)
    request.SetExtField("defaultGroupPerm", *config.default_group_perm);
  request.SetExtField("admin", config.admin ? "true" : "false");
  if (config.topic_perms) request.SetExtField("topicPerms", JoinAclItems(*config.topic_perms));
  if (config.group_perms) request.SetExtField("groupPerms", JoinAclItems(*config.group_perms));
  admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
}

void DefaultMQAdminExt::deletePlainAccessConfig(const std::string& addr,
                                                const std::string& access_key) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kDeleteAclConfig);
  request.SetExtField("accessKey", access_key);
  admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
}

void DefaultMQAdminExt::updateGlobalWhiteAddrConfig(const std::string& addr,
                                                    const std::string& global_white_addrs,
                                                    const std::string& acl_file_full_path) {
  admin::AdminClient& c = Started();
  RemotingCommand request =
      RemotingCommand::CreateRequest(RequestCode::kUpdateGlobalWhiteAddrsConfig);
  request.SetExtField("globalWhiteAddrs", global_white_addrs);
  if (!acl_file_full_path.empty()) request.SetExtField("aclFileFullPath", acl_file_full_path);
  admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
}

admin::ClusterAclVersionInfo DefaultMQAdminExt::examineBrokerClusterAclVersionInfo(
    const std::string& addr) {
  admin::AdminClient& c = Started();
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(addr, RemotingCommand::CreateRequest(RequestCode::kGetBrokerClusterAclInfo)),
      addr);
  // GetBrokerAclConfigResponseHeader: version is a DataVersion JSON, allAclFileVersion a JSON
  // object path -> DataVersion.
  const auto& fields = response.ext_fields();
  admin::ClusterAclVersionInfo info;
  info.broker_name = fields.GetOr("brokerName");
  info.broker_addr = fields.GetOr("brokerAddr");
  info.cluster_name = fields.GetOr("clusterName");
  const std::string version = fields.GetOr("version");
  if (!version.empty()) {
    info.acl_config_data_version = admin::ToPublic(
        admin::ValueOrThrowBroker(DecodeJsonBody<rocketmq::DataVersion>(version), addr));
  }
  const std::string all = fields.GetOr("allAclFileVersion");
  if (!all.empty()) {
    Json::Value doc = admin::ValueOrThrowBroker(ParseJson(all), addr);
    if (doc.isObject()) {
      for (const std::string& path : doc.getMemberNames()) {
        info.all_acl_config_data_version[path] = admin::ToPublic(
            admin::ValueOrThrowBroker(rocketmq::DataVersion::FromJson(doc[path]), addr));
      }
    }
  }
  return info;
}

}  // namespace rocketmq
