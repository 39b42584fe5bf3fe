// DefaultMQAdminExt: lifecycle and configuration. The admin methods live by concern in the other
// admin_*.cpp files of this folder.
#include "rocketmq/admin.h"

#include "admin/admin_client.h"
#include "common/status.h"

namespace rocketmq {

DefaultMQAdminExt::DefaultMQAdminExt(const std::string& admin_ext_group)
    : client_(std::make_unique<admin::AdminClient>(admin_ext_group)) {}

DefaultMQAdminExt::~DefaultMQAdminExt() { shutdown(); }

void DefaultMQAdminExt::start() {
  Status st = client_->Start();
  if (!st.ok()) admin::ThrowClientError(st);
}

void DefaultMQAdminExt::shutdown() { client_->Shutdown(); }

void DefaultMQAdminExt::setNamesrvAddr(const std::string& addr) {
  client_->config().namesrv_addr = addr;
}

const std::string& DefaultMQAdminExt::getNamesrvAddr() const {
  return client_->config().namesrv_addr;
}

void DefaultMQAdminExt::setInstanceName(const std::string& name) {
  client_->config().instance_name = name;
}

void DefaultMQAdminExt::setSessionCredentials(const SessionCredentials& credentials) {
  client_->config().credentials.access_key = credentials.getAccessKey();
  client_->config().credentials.secret_key = credentials.getSecretKey();
  client_->config().credentials.security_token = credentials.getSecurityToken();
}

void DefaultMQAdminExt::setTimeoutMillis(int64_t timeout_ms) { client_->set_timeout_ms(timeout_ms); }

int64_t DefaultMQAdminExt::getTimeoutMillis() const { return client_->timeout_ms(); }

const std::string& DefaultMQAdminExt::getAdminExtGroup() const { return client_->admin_group(); }

std::vector<std::string> DefaultMQAdminExt::getNameServerAddressList() const {
  return client_->NamesrvAddrs();
}

admin::AdminClient& DefaultMQAdminExt::Started() {
  if (!client_->started()) {
    throw MQClientException("The admin is not started: call start() first", kCodeShutdown);
  }
  return *client_;
}

}  // namespace rocketmq
