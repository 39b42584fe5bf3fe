// mqbroker: the bundled broker, started like Java's `mqbroker -c broker.conf [-n addr] [-p|-m]`.
//
//   -c, --configFile <file>    broker.conf (Java BrokerConfig / NettyServerConfig /
//                              MessageStoreConfig keys; unknown keys are warned about)
//   -n, --namesrvAddr <addr>   NameServer list "host:port;host:port" (overrides the file)
//   -p, --printConfigItem      print every config item and exit
//   -m, --printImportantConfig print the important config items (Java's @ImportantField) and exit
//   -h, --help                 usage
//
// Prints "The broker[<name>, <ip>:<port>] boot success. serializeType=JSON[ and name server is
// <addr>]" on stdout, once, when it serves. Logs go to stderr and <storePathRootDir>/logs/
// broker.log at INFO (ROCKETMQ_LOG_LEVEL changes the level). SIGTERM / SIGINT shut it down
// cleanly (unregister, flush, checkpoint, abort file removed; exit 0).
#include <signal.h>
#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/logging.h"
#include "common/properties.h"
#include "mockbroker/broker/broker_config.h"
#include "mockbroker/broker/broker_controller.h"
#include "server_args.h"

namespace {

// The keys Java 4.9.8 marks @ImportantField in BrokerConfig, NettyServerConfig, NettyClientConfig
// and MessageStoreConfig: what `mqbroker -m` prints.
bool IsImportantBrokerKey(const std::string& key) {
  static const char* const kImportant[] = {"namesrvAddr",
                                           "brokerIP1",
                                           "brokerIP2",
                                           "brokerName",
                                           "brokerClusterName",
                                           "brokerId",
                                           "brokerPermission",
                                           "autoCreateTopicEnable",
                                           "autoCreateSubscriptionGroup",
                                           "messageStorePlugIn",
                                           "msgTraceTopicName",
                                           "traceTopicEnable",
                                           "rejectTransactionMessage",
                                           "fetchNamesrvAddrByAddressServer",
                                           "sendThreadPoolQueueCapacity",
                                           "transactionTimeOut",
                                           "transactionCheckMax",
                                           "transactionCheckInterval",
                                           "aclEnable",
                                           "storePathRootDir",
                                           "storePathCommitLog",
                                           "storePathDLedgerCommitLog",
                                           "flushIntervalCommitLog",
                                           "commitIntervalCommitLog",
                                           "flushCommitLogTimed",
                                           "deleteWhen",
                                           "diskMaxUsedSpaceRatio",
                                           "fileReservedTime",
                                           "maxTransferBytesOnMessageInMemory",
                                           "maxTransferCountOnMessageInMemory",
                                           "maxTransferBytesOnMessageInDisk",
                                           "maxTransferCountOnMessageInDisk",
                                           "accessMessageInMemoryMaxRatio",
                                           "messageIndexEnable",
                                           "maxHashSlotNum",
                                           "messageIndexSafe",
                                           "haListenPort",
                                           "haMasterAddress",
                                           "haSlaveFallbehindMax",
                                           "brokerRole",
                                           "flushDiskType",
                                           "syncFlushTimeout",
                                           "cleanFileForciblyEnable",
                                           "warmMapedFileEnable",
                                           "transientStorePoolEnable",
                                           "transientStorePoolSize"};
  for (const char* k : kImportant) {
    if (key == k) return true;
  }
  return false;
}

void PrintUsage() {
  std::fprintf(stderr,
               "usage: mqbroker [-c <arg>] [-h] [-m] [-n <arg>] [-p]\n"
               " -c,--configFile <arg>       Broker config properties file\n"
               " -h,--help                   Print help\n"
               " -m,--printImportantConfig   Print important config item\n"
               " -n,--namesrvAddr <arg>      Name server address list, eg: "
               "'192.168.0.1:9876;192.168.0.2:9876'\n"
               " -p,--printConfigItem        Print all config items\n");
}

// stderr plus <root>/logs/broker.log.
class FileAndStderrSink {
 public:
  explicit FileAndStderrSink(const std::string& dir) {
    ::mkdir(dir.c_str(), 0755);
    file_ = std::fopen((dir + "/broker.log").c_str(), "a");
  }
  ~FileAndStderrSink() {
    if (file_ != nullptr) std::fclose(file_);
  }
  void Write(rocketmq::LogLevel /*level*/, const std::string& record) {
    std::lock_guard<std::mutex> lock(mu_);
    std::fprintf(stderr, "%s\n", record.c_str());
    if (file_ != nullptr) {
      std::fprintf(file_, "%s\n", record.c_str());
      std::fflush(file_);
    }
  }

 private:
  std::mutex mu_;
  std::FILE* file_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
  if (!rocketmq::tools::ApplyServerLogLevel()) return 1;
  rocketmq::tools::ServerArgs args;
  if (!rocketmq::tools::ParseServerArgs(argc, argv, &args, /*allow_important=*/true)) {
    PrintUsage();
    return 1;
  }
  if (args.help) {
    PrintUsage();
    return 0;
  }

  auto configuration = std::make_shared<rocketmq::broker::BrokerConfiguration>();
  rocketmq::Properties props;
  if (!args.config_file.empty()) {
    rocketmq::Result<rocketmq::Properties> loaded = rocketmq::Properties::Load(args.config_file);
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot read config file %s: %s\n", args.config_file.c_str(),
                   loaded.status().ToString().c_str());
      return 1;
    }
    props = std::move(*loaded);
    // UPDATE_BROKER_CONFIG writes every key back to this file, as Java does.
    configuration->SetConfigFilePath(args.config_file);
    std::printf("load config properties file OK, %s\n", args.config_file.c_str());
    std::fflush(stdout);
  }
  if (args.namesrv_set) props.Set("namesrvAddr", args.namesrv);
  std::vector<std::string> unknown;
  rocketmq::Status st = configuration->Apply(props, &unknown);
  if (!st.ok()) {
    std::fprintf(stderr, "bad configuration: %s\n", st.ToString().c_str());
    return 1;
  }
  for (const auto& key : unknown) RMQ_LOG(kWarn) << "unknown config key ignored: " << key;
  if (args.print_config) {
    std::fputs(configuration->AllConfigs().ToText().c_str(), stdout);
    std::fflush(stdout);
    return 0;
  }
  if (args.print_important_config) {
    const rocketmq::Properties all = configuration->AllConfigs();
    for (const auto& [key, value] : all.entries()) {
      if (IsImportantBrokerKey(key)) std::printf("%s=%s\n", key.c_str(), value.c_str());
    }
    std::fflush(stdout);
    return 0;
  }

  const std::string root = configuration->store().RootDir();
  ::mkdir(root.c_str(), 0755);
  auto sink = std::make_shared<FileAndStderrSink>(root + "/logs");
  rocketmq::SetLogSink(
      [sink](rocketmq::LogLevel level, const std::string& record) { sink->Write(level, record); });

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  int exit_code = 0;
  {
    rocketmq::broker::BrokerController controller(configuration);
    st = controller.Start();
    if (!st.ok()) {
      std::fprintf(stderr, "The broker failed to start: %s\n", st.ToString().c_str());
      exit_code = 3;
    } else {
      std::printf("%s\n", controller.BootSuccessLine().c_str());
      std::fflush(stdout);
      int sig = 0;
      sigwait(&signals, &sig);
      RMQ_LOG(kInfo) << "received signal " << sig << ", shutting down";
      controller.Shutdown();
    }
  }
  rocketmq::SetLogSink(nullptr);
  return exit_code;
}
