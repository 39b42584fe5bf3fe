#include "tools/admin/mqadmin_startup.h"

#include <cstdlib>
#include <optional>

#include "common/response_code.h"
#include "rocketmq/mq_exception.h"
#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/cli/posix_parser.h"
#include "tools/admin/command_error.h"
#include "tools/admin/format_util.h"

namespace rocketmq::admin::tools {
namespace {

constexpr const char* kJsonFlag = "--json";

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

void PrintCommandList(const CommandTable& table, std::ostream& out) {
  out << "The most commonly used mqadmin commands are:\n";
  for (const auto& command : table.commands()) {
    out << StrFormat("   %-20s %s\n", command->Name().c_str(), command->Description().c_str());
  }
  out << "\nSee 'mqadmin help <command>' for more information on a specific command.\n";
}

std::string Usage(const SubCommand& command, const cli::Options& options) {
  return cli::FormatHelp("mqadmin " + command.Name(), options);
}

std::string CodeText(int code) {
  return "CODE " + std::to_string(code) + " (" + ResponseCodeName(code) + ")";
}

int RunCommand(SubCommand& command, const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err) {
  std::vector<std::string> sub_args;
  bool json = false;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == kJsonFlag) {
      json = true;
    } else {
      sub_args.push_back(args[i]);
    }
  }

  const cli::Options options = CommandOptions(command);
  std::string parse_error;
  std::optional<cli::CommandLine> line = cli::Parse(options, sub_args, &parse_error);
  if (!line) {
    out << Usage(command, options);  // Java prints no reason, only the usage
    return 1;
  }
  if (line->HasOption("h")) {
    out << Usage(command, options);
    return 0;
  }
  const std::string prefix = "mqadmin " + command.Name() + ": ";
  if (json && !command.SupportsJson()) {
    err << prefix << "--json is not supported by this command\n";
    return 1;
  }

  CommandContext ctx{out, err};
  ctx.json = json;
  std::optional<std::string> namesrv = line->GetOptionValue("n");
  ctx.namesrv_addr = namesrv ? *namesrv : Env("NAMESRV_ADDR");
  ctx.rocketmq_home = Env("ROCKETMQ_HOME");
  ctx.command_name = command.Name();
  try {
    command.Execute(*line, ctx);
  } catch (const std::exception& e) {
    out.flush();
    err << prefix << DescribeFailure(e, ctx.namesrv_addr) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

cli::Options CommandOptions(const SubCommand& command) {
  cli::Options options;
  options.AddOption("h", "help", false, "Print help");
  options.AddOption("n", "namesrvAddr", true,
                    "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'");
  command.BuildOptions(options);
  return options;
}

namespace {

// Server remarks may span lines (Java's NameServer appends "\nSee http://...faq/..."): the
// failure is reported on one line.
std::string OnOneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string DescribeFailureText(const std::exception& e, const std::string& namesrv_addr);

}  // namespace

std::string DescribeFailure(const std::exception& e, const std::string& namesrv_addr) {
  return OnOneLine(DescribeFailureText(e, namesrv_addr));
}

namespace {

std::string DescribeFailureText(const std::exception& e, const std::string& namesrv_addr) {
  if (const auto* broker = dynamic_cast<const MQBrokerException*>(&e)) {
    std::string who =
        broker->getBrokerAddr().empty() ? "broker" : "broker " + broker->getBrokerAddr();
    return who + " answered " + CodeText(broker->getResponseCode()) + ": " +
           broker->getErrorMessage();
  }
  if (const auto* mq = dynamic_cast<const MQException*>(&e)) {
    const int code = mq->getResponseCode();
    if (code >= 0) {
      return "NameServer " + namesrv_addr + " answered " + CodeText(code) + ": " +
             mq->getErrorMessage();
    }
    std::string text = mq->getErrorMessage();
    if (code != -1) text += " (CODE " + std::to_string(code) + ")";
    return text;
  }
  return e.what();
}

}  // namespace

int MqadminMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandTable table;
  return MqadminMain(args, out, err, table);
}

int MqadminMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                const CommandTable& table) {
  if (args.empty()) {
    PrintCommandList(table, out);
    return 0;
  }
  // Java: exactly two arguments whose first is "help" (case-sensitive) show a usage; anything
  // else, "help" alone included, is looked up as a command name.
  if (args.size() == 2 && args[0] == "help") {
    const SubCommand* command = table.Find(args[1]);
    if (command != nullptr) {
      out << Usage(*command, CommandOptions(*command));
    } else {
      out << "The sub command " << args[1] << " not exist.\n";
    }
    return 0;
  }
  SubCommand* command = table.Find(args[0]);
  if (command == nullptr) {
    out << "The sub command " << args[0] << " not exist.\n";
    return 0;
  }
  return RunCommand(*command, args, out, err);
}

}  // namespace rocketmq::admin::tools
