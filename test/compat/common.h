// Shared by the programs of test/compat: written the way the official C++ client's example/
// programs are (its headers only, its option letters, `using namespace rocketmq`), but bounded:
// each program waits at most -w seconds and exits 0 only when every message arrived.
#ifndef ROCKETMQ_COMPAT_TEST_COMMON_H_
#define ROCKETMQ_COMPAT_TEST_COMMON_H_

#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <string>

#include "Arg_helper.h"
#include "DefaultMQProducer.h"
#include "DefaultMQPullConsumer.h"
#include "DefaultMQPushConsumer.h"

// As the official examples' common.h: they write vector, map and endl unqualified.
using namespace std;

struct CompatArgs {
  std::string namesrv;
  std::string namesrv_domain;
  std::string groupname;
  std::string topic;
  std::string body = "msgbody for test";
  int msg_count = 10;
  int wait_seconds = 60;
  int retrytimes = 5;
  bool select_unactive_broker = false;
};

// -n namesrv -i domain -g group -t topic -m count -c body -r retries -w wait seconds -u
inline bool ParseCompatArgs(int argc, char* argv[], CompatArgs* info) {
  rocketmq::Arg_helper args(argc, argv);
  info->namesrv = args.get_option_value("-n");
  info->namesrv_domain = args.get_option_value("-i");
  info->groupname = args.get_option_value("-g");
  info->topic = args.get_option_value("-t");
  if (!args.get_option_value("-c").empty()) info->body = args.get_option_value("-c");
  if (!args.get_option_value("-m").empty())
    info->msg_count = atoi(args.get_option_value("-m").c_str());
  if (!args.get_option_value("-r").empty())
    info->retrytimes = atoi(args.get_option_value("-r").c_str());
  if (!args.get_option_value("-w").empty()) {
    info->wait_seconds = atoi(args.get_option_value("-w").c_str());
  }
  info->select_unactive_broker = args.is_enable_option("-u");
  if (info->groupname.empty() || info->topic.empty() || info->namesrv.empty()) {
    std::cout << "usage: " << argv[0] << " -n namesrv -g group -t topic [-m count] [-w seconds]\n";
    return false;
  }
  return true;
}

inline std::chrono::steady_clock::time_point Deadline(const CompatArgs& info) {
  return std::chrono::steady_clock::now() + std::chrono::seconds(info.wait_seconds);
}

#endif  // ROCKETMQ_COMPAT_TEST_COMMON_H_
