#include "mockbroker/broker/broker_outer_api.h"

#include "common/crc32.h"
#include "common/logging.h"
#include "common/response_code.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

BrokerOuterApi::BrokerOuterApi() = default;
BrokerOuterApi::~BrokerOuterApi() { Shutdown(); }

Status BrokerOuterApi::Start() { return client_.Start(); }
void BrokerOuterApi::Shutdown() { client_.Shutdown(); }

void BrokerOuterApi::UpdateNameServerAddressList(const std::string& addrs) {
  std::vector<std::string> list;
  size_t start = 0;
  while (start <= addrs.size()) {
    size_t end = addrs.find(';', start);
    if (end == std::string::npos) end = addrs.size();
    std::string one = addrs.substr(start, end - start);
    size_t b = one.find_first_not_of(" \t");
    if (b != std::string::npos) {
      one = one.substr(b, one.find_last_not_of(" \t") - b + 1);
      list.push_back(one);
    }
    start = end + 1;
  }
  std::lock_guard<std::mutex> lock(mu_);
  namesrvs_ = std::move(list);
}

std::vector<std::string> BrokerOuterApi::NameServerAddressList() const {
  std::lock_guard<std::mutex> lock(mu_);
  return namesrvs_;
}

std::vector<Status> BrokerOuterApi::RegisterBrokerAll(const BrokerIdentity& id,
                                                      const TopicConfigSerializeWrapper& topics,
                                                      bool compressed, int64_t timeout_ms,
                                                      RegisterBrokerResult* result) {
  RegisterBrokerBody body;
  body.topic_config_serialize_wrapper = topics;
  const std::string bytes = compressed ? body.EncodeCompressed() : body.ToJson();
  const int32_t crc = RocketmqCrc32(bytes);
  std::vector<Status> results;
  bool answered = false;
  for (const std::string& addr : NameServerAddressList()) {
    RemotingCommand req = RemotingCommand::CreateRequest(RequestCode::kRegisterBroker);
    req.SetExtField("brokerId", std::to_string(id.broker_id));
    req.SetExtField("bodyCrc32", std::to_string(crc));
    req.SetExtField("clusterName", id.cluster_name);
    req.SetExtField("brokerAddr", id.broker_addr);
    req.SetExtField("haServerAddr", id.ha_server_addr);
    req.SetExtField("compressed", compressed ? "true" : "false");
    req.SetExtField("brokerName", id.broker_name);
    req.set_body(bytes);
    Result<RemotingCommand> resp = client_.InvokeSync(addr, std::move(req), timeout_ms);
    Status st;
    if (!resp.ok()) {
      st = resp.status();
    } else if (resp->code() != ResponseCode::kSuccess) {
      st = Status(resp->code(), resp->remark().value_or(""));
    }
    if (st.ok()) {
      RMQ_LOG(kDebug) << "register broker to name server " << addr << " OK";
      if (result != nullptr && !answered) {
        answered = true;
        result->ha_server_addr = resp->ext_fields().GetOr("haServerAddr");
        result->master_addr = resp->ext_fields().GetOr("masterAddr");
      }
    } else {
      RMQ_LOG(kWarn) << "register broker to name server " << addr << " failed: " << st.ToString();
    }
    results.push_back(st);
  }
  return results;
}

void BrokerOuterApi::UnregisterBrokerAll(const BrokerIdentity& id, int64_t timeout_ms) {
  for (const std::string& addr : NameServerAddressList()) {
    RemotingCommand req = RemotingCommand::CreateRequest(RequestCode::kUnregisterBroker);
    req.SetExtField("brokerName", id.broker_name);
    req.SetExtField("brokerAddr", id.broker_addr);
    req.SetExtField("clusterName", id.cluster_name);
    req.SetExtField("brokerId", std::to_string(id.broker_id));
    Result<RemotingCommand> resp = client_.InvokeSync(addr, std::move(req), timeout_ms);
    if (!resp.ok() || resp->code() != ResponseCode::kSuccess) {
      RMQ_LOG(kWarn) << "unregister broker from name server " << addr << " failed: "
                     << (resp.ok() ? resp->remark().value_or("") : resp.status().ToString());
    } else {
      RMQ_LOG(kInfo) << "unregister broker from name server " << addr << " OK";
    }
  }
}

}  // namespace rocketmq::broker
