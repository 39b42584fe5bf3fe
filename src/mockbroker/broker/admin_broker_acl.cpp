// The ACL 1.0 admin codes of AdminBrokerProcessor (Java 4.9.8): UPDATE_AND_CREATE_ACL_CONFIG
// (50), DELETE_ACL_CONFIG (51), GET_BROKER_CLUSTER_ACL_INFO (52),
// UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53), and GET_BROKER_CLUSTER_ACL_CONFIG (54, answered as
// 4.7-4.9.0 and 5.x brokers do; 4.9.8 itself no longer knows the code).
//
// With aclEnable=false Java has no validator and fails: 50/51/53 answer their *_FAILED code
// with a NullPointerException text as remark, 52/54 never answer (the client times out). This
// broker answers the same codes for 50/51/53, SYSTEM_ERROR for 52/54, each with a remark that
// says ACL is off.
#include <string>
#include <vector>

#include "common/java_hash.h"
#include "common/logging.h"
#include "common/model/acl_config.h"
#include "common/response_code.h"
#include "mockbroker/broker/acl/plain_permission_manager.h"
#include "mockbroker/broker/admin_broker_processor.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

constexpr char kAclDisabledRemark[] =
    "ACL is not enabled on this broker (aclEnable=false): no plain ACL validator";

// The code Java answers a failed request with.
int32_t AclFailureCode(int32_t request_code) {
  switch (request_code) {
    case RequestCode::kUpdateAndCreateAclConfig:
      return ResponseCode::kUpdateAndCreateAclConfigFailed;
    case RequestCode::kDeleteAclConfig:
      return ResponseCode::kDeleteAclConfigFailed;
    case RequestCode::kUpdateGlobalWhiteAddrsConfig:
      return ResponseCode::kUpdateGlobalWhiteAddrsConfigFailed;
    default:
      return ResponseCode::kSystemError;
  }
}

std::optional<std::string> OptionalExt(const RemotingCommand& request, const char* key) {
  if (!request.ext_fields().Has(key)) return std::nullopt;
  return request.ext_fields().GetOr(key);
}

// Java AdminBrokerProcessor.updateAndCreateAccessConfig's PlainAccessConfig from
// CreateAccessConfigRequestHeader.
PlainAccessConfig AccessConfigFromHeader(const RemotingCommand& request) {
  PlainAccessConfig c;
  c.access_key = OptionalExt(request, "accessKey");
  c.secret_key = OptionalExt(request, "secretKey");
  c.white_remote_address = OptionalExt(request, "whiteRemoteAddress");
  c.default_topic_perm = OptionalExt(request, "defaultTopicPerm");
  c.default_group_perm = OptionalExt(request, "defaultGroupPerm");
  if (auto t = OptionalExt(request, "topicPerms")) c.topic_perms = acl::JavaSplitComma(*t);
  if (auto g = OptionalExt(request, "groupPerms")) c.group_perms = acl::JavaSplitComma(*g);
  c.admin = request.GetExtBool("admin");  // Boolean.parseBoolean; absent = false
  return c;
}

}  // namespace

RemotingCommand AdminBrokerProcessor::AclAdmin(const RemotingCommand& request) {
  // Java decodes the header before it looks for the validator: an absent @CFNotNull field
  // fails first, as SYSTEM_ERROR.
  const char* required = nullptr;
  switch (request.code()) {
    case RequestCode::kUpdateAndCreateAclConfig:
    case RequestCode::kDeleteAclConfig:
      required = "accessKey";
      break;
    case RequestCode::kUpdateGlobalWhiteAddrsConfig:
      required = "globalWhiteAddrs";  // aclFileFullPath may be absent: the default file
      break;
    default:
      break;
  }
  if (required != nullptr && !request.ext_fields().Has(required)) {
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kSystemError,
        std::string("the custom field <") + required + "> is null");
  }
  acl::PlainPermissionManager* acl = controller_->plain_permission_manager();
  if (acl == nullptr) {
    RMQ_LOG(kWarn) << "ACL request " << request.code() << " refused: aclEnable=false";
    return RemotingCommand::CreateResponse(request, AclFailureCode(request.code()),
                                           kAclDisabledRemark);
  }
  const int32_t failed = AclFailureCode(request.code());
  switch (request.code()) {
    case RequestCode::kUpdateAndCreateAclConfig: {
      const std::string ak = request.ext_fields().GetOr("accessKey");
      Status st = acl->UpdateAccessConfig(AccessConfigFromHeader(request));
      if (!st.ok()) {
        RMQ_LOG(kWarn) << "update ACL config of " << ak << " failed: " << st.message();
        return RemotingCommand::CreateResponse(request, failed, st.message());
      }
      return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
    }
    case RequestCode::kDeleteAclConfig: {
      const std::string ak = request.ext_fields().GetOr("accessKey");
      Result<bool> deleted = acl->DeleteAccessConfig(ak);
      if (!deleted.ok()) {
        return RemotingCommand::CreateResponse(request, failed, deleted.status().message());
      }
      if (!*deleted) {
        std::string remark =
            "The accesskey[" + ak + "] corresponding to accessConfig has been deleted failed.";
        RMQ_LOG(kWarn) << remark;
        return RemotingCommand::CreateResponse(request, failed, remark);
      }
      return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
    }
    case RequestCode::kUpdateGlobalWhiteAddrsConfig: {
      const std::string addrs = request.ext_fields().GetOr("globalWhiteAddrs");
      Result<bool> updated = acl->UpdateGlobalWhiteAddrs(
          acl::JavaSplitComma(addrs), request.ext_fields().GetOr("aclFileFullPath"));
      if (!updated.ok()) {
        return RemotingCommand::CreateResponse(request, failed, updated.status().message());
      }
      if (!*updated) {
        std::string remark = "The globalWhiteAddresses[" + addrs + "] has been updated failed.";
        RMQ_LOG(kWarn) << remark;
        return RemotingCommand::CreateResponse(request, failed, remark);
      }
      return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
    }
    case RequestCode::kGetBrokerClusterAclInfo: {
      RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
      std::map<std::string, DataVersion> versions = acl->AllDataVersions();
      std::vector<std::string> files;
      for (const auto& [file, v] : versions) files.push_back(file);
      // fastjson writes Java's HashMap<String, DataVersion> in bucket order.
      JsonWriter w;
      w.BeginObject();
      for (const std::string& file :
           JavaStringKeyOrder(files, JavaHashMapTableSize(files.size()))) {
        w.Key(file);
        versions[file].WriteJson(w);
      }
      w.EndObject();
      resp.SetExtField("allAclFileVersion", w.Release());
      resp.SetExtField("version", acl->default_data_version().ToJson());
      const BrokerConfig cfg = controller_->broker_config();
      resp.SetExtField("brokerAddr", controller_->broker_addr());
      resp.SetExtField("brokerName", cfg.brokerName);
      resp.SetExtField("clusterName", cfg.brokerClusterName);
      return resp;
    }
    default: {  // kGetBrokerClusterAclConfig
      Result<AclConfig> all = acl->GetAllAclConfig();
      if (!all.ok()) {
        return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                               all.status().message());
      }
      RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
      resp.mutable_ext_fields();
      resp.set_body(all->ToJson());
      return resp;
    }
  }
}

}  // namespace rocketmq::broker
