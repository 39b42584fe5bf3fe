#include "admin/admin_client.h"

#include <chrono>

#include "client/client_instance_registry.h"
#include "common/response_code.h"
#include "rocketmq/mq_exception.h"

namespace rocketmq::admin {

using remoting::RemotingCommand;

AdminClient::AdminClient(std::string admin_group) : admin_group_(std::move(admin_group)) {
  // Java DefaultMQAdminExtImpl names its instance after the start time, so an admin never shares
  // a client instance (and its connections) with the application's producers and consumers.
  config_.instance_name = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count());
}

AdminClient::~AdminClient() { Shutdown(); }

Status AdminClient::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (shut_down_) return Status::ShutdownInProgress("the admin client was shut down");
  if (instance_) return Status::OK();
  std::shared_ptr<client::ClientInstance> instance =
      client::ClientInstanceRegistry::Default().Acquire(config_);
  Status st = instance->Start();
  if (!st.ok()) {
    client::ClientInstanceRegistry::Default().Release(instance);
    return st;
  }
  instance_ = std::move(instance);
  return Status::OK();
}

void AdminClient::Shutdown() {
  std::shared_ptr<client::ClientInstance> instance;
  {
    std::lock_guard<std::mutex> lock(mu_);
    shut_down_ = true;
    instance = std::move(instance_);
  }
  if (instance) client::ClientInstanceRegistry::Default().Release(instance);
}

bool AdminClient::started() const {
  std::lock_guard<std::mutex> lock(mu_);
  return instance_ != nullptr;
}

Result<RemotingCommand> AdminClient::CallBroker(const std::string& addr, RemotingCommand request) {
  return CallBroker(addr, std::move(request), timeout_ms_);
}

Result<RemotingCommand> AdminClient::CallBroker(const std::string& addr, RemotingCommand request,
                                                int64_t timeout_ms) {
  if (addr.empty()) return Status::NotConnected("no broker address");
  Result<RemotingCommand> r = api().remoting().InvokeSync(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  if (r->code() != ResponseCode::kSuccess) return client::ResponseError(*r);
  return r;
}

Result<RemotingCommand> AdminClient::CallNameServer(RemotingCommand request) {
  Result<RemotingCommand> r = api().InvokeNameServer(std::move(request), timeout_ms_);
  if (!r.ok()) return r.status();
  if (r->code() != ResponseCode::kSuccess) return client::ResponseError(*r);
  return r;
}

Result<RemotingCommand> AdminClient::CallNameServerAt(const std::string& addr,
                                                      RemotingCommand request) {
  return CallBroker(addr, std::move(request), timeout_ms_);
}

std::vector<std::string> AdminClient::NamesrvAddrs() const { return config_.NamesrvAddrList(); }

void ThrowBrokerError(const Status& st, const std::string& broker_addr) {
  if (st.code() >= 0) throw MQBrokerException(st.code(), st.message(), broker_addr);
  throw MQClientException(st.message() + " (broker " + broker_addr + ")", st.code());
}

void ThrowClientError(const Status& st) { throw MQClientException(st.message(), st.code()); }

void ThrowInvalidArgument(const std::string& message) {
  throw MQClientException(message, kCodeInvalidArgument);
}

}  // namespace rocketmq::admin
