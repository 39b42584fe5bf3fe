// mqnamesrv: the bundled NameServer, started like Java's `mqnamesrv [-c namesrv.conf] [-p]`.
//
//   -c, --configFile <file>     namesrv.conf (Java NamesrvConfig / NettyServerConfig keys)
//   -p, --printConfigItem       print every config item and exit
//   -n, --namesrvAddr <addr>    accepted for compatibility, unused
//   -h, --help                  usage
//
// Prints "The Name Server boot success. serializeType=JSON" on stdout, once, when it serves; logs
// to stderr at INFO (ROCKETMQ_LOG_LEVEL changes the level) and writes no log file. SIGTERM /
// SIGINT shut it down cleanly (exit 0).
#include <signal.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "common/logging.h"
#include "common/properties.h"
#include "mockbroker/namesrv/namesrv_config.h"
#include "mockbroker/namesrv/namesrv_controller.h"
#include "server_args.h"

namespace {

void PrintUsage() {
  std::fprintf(stderr,
               "usage: mqnamesrv [-c <configFile>] [-p] [-h] [-n <namesrvAddr>]\n"
               " -c,--configFile <arg>    Name server config properties file\n"
               " -h,--help                Print help\n"
               " -n,--namesrvAddr <arg>   Name server address list (unused)\n"
               " -p,--printConfigItem     Print all config items\n");
}

}  // namespace

int main(int argc, char** argv) {
  using rocketmq::namesrv::NamesrvConfig;
  if (!rocketmq::tools::ApplyServerLogLevel()) return 1;

  rocketmq::tools::ServerArgs args;
  if (!rocketmq::tools::ParseServerArgs(argc, argv, &args)) {
    PrintUsage();
    return 1;
  }
  if (args.help) {
    PrintUsage();
    return 0;
  }

  NamesrvConfig config = NamesrvConfig::Defaults();
  rocketmq::Properties extra;
  if (!args.config_file.empty()) {
    rocketmq::Result<rocketmq::Properties> props = rocketmq::Properties::Load(args.config_file);
    if (!props.ok()) {
      std::fprintf(stderr, "cannot read config file %s: %s\n", args.config_file.c_str(),
                   props.status().ToString().c_str());
      return 1;
    }
    // Like Java (NamesrvStartup registers the whole file), every key of the file that is not
    // one of Java's reported keys is still served back by GET_NAMESRV_CONFIG.
    std::vector<std::string> unreported;
    config.Apply(*props, &unreported);
    for (const auto& key : unreported) {
      if (!NamesrvConfig::IsKnownKey(key)) RMQ_LOG(kWarn) << "unknown config key ignored: " << key;
      extra.Set(key, *props->Find(key));
    }
    config.config_store_path = args.config_file;  // Java persists updates into the -c file
    std::printf("load config properties file OK, %s\n", args.config_file.c_str());
    std::fflush(stdout);
  }
  if (args.print_config) {
    std::fputs(config.ToProperties().ToText().c_str(), stdout);
    std::fflush(stdout);
    return 0;
  }

  // Block the shutdown signals in every thread; the main thread waits for them with sigwait.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  rocketmq::namesrv::NamesrvController controller(config, extra);
  rocketmq::Status st = controller.Start();
  if (!st.ok()) {
    std::fprintf(stderr, "The Name Server failed to start: %s\n", st.ToString().c_str());
    return 3;
  }
  std::printf("The Name Server boot success. serializeType=JSON\n");
  std::fflush(stdout);

  int sig = 0;
  sigwait(&signals, &sig);
  RMQ_LOG(kInfo) << "received signal " << sig << ", shutting down";
  controller.Shutdown();
  return 0;
}
