// The three store-maintenance subcommands (cleanExpiredCQ, deleteExpiredCommitLog,
// cleanUnusedTopic) share Java's shape: with -b ask that broker, otherwise every broker of the
// -c cluster (or of every cluster), and print "success" without a newline. Each subcommand names
// the two admin calls it makes; this base runs them.
#pragma once

#include <memory>
#include <string>

#include "rocketmq/admin.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {

class StoreMaintenanceCommand : public SubCommand {
 protected:
  using ByAddr = bool (DefaultMQAdminExt::*)(const std::string& addr);
  using ByCluster = bool (DefaultMQAdminExt::*)(const std::string& cluster);

  StoreMaintenanceCommand(ByAddr by_addr, ByCluster by_cluster)
      : by_addr_(by_addr), by_cluster_(by_cluster) {}

 public:
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    bool result = false;
    std::string cluster;
    if (line.HasOption("b")) {
      result = ((*admin).*by_addr_)(JavaTrim(line.GetOptionValueOr("b", "")));
    } else {
      // No -c (or an empty one): every cluster the NameServer knows.
      cluster = JavaTrim(line.GetOptionValueOr("c", ""));
      result = ((*admin).*by_cluster_)(cluster);
    }
    // Java prints "false" when no broker was asked (unknown cluster); that is a failure here.
    if (!result) {
      throw CommandError("no broker in " +
                         (cluster.empty() ? std::string("any cluster") : "cluster " + cluster) +
                         ": " + kUnknownClusterHint);
    }
    ctx.out << "success";  // Java printf: no newline
  }

 private:
  const ByAddr by_addr_;
  const ByCluster by_cluster_;
};

}  // namespace rocketmq::admin::tools
