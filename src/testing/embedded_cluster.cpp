#include "rocketmq/testing/embedded_cluster.h"

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/model/cluster_info.h"
#include "common/model/route_data.h"
#include "common/model/subscription_group_config.h"
#include "common/model/topic_config.h"
#include "common/properties.h"
#include "common/status.h"
#include "mockbroker/broker/broker_controller.h"
#include "mockbroker/namesrv/namesrv_controller.h"
#include "rocketmq/mq_exception.h"
#include "testing/embedded_cluster_access.h"

namespace rocketmq::testing {

namespace {

constexpr auto kRegistrationTimeout = std::chrono::seconds(15);
constexpr auto kPollInterval = std::chrono::milliseconds(20);

[[noreturn]] void ThrowInvalid(const std::string& message) {
  throw MQClientException("embedded cluster: " + message, kCodeInvalidArgument);
}

[[noreturn]] void ThrowStatus(const std::string& what, const Status& st) {
  throw MQClientException("embedded cluster: " + what + ": " + st.ToString(),
                          st.code() != 0 ? st.code() : -1);
}

remoting::TlsMode ToServerTls(TlsMode mode) {
  switch (mode) {
    case TlsMode::kDisabled:
      return remoting::TlsMode::kDisabled;
    case TlsMode::kEnforcing:
      return remoting::TlsMode::kEnforcing;
    case TlsMode::kPermissive:
      break;
  }
  return remoting::TlsMode::kPermissive;
}


// Java's TopicValidator: 1..127 characters out of [%|a-zA-Z0-9_-].
bool ValidTopicOrGroupName(const std::string& name) {
  if (name.empty() || name.size() > 127) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '%' || c == '|' || c == '_' ||
           c == '-';
  });
}

template <typename Pred>
bool PollUntil(std::chrono::milliseconds timeout, Pred pred) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (pred()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace

struct EmbeddedCluster::Impl {
  struct Node {
    std::string name;
    int id = 0;
    std::string home_dir;   // rocketmqHome: conf/plain_acl.yml, broker.properties
    std::string store_dir;  // storePathRootDir
    int port = 0;           // last bound; reused by restarts
    int ha_port = 0;
    std::unique_ptr<broker::BrokerController> controller;  // null while stopped
  };

  EmbeddedClusterOptions options;
  std::string dir;
  bool own_dir = false;
  int namesrv_port = 0;
  std::unique_ptr<namesrv::NamesrvController> namesrv;
  std::vector<Node> nodes;  // broker-a master, its slaves, broker-b master, ...

  explicit Impl(EmbeddedClusterOptions opts) : options(std::move(opts)) { Validate(); }

  static std::string GroupName(int index) { return std::string("broker-") + char('a' + index); }

  void Validate() {
    if (options.masters < 1 || options.masters > 26) ThrowInvalid("masters must be 1..26");
    if (options.slaves_per_master < 0 || options.slaves_per_master > 8) {
      ThrowInvalid("slaves_per_master must be 0..8");
    }
    if (options.cluster_name.empty()) ThrowInvalid("cluster_name is empty");
    if (options.acl_enable && options.plain_acl_yml.empty()) {
      ThrowInvalid("acl_enable needs plain_acl_yml (the text of conf/plain_acl.yml)");
    }
    for (const auto& [name, count] : options.slaves_for) {
      bool known = false;
      for (int m = 0; m < options.masters; ++m) known = known || GroupName(m) == name;
      if (!known) ThrowInvalid("slaves_for names no broker group of the layout: " + name);
      if (count < 0 || count > 8) ThrowInvalid("slaves_for " + name + " must be 0..8");
    }
    for (int m = 0; m < options.masters; ++m) {
      for (int id = 0; id <= Slaves(GroupName(m)); ++id) {
        Node n;
        n.name = GroupName(m);
        n.id = id;
        nodes.push_back(std::move(n));
      }
    }
    for (const auto& [key, kv] : options.broker_config_overrides) {
      const size_t slash = key.find('/');
      const std::string name = key.substr(0, slash);
      int id = -1;
      if (slash != std::string::npos) {
        const std::string id_text = key.substr(slash + 1);
        if (id_text.empty() ||
            !std::all_of(id_text.begin(), id_text.end(), [](char c) { return std::isdigit(c); })) {
          ThrowInvalid("broker_config_overrides key '" + key + "' is not <brokerName>[/<brokerId>]");
        }
        id = std::stoi(id_text);
      }
      const bool known = std::any_of(nodes.begin(), nodes.end(), [&](const Node& n) {
        return n.name == name && (id < 0 || n.id == id);
      });
      if (!known) ThrowInvalid("broker_config_overrides names no broker of the layout: " + key);
    }
    // Every key must be one the broker knows, with a value it can parse.
    for (const Node& n : nodes) {
      broker::BrokerConfiguration scratch;
      std::vector<std::string> unknown;
      Status st = scratch.Apply(BrokerProperties(n, "127.0.0.1:9876"), &unknown);
      if (!st.ok()) ThrowInvalid("broker config of " + Key(n) + ": " + st.ToString());
      if (!unknown.empty()) ThrowInvalid("unknown broker config key: " + unknown.front());
    }
    {
      namesrv::NamesrvConfig scratch = namesrv::NamesrvConfig::Defaults();
      std::vector<std::string> unknown;
      scratch.Apply(NamesrvProperties(), &unknown);
      if (!unknown.empty()) ThrowInvalid("unknown NameServer config key: " + unknown.front());
    }
  }

  int Slaves(const std::string& group) const {
    auto it = options.slaves_for.find(group);
    return it != options.slaves_for.end() ? it->second : options.slaves_per_master;
  }

  std::string Address(int port) const { return options.host + ":" + std::to_string(port); }

  static std::string Key(const Node& n) { return n.name + "/" + std::to_string(n.id); }

  Properties NamesrvProperties() const {
    Properties p;
    for (const auto& [k, v] : options.namesrv_config) p.Set(k, v);
    return p;
  }

  std::string Role(const Node& n) const {
    if (n.id > 0) return "SLAVE";
    if (Slaves(n.name) > 0 && options.replication == ReplicationMode::kSync) {
      return "SYNC_MASTER";
    }
    return "ASYNC_MASTER";
  }

  Properties BrokerProperties(const Node& n, const std::string& namesrv_addr) const {
    Properties p;
    p.Set("brokerClusterName", options.cluster_name);
    p.Set("brokerName", n.name);
    p.Set("brokerId", std::to_string(n.id));
    p.Set("brokerRole", Role(n));
    p.Set("flushDiskType",
          options.flush == FlushDiskType::kSyncFlush ? "SYNC_FLUSH" : "ASYNC_FLUSH");
    p.Set("brokerIP1", options.host);
    p.Set("brokerIP2", options.host);
    p.Set("listenPort", std::to_string(n.port));
    p.Set("haListenPort", std::to_string(n.ha_port));
    p.Set("namesrvAddr", namesrv_addr);
    p.Set("storePathRootDir", n.store_dir);
    p.Set("rocketmqHome", n.home_dir);
    p.Set("autoCreateTopicEnable", options.auto_create_topics ? "true" : "false");
    p.Set("autoCreateSubscriptionGroup", options.auto_create_groups ? "true" : "false");
    p.Set("aclEnable", options.acl_enable ? "true" : "false");
    for (const auto& [k, v] : options.broker_config) p.Set(k, v);
    for (const std::string& key : {n.name, Key(n)}) {
      auto it = options.broker_config_overrides.find(key);
      if (it == options.broker_config_overrides.end()) continue;
      for (const auto& [k, v] : it->second) p.Set(k, v);
    }
    return p;
  }

  void PrepareDir() {
    if (!dir.empty()) return;
    std::error_code ec;
    if (options.dir.empty()) {
      const char* base = std::getenv("TMPDIR");
      std::string tmpl = std::string(base != nullptr && *base != '\0' ? base : "/tmp") +
                         "/rocketmq_embedded_XXXXXX";
      if (mkdtemp(tmpl.data()) == nullptr) {
        ThrowStatus("cannot make a temporary directory", Status::IOError(tmpl));
      }
      dir = tmpl;
      own_dir = true;
    } else {
      if (std::filesystem::exists(options.dir, ec) &&
          !std::filesystem::is_empty(options.dir, ec)) {
        ThrowInvalid("dir " + options.dir + " is not empty");
      }
      std::filesystem::create_directories(options.dir, ec);
      if (ec) ThrowStatus("cannot create " + options.dir, Status::IOError(ec.message()));
      dir = options.dir;
    }
    for (Node& n : nodes) {
      n.home_dir = dir + "/" + n.name + "-" + std::to_string(n.id);
      n.store_dir = n.home_dir + "/store";
      std::filesystem::create_directories(n.home_dir + "/conf", ec);
      if (ec) ThrowStatus("cannot create " + n.home_dir, Status::IOError(ec.message()));
      if (options.acl_enable) {
        std::ofstream out(n.home_dir + "/conf/plain_acl.yml", std::ios::trunc);
        out << options.plain_acl_yml;
        if (!out) ThrowStatus("cannot write plain_acl.yml", Status::IOError(n.home_dir));
      }
    }
  }

  void StartNamesrv() {
    if (namesrv) return;
    namesrv::NamesrvConfig config = namesrv::NamesrvConfig::Defaults();
    config.rocketmq_home = dir + "/namesrv";
    config.kv_config_path = dir + "/namesrv/kvConfig.json";
    config.config_store_path = dir + "/namesrv/namesrv.properties";
    config.Apply(NamesrvProperties(), nullptr);
    config.listen_address = options.host;
    config.listen_port = namesrv_port;
    namesrv::NamesrvControllerOptions opts;
    opts.tls_mode = ToServerTls(options.namesrv_tls);
    auto controller = std::make_unique<namesrv::NamesrvController>(config, Properties(), opts);
    Status st = controller->Start();
    if (!st.ok() && namesrv_port != 0) {  // the old port was taken meanwhile: take a new one
      config.listen_port = 0;
      controller = std::make_unique<namesrv::NamesrvController>(config, Properties(), opts);
      st = controller->Start();
    }
    if (!st.ok()) ThrowStatus("NameServer did not start", st);
    namesrv_port = controller->port();
    namesrv = std::move(controller);
  }

  Node& Find(const std::string& name, int id) {
    for (Node& n : nodes) {
      if (n.name == name && n.id == id) return n;
    }
    ThrowInvalid("no broker " + name + "/" + std::to_string(id) + " in this cluster");
  }
  const Node& Find(const std::string& name, int id) const {
    return const_cast<Impl*>(this)->Find(name, id);
  }
  Node& FindRunning(const std::string& name, int id) {
    Node& n = Find(name, id);
    if (!n.controller) ThrowInvalid("broker " + Key(n) + " is not running");
    return n;
  }

  std::unique_ptr<broker::BrokerController> NewController(const Node& n) const {
    auto config = std::make_shared<broker::BrokerConfiguration>();
    Status st = config->Apply(BrokerProperties(n, Address(namesrv_port)), nullptr);
    if (!st.ok()) ThrowStatus("broker config of " + Key(n), st);
    // UPDATE_BROKER_CONFIG persists here, not under $HOME.
    config->SetConfigFilePath(n.home_dir + "/broker.properties");
    broker::BrokerControllerOptions opts;
    opts.hold_check_interval_ms = options.long_polling_check.count();
    opts.tls_mode = ToServerTls(options.broker_tls);
    opts.slave_sync_delay_ms = options.slave_sync_delay.count();
    opts.slave_sync_interval_ms = options.slave_sync_interval.count();
    return std::make_unique<broker::BrokerController>(config, opts);
  }

  void StartNode(Node& n) {
    if (n.controller) return;
    auto controller = NewController(n);
    Status st = controller->Start();
    if (!st.ok() && (n.port != 0 || n.ha_port != 0)) {
      // Its old ports were taken meanwhile: take new ones.
      n.port = 0;
      n.ha_port = 0;
      controller = NewController(n);
      st = controller->Start();
    }
    if (!st.ok()) ThrowStatus("broker " + Key(n) + " did not start", st);
    n.port = controller->port();
    n.ha_port = controller->broker_config().haListenPort;
    n.controller = std::move(controller);
  }

  bool Registered(const Node& n) const {
    if (!namesrv || !n.controller) return false;
    ClusterInfo info = namesrv->route_info_manager().GetAllClusterInfo();
    auto it = info.broker_addr_table.find(n.name);
    if (it == info.broker_addr_table.end()) return false;
    auto addr = it->second.broker_addrs.find(n.id);
    return addr != it->second.broker_addrs.end() && addr->second == Address(n.port);
  }

  void WaitRegistered(const Node& n) {
    if (!PollUntil(kRegistrationTimeout, [&] { return Registered(n); })) {
      throw MQClientException("embedded cluster: broker " + Key(n) + " at " + Address(n.port) +
                                  " did not show at the NameServer",
                              kCodeTimeout);
    }
  }

  void StartAll() {
    PrepareDir();
    StartNamesrv();
    for (Node& n : nodes) StartNode(n);  // each master before its slaves
    for (const Node& n : nodes) WaitRegistered(n);
  }

  void StopAll() {
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
      if (it->controller) it->controller->Shutdown();
      it->controller.reset();
    }
    if (namesrv) namesrv->Shutdown();
    namesrv.reset();
  }

  std::vector<Node*> TargetMasters(const std::vector<std::string>& brokers) {
    std::vector<Node*> out;
    if (brokers.empty()) {
      for (Node& n : nodes) {
        if (n.id == 0 && n.controller) out.push_back(&n);
      }
      if (out.empty()) ThrowInvalid("no master is running");
      return out;
    }
    for (const std::string& name : brokers) out.push_back(&FindRunning(name, 0));
    return out;
  }

  int RunningMasters() const {
    return static_cast<int>(std::count_if(nodes.begin(), nodes.end(), [](const Node& n) {
      return n.id == 0 && n.controller != nullptr;
    }));
  }

  int RouteBrokers(const std::string& topic) const {
    if (!namesrv) return 0;
    std::optional<TopicRouteData> route = namesrv->route_info_manager().PickupTopicRouteData(topic);
    if (!route) return 0;
    int n = 0;
    for (const QueueData& q : route->queue_datas) {
      const bool has_addr = std::any_of(
          route->broker_datas.begin(), route->broker_datas.end(),
          [&](const BrokerData& b) { return b.broker_name == q.broker_name && !b.broker_addrs.empty(); });
      if (has_addr) ++n;
    }
    return n;
  }
};

EmbeddedCluster::EmbeddedCluster(EmbeddedClusterOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
  if (!impl_->options.start) return;
  try {
    impl_->StartAll();
  } catch (...) {
    impl_->StopAll();
    if (impl_->own_dir && !impl_->options.keep_dir) {
      std::error_code ec;
      std::filesystem::remove_all(impl_->dir, ec);
    }
    throw;
  }
}

EmbeddedCluster::~EmbeddedCluster() {
  Stop();
  if (impl_->own_dir && !impl_->options.keep_dir) {
    std::error_code ec;
    std::filesystem::remove_all(impl_->dir, ec);
  }
}

void EmbeddedCluster::Start() { impl_->StartAll(); }

void EmbeddedCluster::Stop() { impl_->StopAll(); }

std::string EmbeddedCluster::NameServerAddress() const {
  if (impl_->namesrv_port == 0) ThrowInvalid("the NameServer was never started");
  return impl_->Address(impl_->namesrv_port);
}

std::string EmbeddedCluster::BrokerAddress(const std::string& name, int id) const {
  const Impl::Node& n = impl_->Find(name, id);
  if (n.port == 0) ThrowInvalid("broker " + Impl::Key(n) + " was never started");
  return impl_->Address(n.port);
}

std::vector<std::string> EmbeddedCluster::BrokerNames() const {
  std::vector<std::string> names;
  for (const auto& n : impl_->nodes) {
    if (n.id == 0) names.push_back(n.name);
  }
  return names;
}

std::vector<EmbeddedBrokerInfo> EmbeddedCluster::BrokerInfos() const {
  std::vector<EmbeddedBrokerInfo> out;
  for (const auto& n : impl_->nodes) {
    EmbeddedBrokerInfo info;
    info.name = n.name;
    info.id = n.id;
    info.address = n.port != 0 ? impl_->Address(n.port) : "";
    info.ha_address = n.ha_port != 0 ? impl_->Address(n.ha_port) : "";
    info.store_dir = n.store_dir;
    info.running = n.controller != nullptr;
    info.paused = n.controller && n.controller->paused();
    out.push_back(std::move(info));
  }
  return out;
}

const std::string& EmbeddedCluster::ClusterName() const { return impl_->options.cluster_name; }

std::string EmbeddedCluster::Dir() const { return impl_->dir; }

void EmbeddedCluster::KillBroker(const std::string& name, int id) {
  Impl::Node& n = impl_->FindRunning(name, id);
  n.controller->Kill();
  n.controller.reset();
}

void EmbeddedCluster::StopBroker(const std::string& name, int id) {
  Impl::Node& n = impl_->FindRunning(name, id);
  n.controller->Shutdown();
  n.controller.reset();
}

void EmbeddedCluster::RestartBroker(const std::string& name, int id) {
  Impl::Node& n = impl_->Find(name, id);
  if (!impl_->namesrv) ThrowInvalid("the cluster is stopped: call Start()");
  if (n.controller) {
    n.controller->Shutdown();
    n.controller.reset();
  }
  impl_->StartNode(n);
  impl_->WaitRegistered(n);
}

void EmbeddedCluster::PauseBroker(const std::string& name, int id) {
  impl_->FindRunning(name, id).controller->Pause();
}

void EmbeddedCluster::ResumeBroker(const std::string& name, int id) {
  impl_->FindRunning(name, id).controller->Resume();
}

bool EmbeddedCluster::WaitForRoute(const std::string& topic, std::chrono::milliseconds timeout,
                                   int min_brokers) {
  if (topic.empty()) ThrowInvalid("WaitForRoute: empty topic");
  if (!impl_->namesrv) ThrowInvalid("the cluster is stopped: call Start()");
  return PollUntil(timeout, [&] {
    const int want = min_brokers > 0 ? min_brokers : std::max(1, impl_->RunningMasters());
    return impl_->RouteBrokers(topic) >= want;
  });
}

void EmbeddedCluster::CreateTopic(const std::string& topic, int queues,
                                  const TopicOptions& options) {
  if (!ValidTopicOrGroupName(topic)) {
    ThrowInvalid("CreateTopic: '" + topic + "' is not a valid topic name ([%|a-zA-Z0-9_-]{1,127})");
  }
  if (queues < 1 || queues > 1024) ThrowInvalid("CreateTopic: queues must be 1..1024");
  std::vector<Impl::Node*> masters = impl_->TargetMasters(options.brokers);
  TopicConfig tc;
  tc.topic_name = topic;
  tc.read_queue_nums = queues;
  tc.write_queue_nums = queues;
  tc.perm = options.perm;
  tc.order = options.order;
  tc.topic_sys_flag = options.topic_sys_flag;
  // The change listener re-registers each master with the NameServer before this returns.
  for (Impl::Node* n : masters) n->controller->topic_config_manager().UpdateTopicConfig(tc);
  if (options.route_timeout.count() <= 0) return;
  if (!WaitForRoute(topic, options.route_timeout, static_cast<int>(masters.size()))) {
    throw MQClientException("embedded cluster: the route of topic " + topic +
                                " did not show at the NameServer",
                            kCodeTimeout);
  }
}

void EmbeddedCluster::CreateGroup(const std::string& group, const GroupOptions& options) {
  if (!ValidTopicOrGroupName(group)) {
    ThrowInvalid("CreateGroup: '" + group + "' is not a valid group name ([%|a-zA-Z0-9_-]{1,127})");
  }
  if (options.retry_queue_nums < 0) ThrowInvalid("CreateGroup: retry_queue_nums < 0");
  SubscriptionGroupConfig config;
  config.group_name = group;
  config.consume_enable = options.consume_enable;
  config.consume_broadcast_enable = options.consume_broadcast_enable;
  config.retry_queue_nums = options.retry_queue_nums;
  config.retry_max_times = options.retry_max_times;
  for (Impl::Node* n : impl_->TargetMasters(options.brokers)) {
    n->controller->subscription_group_manager().Update(config);
  }
}

namesrv::NamesrvController* EmbeddedClusterAccess::Namesrv(EmbeddedCluster& cluster) {
  return cluster.impl_->namesrv.get();
}

broker::BrokerController* EmbeddedClusterAccess::Broker(EmbeddedCluster& cluster,
                                                        const std::string& name, int id) {
  return cluster.impl_->Find(name, id).controller.get();
}

}  // namespace rocketmq::testing
