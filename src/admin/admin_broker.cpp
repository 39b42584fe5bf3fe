// DefaultMQAdminExt: broker runtime data and configuration.
#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "admin/java_properties_order.h"
#include "common/model/json_body.h"
#include "common/properties.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

admin::KVTable DefaultMQAdminExt::fetchBrokerRuntimeStats(const std::string& broker_addr) {
  admin::AdminClient& c = Started();
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(broker_addr, RemotingCommand::CreateRequest(RequestCode::kGetBrokerRuntimeInfo)),
      broker_addr);
  rocketmq::KVTable table =
      admin::ValueOrThrowBroker(DecodeJsonBody<rocketmq::KVTable>(response.body()), broker_addr);
  return admin::KVTable(table.table.begin(), table.table.end());
}

admin::Properties DefaultMQAdminExt::getBrokerConfig(const std::string& broker_addr) {
  admin::AdminClient& c = Started();
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(broker_addr, RemotingCommand::CreateRequest(RequestCode::kGetBrokerConfig)),
      broker_addr);
  return admin::ToPublic(rocketmq::Properties::Parse(response.body()));
}

void DefaultMQAdminExt::updateBrokerConfig(const std::string& broker_addr,
                                           const admin::Properties& properties) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUpdateBrokerConfig);
  request.set_body(admin::ToInternal(properties).ToText());
  admin::ValueOrThrowBroker(c.CallBroker(broker_addr, std::move(request)), broker_addr);
}

admin::PropertyList DefaultMQAdminExt::getBrokerConfigInJavaOrder(const std::string& broker_addr) {
  admin::AdminClient& c = Started();
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(broker_addr, RemotingCommand::CreateRequest(RequestCode::kGetBrokerConfig)),
      broker_addr);
  return admin::JavaPropertiesOrder(rocketmq::Properties::Parse(response.body()));
}

}  // namespace rocketmq
