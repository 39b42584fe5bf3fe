#include "client/client_settings.h"

namespace rocketmq::client {

namespace {

Status CheckNamesrvAddr(const std::string& value) {
  ClientConfig probe;
  probe.namesrv_addr = value;
  for (const std::string& addr : probe.NamesrvAddrList()) {
    const size_t colon = addr.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == addr.size()) {
      return Status::InvalidArgument("setting namesrvAddr: \"" + addr + "\" is not host:port");
    }
    for (size_t i = colon + 1; i < addr.size(); ++i) {
      if (addr[i] < '0' || addr[i] > '9') {
        return Status::InvalidArgument("setting namesrvAddr: \"" + addr + "\" is not host:port");
      }
    }
  }
  return Status::OK();
}

SettingsRegistry<ClientConfig> Build() {
  SettingsRegistry<ClientConfig> r("client");
  r.Section("Client (every producer and consumer)");
  r.String("namesrvAddr", RMQ_SETTING(namesrv_addr), "NameServer addresses, `host:port;host:port`.",
           nullptr, CheckNamesrvAddr);
  r.String("clientIP", RMQ_SETTING(client_ip), "Address put in the client id.",
           "(first non-loopback address)");
  r.String("instanceName", RMQ_SETTING(instance_name),
           "Clients of one process with the same instance name share connections; `DEFAULT` "
           "becomes `<pid>#<nanotime>` at start.");
  r.String("unitName", RMQ_SETTING(unit_name), "Appended to the client id when set.");
  r.Bool("unitMode", RMQ_SETTING(unit_mode), "Unit mode flag sent with every message.");
  r.String("namespace", RMQ_SETTING(name_space),
           "Topics and groups are sent as `<namespace>%<name>`.");
  r.Bool("useTLS", RMQ_SETTING(use_tls), "TLS to every NameServer and broker.");
  r.Int("pollNameServerInterval", RMQ_SETTING(poll_name_server_interval_ms), 10, kMaxInt32Setting,
        "Route refresh period, ms.");
  r.Int("heartbeatBrokerInterval", RMQ_SETTING(heartbeat_broker_interval_ms), 10, kMaxInt32Setting,
        "Heartbeat period, ms.");
  r.Int("persistConsumerOffsetInterval", RMQ_SETTING(persist_consumer_offset_interval_ms), 10,
        kMaxInt32Setting, "Period of consumer offset commits, ms.");
  r.Int("mqClientApiTimeout", RMQ_SETTING(mq_client_api_timeout_ms), 1, kMaxInt32Setting,
        "Timeout of the client's own requests (routes, heartbeats, offsets), ms.");
  r.Int("clientCallbackExecutorThreads", RMQ_SETTING(callback_threads), 0, 1024,
        "Threads running callbacks; 0 = CPU count, at least 2.");
  r.String("accessKey", RMQ_SETTING(credentials.access_key),
           "ACL access key; requests are signed when both keys are set.");
  r.String("secretKey", RMQ_SETTING(credentials.secret_key), "ACL secret key.");
  r.String("securityToken", RMQ_SETTING(credentials.security_token),
           "ACL security token (STS), signed when set.");
  return r;
}

}  // namespace

const SettingsRegistry<ClientConfig>& ClientSettings() {
  static const SettingsRegistry<ClientConfig> registry = Build();
  return registry;
}

}  // namespace rocketmq::client
