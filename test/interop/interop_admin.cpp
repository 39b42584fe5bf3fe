// interop_admin: the two admin steps the interop test needs and ali-ons cannot do.
//
//   interop_admin create-topic --broker <host:port> --topic <name> [--queues <n>]
//       Sends UPDATE_AND_CREATE_TOPIC (17) to the broker, as mqadmin updateTopic does: perm 6
//       (read + write), SINGLE_TAG filter, topicSysFlag 0, not ordered, defaultTopic TBW102.
//   interop_admin wait-route --namesrv <host:port> --topic <name> --broker <host:port>
//       Asks the NameServer GET_ROUTEINFO_BY_TOPIC (105) until the route names the broker address
//       (a broker registers a new topic with the NameServers after creating it, and again when it
//       boots), so the client under test finds the topic at its first lookup.
//   Common: [--timeout-ms <n>] bounds the whole command (default 30000);
//   [--access-key <ak> --secret-key <sk>] signs every request as that ACL account.
//
// Prints one line saying what happened; exits 0 on success, 1 on failure, 2 on bad usage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "common/response_code.h"
#include "remoting/acl_rpc_hook.h"
#include "remoting/remoting_client.h"
#include "remoting/remoting_command.h"
#include "remoting/request_code.h"

namespace {

using rocketmq::ResponseCode;
using rocketmq::remoting::RemotingClient;
using rocketmq::remoting::RemotingCommand;
using rocketmq::remoting::RequestCode;
using Clock = std::chrono::steady_clock;

constexpr int64_t kDefaultTimeoutMs = 30000;
constexpr int64_t kRetryPauseMs = 200;

void PrintUsage() {
  std::fprintf(stderr,
               "usage: interop_admin create-topic --broker <host:port> --topic <name> "
               "[--queues <n>] [--timeout-ms <n>] [--access-key <ak> --secret-key <sk>]\n"
               "       interop_admin wait-route --namesrv <host:port> --topic <name> "
               "--broker <host:port> [--timeout-ms <n>] [--access-key <ak> --secret-key <sk>]\n");
}

// "--key value" pairs after the subcommand; false on a dangling or malformed option.
bool ParseOptions(int argc, char** argv, std::map<std::string, std::string>* options) {
  for (int i = 2; i < argc; i += 2) {
    std::string key = argv[i];
    if (key.rfind("--", 0) != 0 || i + 1 >= argc) return false;
    (*options)[key.substr(2)] = argv[i + 1];
  }
  return true;
}

int64_t RemainingMs(Clock::time_point deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
}

// Retries until the broker answers (it may still be finishing its boot) or the deadline passes;
// a definite error answer fails at once.
int CreateTopic(RemotingClient& client, const std::string& broker, const std::string& topic,
                const std::string& queues, Clock::time_point deadline) {
  while (true) {
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUpdateAndCreateTopic);
    request.SetExtField("topic", topic);
    request.SetExtField("defaultTopic", "TBW102");
    request.SetExtField("readQueueNums", queues);
    request.SetExtField("writeQueueNums", queues);
    request.SetExtField("perm", "6");
    request.SetExtField("topicFilterType", "SINGLE_TAG");
    request.SetExtField("topicSysFlag", "0");
    request.SetExtField("order", "false");
    int64_t left = RemainingMs(deadline);
    if (left <= 0) break;
    auto response = client.InvokeSync(broker, std::move(request), left);
    if (response.ok()) {
      if (response->code() == ResponseCode::kSuccess) {
        std::printf("create-topic: %s created on %s with %s queues\n", topic.c_str(),
                    broker.c_str(), queues.c_str());
        return 0;
      }
      std::printf("create-topic: broker %s answered code %d remark '%s'\n", broker.c_str(),
                  response->code(), response->remark().value_or("").c_str());
      return 1;
    }
    std::printf("create-topic: %s (retrying)\n", response.status().ToString().c_str());
    std::this_thread::sleep_for(std::chrono::milliseconds(kRetryPauseMs));
  }
  std::printf("create-topic: no answer from %s before the deadline\n", broker.c_str());
  return 1;
}

int WaitRoute(RemotingClient& client, const std::string& namesrv, const std::string& topic,
              const std::string& broker, Clock::time_point deadline) {
  std::string last = "no answer";
  while (RemainingMs(deadline) > 0) {
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetRouteinfoByTopic);
    request.SetExtField("topic", topic);
    auto response = client.InvokeSync(namesrv, std::move(request), RemainingMs(deadline));
    if (!response.ok()) {
      last = response.status().ToString();
    } else if (response->code() != ResponseCode::kSuccess) {
      last = "code " + std::to_string(response->code()) + " " + response->remark().value_or("");
    } else if (response->body().find("\"" + broker + "\"") == std::string::npos) {
      last = "route without " + broker + ": " + response->body();
    } else {
      std::printf("wait-route: %s is routed to %s\n", topic.c_str(), broker.c_str());
      return 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kRetryPauseMs));
  }
  std::printf("wait-route: %s never routed to %s; last answer: %s\n", topic.c_str(), broker.c_str(),
              last.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> options;
  if (argc < 2 || !ParseOptions(argc, argv, &options)) {
    PrintUsage();
    return 2;
  }
  const std::string command = argv[1];
  const std::string topic = options["topic"];
  const std::string broker = options["broker"];
  if (topic.empty() || broker.empty()) {
    PrintUsage();
    return 2;
  }
  int64_t timeout_ms = kDefaultTimeoutMs;
  if (options.count("timeout-ms")) timeout_ms = std::atoll(options["timeout-ms"].c_str());
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);

  RemotingClient client;
  if (options.count("access-key") != options.count("secret-key")) {
    PrintUsage();
    return 2;
  }
  if (options.count("access-key")) {
    client.RegisterRpcHook(std::make_shared<rocketmq::remoting::AclRpcHook>(
        rocketmq::remoting::SessionCredentials{options["access-key"], options["secret-key"], ""}));
  }
  rocketmq::Status started = client.Start();
  if (!started.ok()) {
    std::printf("interop_admin: cannot start the remoting client: %s\n",
                started.ToString().c_str());
    return 1;
  }
  int rc = 2;
  if (command == "create-topic") {
    const std::string queues = options.count("queues") ? options["queues"] : "4";
    rc = CreateTopic(client, broker, topic, queues, deadline);
  } else if (command == "wait-route" && !options["namesrv"].empty()) {
    rc = WaitRoute(client, options["namesrv"], topic, broker, deadline);
  } else {
    PrintUsage();
  }
  std::fflush(stdout);
  client.Shutdown();
  return rc;
}
