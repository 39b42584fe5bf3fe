// EmbeddedCluster: a NameServer and any layout of brokers (N masters x M slaves), running inside
// the calling process on 127.0.0.1 ephemeral ports with their stores in a temporary directory,
// for an application's own tests. It runs the same NameServer and broker as mqnamesrv and
// mqbroker (a real durable store, replication, ACL, transactions, delayed messages), so clients
// talk to it exactly as to a deployed cluster: point them at NameServerAddress().
//
//   rocketmq::testing::EmbeddedCluster cluster;                    // 1 master, started
//   cluster.CreateTopic("OrderTopic", 4);                         // waits for the route
//   rocketmq::DefaultMQProducer producer("pg");
//   producer.setNamesrvAddr(cluster.NameServerAddress());
//
// Link RocketMQ::testing (CMake) or rocketmq-testing (pkg-config); it brings librocketmq.
//
// Failure injection, per broker: KillBroker (the in-process model of kill -9, see there),
// StopBroker (graceful shutdown), RestartBroker (same store, same port when it is still free),
// PauseBroker / ResumeBroker (connected but silent).
//
// Errors: the constructor and every method throw rocketmq::MQClientException on bad input (code
// -2001, e.g. an unknown broker.conf key or broker name) or when a server cannot start (the
// server's reason in the message); nothing is left running after a failed constructor.
//
// Threads: the servers run their own threads. The methods of one EmbeddedCluster are called from
// one thread at a time (the test's); they must not be called from a client callback.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rocketmq::testing {

// Java's flushDiskType: ASYNC_FLUSH acknowledges once written, SYNC_FLUSH once on disk.
enum class FlushDiskType { kAsyncFlush, kSyncFlush };
// A master's brokerRole when it has slaves: ASYNC_MASTER acknowledges at once, SYNC_MASTER once
// a slave holds the message. (Masters without slaves are ASYNC_MASTER unless broker_config
// says otherwise: a SYNC_MASTER without a slave answers every send SLAVE_NOT_AVAILABLE.)
enum class ReplicationMode { kAsync, kSync };
// Java's tls.server.mode: disabled (plain text only), permissive (TLS and plain text on the same
// port), enforcing (TLS only). The servers present a self-signed certificate made at start.
enum class TlsMode { kDisabled, kPermissive, kEnforcing };

// Everything about the cluster to start. A plain struct: set fields directly or chain the
// setters, e.g. EmbeddedClusterOptions().Masters(2).SlavesPerMaster(1).Replication(kSync).
struct EmbeddedClusterOptions {
  std::string cluster_name = "DefaultCluster";  // brokerClusterName
  // Broker groups are named "broker-a", "broker-b", ... ("broker-" + letter); brokerId 0 is the
  // master, 1..slaves_per_master its slaves.
  int masters = 1;
  int slaves_per_master = 0;
  // Per broker group, a slave count other than slaves_per_master ("broker-b" -> 0).
  std::map<std::string, int> slaves_for;
  FlushDiskType flush = FlushDiskType::kAsyncFlush;
  ReplicationMode replication = ReplicationMode::kAsync;
  // autoCreateTopicEnable / autoCreateSubscriptionGroup (Java's defaults: true).
  bool auto_create_topics = true;
  bool auto_create_groups = true;
  // ACL 1.0: aclEnable=true on every broker, and `plain_acl_yml` (the text of a Java
  // conf/plain_acl.yml; required when acl is on) written to `<broker dir>/conf/plain_acl.yml`, the
  // broker's rocketmqHome. CreateTopic/CreateGroup bypass ACL (they edit the brokers directly).
  bool acl_enable = false;
  std::string plain_acl_yml;
  // TLS mode of the brokers and of the NameServer.
  TlsMode broker_tls = TlsMode::kPermissive;
  TlsMode namesrv_tls = TlsMode::kPermissive;
  // Any broker.conf key=value, for every broker. Unknown keys are refused. The cluster owns
  // brokerClusterName, brokerName, brokerId, brokerRole, namesrvAddr, listenPort, haListenPort,
  // brokerIP1/2, storePathRootDir and rocketmqHome; setting them here overrides its choice
  // (storePathRootDir/rocketmqHome then must be unique per broker: prefer the defaults).
  std::map<std::string, std::string> broker_config;
  // The same, for one broker group ("broker-a": its master and slaves) or one broker
  // ("broker-a/1": the first slave of broker-a); applied after broker_config.
  std::map<std::string, std::map<std::string, std::string>> broker_config_overrides;
  // Any NameServer config key=value (namesrv.conf).
  std::map<std::string, std::string> namesrv_config;
  // Where the stores go: empty makes a fresh directory under $TMPDIR (or /tmp), removed by the
  // destructor unless keep_dir. A given directory must be empty or absent and is kept.
  std::string dir;
  bool keep_dir = false;
  // Test speed-ups, not broker.conf keys: how often a long-polling pull re-checks its queue
  // (Java 5 s) and how often a slave copies the master's topics/offsets/groups (Java 10 s; the
  // first copy after slave_sync_delay).
  std::chrono::milliseconds long_polling_check{5000};
  std::chrono::milliseconds slave_sync_interval{1000};
  std::chrono::milliseconds slave_sync_delay{100};
  // The loopback address the NameServer listens on and every broker announces (brokerIP1/2):
  // "127.0.0.1", or "::1" for an IPv6 cluster. Addresses are host + ":" + port either way
  // ("::1:10911", as Java's brokers write them; clients split at the last ':').
  std::string host = "127.0.0.1";
  // When false, the constructor does not start anything: call Start().
  bool start = true;

  EmbeddedClusterOptions& ClusterName(std::string name) {
    cluster_name = std::move(name);
    return *this;
  }
  EmbeddedClusterOptions& Masters(int n) {
    masters = n;
    return *this;
  }
  EmbeddedClusterOptions& SlavesPerMaster(int n) {
    slaves_per_master = n;
    return *this;
  }
  EmbeddedClusterOptions& SlavesFor(const std::string& broker, int n) {
    slaves_for[broker] = n;
    return *this;
  }
  EmbeddedClusterOptions& Flush(FlushDiskType type) {
    flush = type;
    return *this;
  }
  EmbeddedClusterOptions& Replication(ReplicationMode mode) {
    replication = mode;
    return *this;
  }
  EmbeddedClusterOptions& AutoCreateTopics(bool on) {
    auto_create_topics = on;
    return *this;
  }
  EmbeddedClusterOptions& AutoCreateGroups(bool on) {
    auto_create_groups = on;
    return *this;
  }
  EmbeddedClusterOptions& Acl(std::string yml) {
    acl_enable = true;
    plain_acl_yml = std::move(yml);
    return *this;
  }
  EmbeddedClusterOptions& BrokerTls(TlsMode mode) {
    broker_tls = mode;
    return *this;
  }
  EmbeddedClusterOptions& NamesrvTls(TlsMode mode) {
    namesrv_tls = mode;
    return *this;
  }
  EmbeddedClusterOptions& BrokerConfig(const std::string& key, std::string value) {
    broker_config[key] = std::move(value);
    return *this;
  }
  EmbeddedClusterOptions& BrokerConfigFor(const std::string& broker, const std::string& key,
                                          std::string value) {
    broker_config_overrides[broker][key] = std::move(value);
    return *this;
  }
  EmbeddedClusterOptions& NamesrvConfig(const std::string& key, std::string value) {
    namesrv_config[key] = std::move(value);
    return *this;
  }
  EmbeddedClusterOptions& Host(std::string address) {
    host = std::move(address);
    return *this;
  }
  EmbeddedClusterOptions& Dir(std::string path) {
    dir = std::move(path);
    return *this;
  }
  EmbeddedClusterOptions& KeepDir(bool keep) {
    keep_dir = keep;
    return *this;
  }
  EmbeddedClusterOptions& DeferStart() {
    start = false;
    return *this;
  }
};

// Topic settings for CreateTopic.
struct TopicOptions {
  int perm = 6;              // PERM_READ | PERM_WRITE
  bool order = false;        // ordered topic (orderConf at the NameServer is not written)
  int topic_sys_flag = 0;
  // Brokers (group names) to create it on; empty: every broker group.
  std::vector<std::string> brokers;
  // How long CreateTopic waits for the route to show all those brokers; zero: it does not wait.
  std::chrono::milliseconds route_timeout{10000};
};

// Subscription-group settings for CreateGroup (Java SubscriptionGroupConfig).
struct GroupOptions {
  bool consume_enable = true;
  bool consume_broadcast_enable = true;
  int retry_queue_nums = 1;
  int retry_max_times = 16;
  // Brokers (group names) to create it on; empty: every broker group.
  std::vector<std::string> brokers;
};

// One broker of the layout, as BrokerInfos() reports it.
struct EmbeddedBrokerInfo {
  std::string name;     // brokerName, "broker-a"
  int id = 0;           // brokerId: 0 master, >0 slave
  std::string address;  // "127.0.0.1:port" (the last bound one while stopped)
  std::string ha_address;  // "127.0.0.1:haPort", where its slaves connect
  std::string store_dir;   // storePathRootDir
  bool running = false;    // started and neither stopped nor killed
  bool paused = false;
};

class EmbeddedCluster {
 public:
  // Starts the cluster described by `options` (unless options.start is false) and waits until
  // the NameServer lists every broker. Throws MQClientException when the options are invalid or
  // a server cannot start.
  explicit EmbeddedCluster(EmbeddedClusterOptions options = EmbeddedClusterOptions());
  // Stop().
  ~EmbeddedCluster();
  EmbeddedCluster(const EmbeddedCluster&) = delete;
  EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;

  // Starts everything not running yet (after DeferStart(), or again after Stop(): the stores and
  // ports are reused). Throws as the constructor.
  void Start();
  // Stops every broker (slaves before their masters, gracefully) and then the NameServer.
  // Idempotent. The destructor calls it and then removes the temporary directory (unless
  // keep_dir, or the directory was given in options.dir).
  void Stop();

  // "127.0.0.1:port" of the NameServer: give it to setNamesrvAddr().
  std::string NameServerAddress() const;
  // "127.0.0.1:port" of broker `name` / `id` (0: the master). Throws for an unknown broker.
  std::string BrokerAddress(const std::string& name, int id = 0) const;
  // Broker group names, "broker-a", "broker-b", ...
  std::vector<std::string> BrokerNames() const;
  // Every broker of the layout, masters before their slaves.
  std::vector<EmbeddedBrokerInfo> BrokerInfos() const;
  const std::string& ClusterName() const;
  // The cluster's directory (the stores are under it).
  std::string Dir() const;

  // Crashes broker `name`/`id` as kill -9 would, within one process: its connections (clients',
  // slaves', the NameServer's) close at once, nothing more is answered, the NameServer drops it
  // from the routes when its connection closes (as after a real crash), and it is left on disk
  // as a killed broker is: the abort file stays (the next start recovers abnormally) and consumer
  // offsets committed since its last periodic flush (flushConsumerOffsetInterval, 5 s) are lost.
  // Messages it already stored are kept: a killed process's writes are in the page cache. Unlike
  // a real crash, its store files are flushed (only a power loss would tell the difference).
  void KillBroker(const std::string& name, int id = 0);
  // Shuts broker `name`/`id` down cleanly (unregisters, persists, flushes).
  void StopBroker(const std::string& name, int id = 0);
  // Starts broker `name`/`id` again on its store, on its previous port when that is still free
  // (else a new one: read BrokerAddress() again). A running broker is stopped cleanly first.
  // Waits until the NameServer lists it again.
  void RestartBroker(const std::string& name, int id = 0);
  // While paused, broker `name`/`id` accepts connections and reads requests but answers none:
  // clients time out (or fail over). Its own jobs go on (it stays registered at the NameServer).
  // Resume answers the waiting requests, late. Stopping or killing drops them unanswered.
  void PauseBroker(const std::string& name, int id = 0);
  void ResumeBroker(const std::string& name, int id = 0);

  // Waits until the NameServer's route for `topic` lists at least `min_brokers` broker groups
  // with queues (0: every group the cluster has running masters for). False on timeout.
  bool WaitForRoute(const std::string& topic,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10),
                    int min_brokers = 0);
  // Creates (or updates) `topic` with `queues` read and write queues on every broker group's
  // running master (or options.brokers), as mqadmin updateTopic -c does; their slaves copy it.
  // Then waits for its route (options.route_timeout) and throws if it does not show.
  void CreateTopic(const std::string& topic, int queues = 4,
                   const TopicOptions& options = TopicOptions());
  // Creates (or updates) subscription group `group` on every broker group's running master.
  void CreateGroup(const std::string& group, const GroupOptions& options = GroupOptions());

 private:
  friend struct EmbeddedClusterAccess;  // in-tree tests reach the servers through it
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rocketmq::testing
