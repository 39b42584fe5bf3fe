#include "tools/admin/command_table.h"

#include <cctype>
#include <utility>

namespace rocketmq::admin::tools {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::unique_ptr<SubCommand>> AllCommands() {
  std::vector<std::unique_ptr<SubCommand>> commands;
  commands.push_back(NewUpdateTopicCommand());
  commands.push_back(NewDeleteTopicCommand());
  commands.push_back(NewUpdateSubGroupCommand());
  commands.push_back(NewDeleteSubGroupCommand());
  commands.push_back(NewUpdateBrokerConfigCommand());
  commands.push_back(NewUpdateTopicPermCommand());
  commands.push_back(NewTopicRouteCommand());
  commands.push_back(NewTopicStatusCommand());
  commands.push_back(NewTopicClusterListCommand());
  commands.push_back(NewBrokerStatusCommand());
  commands.push_back(NewQueryMsgByIdCommand());
  commands.push_back(NewQueryMsgByKeyCommand());
  commands.push_back(NewQueryMsgByUniqueKeyCommand());
  commands.push_back(NewQueryMsgByOffsetCommand());
  commands.push_back(NewQueryMsgTraceByIdCommand());
  commands.push_back(NewPrintMsgCommand());
  commands.push_back(NewPrintMsgByQueueCommand());
  commands.push_back(NewSendMsgStatusCommand());
  commands.push_back(NewBrokerConsumeStatsCommand());
  commands.push_back(NewProducerConnectionCommand());
  commands.push_back(NewConsumerConnectionCommand());
  commands.push_back(NewConsumerProgressCommand());
  commands.push_back(NewConsumerStatusCommand());
  commands.push_back(NewCloneGroupOffsetCommand());
  commands.push_back(NewProducerCommand());
  commands.push_back(NewConsumerCommand());
  commands.push_back(NewClusterListCommand());
  commands.push_back(NewTopicListCommand());
  commands.push_back(NewUpdateKvConfigCommand());
  commands.push_back(NewDeleteKvConfigCommand());
  commands.push_back(NewWipeWritePermCommand());
  commands.push_back(NewAddWritePermCommand());
  commands.push_back(NewResetOffsetByTimeCommand());
  commands.push_back(NewSkipAccumulatedMessageCommand());
  commands.push_back(NewUpdateOrderConfCommand());
  commands.push_back(NewCleanExpiredCQCommand());
  commands.push_back(NewDeleteExpiredCommitLogCommand());
  commands.push_back(NewCleanUnusedTopicCommand());
  commands.push_back(NewStartMonitoringCommand());
  commands.push_back(NewStatsAllCommand());
  commands.push_back(NewAllocateMQCommand());
  commands.push_back(NewCheckMsgSendRTCommand());
  commands.push_back(NewClusterRTCommand());
  commands.push_back(NewGetNamesrvConfigCommand());
  commands.push_back(NewUpdateNamesrvConfigCommand());
  commands.push_back(NewGetBrokerConfigCommand());
  commands.push_back(NewGetConsumerConfigCommand());
  commands.push_back(NewQueryCqCommand());
  commands.push_back(NewSendMessageCommand());
  commands.push_back(NewConsumeMessageCommand());
  commands.push_back(NewUpdateAclConfigCommand());
  commands.push_back(NewDeleteAclConfigCommand());
  commands.push_back(NewClusterAclConfigVersionCommand());
  commands.push_back(NewUpdateGlobalWhiteAddrCommand());
  commands.push_back(NewExportMetadataCommand());
  commands.push_back(NewExportConfigsCommand());
  commands.push_back(NewExportMetricsCommand());
  return commands;
}

CommandTable::CommandTable() : commands_(AllCommands()) {}

CommandTable::CommandTable(std::vector<std::unique_ptr<SubCommand>> commands)
    : commands_(std::move(commands)) {}

SubCommand* CommandTable::Find(std::string_view name) const {
  for (const auto& command : commands_) {
    const std::string alias = command->Alias();
    if (EqualsIgnoreCase(command->Name(), name) ||
        (!alias.empty() && EqualsIgnoreCase(alias, name))) {
      return command.get();
    }
  }
  return nullptr;
}

}  // namespace rocketmq::admin::tools
