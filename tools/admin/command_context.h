// CommandContext: what a subcommand's Execute() gets besides its parsed command line: where to
// print, the NameServer address, and a way to start the admin client the way Java mqadmin does.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "rocketmq/admin.h"
#include "rocketmq/session_credentials.h"

namespace rocketmq::admin::tools {

struct CommandContext {
  CommandContext(std::ostream& out_stream, std::ostream& err_stream)
      : out(out_stream), err(err_stream) {}

  // Results (Java's System.out).
  std::ostream& out;
  // Diagnostics; mqadmin itself prints the one-line error when Execute throws.
  std::ostream& err;
  // --json was given (only reaches commands whose SupportsJson() is true): print one JSON
  // document on `out` instead of Java's text.
  bool json = false;
  // -n value, else $NAMESRV_ADDR, else "".
  std::string namesrv_addr;
  // $ROCKETMQ_HOME, else "".
  std::string rocketmq_home;
  // The canonical name of the running subcommand ("updateTopic").
  std::string command_name;

  // A started DefaultMQAdminExt on `namesrv_addr`, signing every request with the accessKey and
  // secretKey of $ROCKETMQ_HOME/conf/tools.yml when that file has both (Java
  // AclUtils.getAclRPCHook). Throws CommandError when `namesrv_addr` is empty ("no NameServer
  // address: pass -n host:port or set NAMESRV_ADDR"), MQClientException when start() fails.
  // The caller owns the admin; its destructor shuts it down.
  std::unique_ptr<DefaultMQAdminExt> StartAdmin() const;
};

// The ACL account of a tools.yml file (lines "accessKey: ..." and "secretKey: ...", optionally
// quoted). Invalid (isValid() false) when the file is missing or lacks either key.
SessionCredentials ReadToolsYml(const std::string& path);

}  // namespace rocketmq::admin::tools
