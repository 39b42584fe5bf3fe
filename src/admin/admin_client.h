// AdminClient: the runtime behind DefaultMQAdminExt (Java DefaultMQAdminExtImpl): the client
// configuration, the shared ClientInstance (connections, NameServer list, ACL signing) once
// started, the request timeout, and the two ways every admin method talks to a server:
// CallBroker (one broker address) and CallNameServer (any NameServer, failing over).
//
// Errors: both calls return Status(code, remark) when the server answered with a code other
// than SUCCESS, and the remoting client's local code (< 0) on a transport failure. The Throw*
// helpers turn such a Status into the exception the public API promises (admin.h).
//
// The DefaultMQAdminExt methods are implemented by concern in this folder (admin_cluster.cpp,
// admin_topic.cpp, admin_broker.cpp, admin_consumer.cpp, ...) on top of this class.
// Threads: thread-safe once started; configuration setters only before Start().
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "client/client_api.h"
#include "client/client_config.h"
#include "client/client_instance.h"
#include "common/status.h"
#include "remoting/remoting_command.h"

namespace rocketmq::admin {

// The topic whose route stands in for a new topic's (Java TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
// mqadmin sends it as defaultTopic when creating topics.
inline constexpr char kDefaultTopic[] = "TBW102";

// Java DefaultMQAdminExt's default timeoutMillis.
inline constexpr int64_t kDefaultAdminTimeoutMs = 5000;

class AdminClient {
 public:
  explicit AdminClient(std::string admin_group);
  ~AdminClient();  // Shutdown()
  AdminClient(const AdminClient&) = delete;
  AdminClient& operator=(const AdminClient&) = delete;

  // ---- configuration (before Start) ----
  client::ClientConfig& config() { return config_; }
  const client::ClientConfig& config() const { return config_; }
  const std::string& admin_group() const { return admin_group_; }
  void set_timeout_ms(int64_t ms) { timeout_ms_ = ms; }
  int64_t timeout_ms() const { return timeout_ms_; }

  // ---- lifecycle ----
  // Acquires and starts the ClientInstance of this admin's client id. Idempotent while running;
  // fails after Shutdown().
  Status Start();
  void Shutdown();
  bool started() const;

  // ---- plumbing for the admin methods (only after a successful Start) ----
  client::ClientInstance& instance() { return *instance_; }
  client::ClientApi& api() { return instance_->api(); }
  // Sends `request` to the broker at `addr`; the response when it is SUCCESS.
  Result<remoting::RemotingCommand> CallBroker(const std::string& addr,
                                               remoting::RemotingCommand request);
  // The same with a timeout other than the admin timeout.
  Result<remoting::RemotingCommand> CallBroker(const std::string& addr,
                                               remoting::RemotingCommand request,
                                               int64_t timeout_ms);
  // Sends `request` to a NameServer (the next one on a transport error); the response when it
  // is SUCCESS.
  Result<remoting::RemotingCommand> CallNameServer(remoting::RemotingCommand request);
  // Sends `request` to the NameServer at `addr` only.
  Result<remoting::RemotingCommand> CallNameServerAt(const std::string& addr,
                                                     remoting::RemotingCommand request);
  // The configured NameServer addresses.
  std::vector<std::string> NamesrvAddrs() const;

 private:
  const std::string admin_group_;
  client::ClientConfig config_;
  int64_t timeout_ms_ = kDefaultAdminTimeoutMs;
  mutable std::mutex mu_;
  std::shared_ptr<client::ClientInstance> instance_;  // set by Start, guarded by mu_ for Start/Shutdown
  bool shut_down_ = false;                            // guarded by mu_
};

// ---- turning a Status into the public exceptions ----
// A broker answered with an error (code >= 0): MQBrokerException(code, remark, broker_addr);
// a transport or local failure: MQClientException carrying the message and the address.
[[noreturn]] void ThrowBrokerError(const Status& st, const std::string& broker_addr);
// A NameServer answered with an error, or the call failed: MQClientException(code, message).
[[noreturn]] void ThrowClientError(const Status& st);
// Throws MQClientException(kCodeInvalidArgument-style code, message) for a bad argument.
[[noreturn]] void ThrowInvalidArgument(const std::string& message);

template <typename T>
T ValueOrThrowBroker(Result<T> r, const std::string& broker_addr) {
  if (!r.ok()) ThrowBrokerError(r.status(), broker_addr);
  return std::move(r).value();
}

template <typename T>
T ValueOrThrowClient(Result<T> r) {
  if (!r.ok()) ThrowClientError(r.status());
  return std::move(r).value();
}

}  // namespace rocketmq::admin
