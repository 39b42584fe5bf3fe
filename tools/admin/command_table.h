// CommandTable: every mqadmin subcommand, in the order Java's MQAdminStartup.initCommand registers
// them (that is the order of the command list), plus `consumer` after `producer` (Java 4.9.8 has
// ConsumerSubCommand but does not register it).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {

class CommandTable {
 public:
  // All commands (see AllCommands()).
  CommandTable();
  // A table of exactly these commands (tests use it with fakes).
  explicit CommandTable(std::vector<std::unique_ptr<SubCommand>> commands);

  // The command whose name or alias equals `name` ignoring ASCII case (Java equalsIgnoreCase),
  // the first in table order; nullptr when none. The table keeps ownership.
  SubCommand* Find(std::string_view name) const;
  const std::vector<std::unique_ptr<SubCommand>>& commands() const { return commands_; }

 private:
  std::vector<std::unique_ptr<SubCommand>> commands_;
};

// A fresh instance of every command, in table order.
std::vector<std::unique_ptr<SubCommand>> AllCommands();

// One factory per command, defined in its tools/admin/commands/<package>/<name>.cpp file.
std::unique_ptr<SubCommand> NewUpdateTopicCommand();              // updateTopic
std::unique_ptr<SubCommand> NewDeleteTopicCommand();              // deleteTopic
std::unique_ptr<SubCommand> NewUpdateSubGroupCommand();           // updateSubGroup
std::unique_ptr<SubCommand> NewDeleteSubGroupCommand();           // deleteSubGroup
std::unique_ptr<SubCommand> NewUpdateBrokerConfigCommand();       // updateBrokerConfig
std::unique_ptr<SubCommand> NewUpdateTopicPermCommand();          // updateTopicPerm
std::unique_ptr<SubCommand> NewTopicRouteCommand();               // topicRoute
std::unique_ptr<SubCommand> NewTopicStatusCommand();              // topicStatus
std::unique_ptr<SubCommand> NewTopicClusterListCommand();         // topicClusterList
std::unique_ptr<SubCommand> NewBrokerStatusCommand();             // brokerStatus
std::unique_ptr<SubCommand> NewQueryMsgByIdCommand();             // queryMsgById
std::unique_ptr<SubCommand> NewQueryMsgByKeyCommand();            // queryMsgByKey
std::unique_ptr<SubCommand> NewQueryMsgByUniqueKeyCommand();      // queryMsgByUniqueKey
std::unique_ptr<SubCommand> NewQueryMsgByOffsetCommand();         // queryMsgByOffset
std::unique_ptr<SubCommand> NewQueryMsgTraceByIdCommand();        // queryMsgTraceById
std::unique_ptr<SubCommand> NewPrintMsgCommand();                 // printMsg
std::unique_ptr<SubCommand> NewPrintMsgByQueueCommand();          // printMsgByQueue
std::unique_ptr<SubCommand> NewSendMsgStatusCommand();            // sendMsgStatus
std::unique_ptr<SubCommand> NewBrokerConsumeStatsCommand();       // brokerConsumeStats
std::unique_ptr<SubCommand> NewProducerConnectionCommand();       // producerConnection
std::unique_ptr<SubCommand> NewConsumerConnectionCommand();       // consumerConnection
std::unique_ptr<SubCommand> NewConsumerProgressCommand();         // consumerProgress
std::unique_ptr<SubCommand> NewConsumerStatusCommand();           // consumerStatus
std::unique_ptr<SubCommand> NewCloneGroupOffsetCommand();         // cloneGroupOffset
std::unique_ptr<SubCommand> NewProducerCommand();                 // producer
std::unique_ptr<SubCommand> NewConsumerCommand();                 // consumer
std::unique_ptr<SubCommand> NewClusterListCommand();              // clusterList
std::unique_ptr<SubCommand> NewTopicListCommand();                // topicList
std::unique_ptr<SubCommand> NewUpdateKvConfigCommand();           // updateKvConfig
std::unique_ptr<SubCommand> NewDeleteKvConfigCommand();           // deleteKvConfig
std::unique_ptr<SubCommand> NewWipeWritePermCommand();            // wipeWritePerm
std::unique_ptr<SubCommand> NewAddWritePermCommand();             // addWritePerm
std::unique_ptr<SubCommand> NewResetOffsetByTimeCommand();        // resetOffsetByTime
std::unique_ptr<SubCommand> NewSkipAccumulatedMessageCommand();   // skipAccumulatedMessage
std::unique_ptr<SubCommand> NewUpdateOrderConfCommand();          // updateOrderConf
std::unique_ptr<SubCommand> NewCleanExpiredCQCommand();           // cleanExpiredCQ
std::unique_ptr<SubCommand> NewDeleteExpiredCommitLogCommand();   // deleteExpiredCommitLog
std::unique_ptr<SubCommand> NewCleanUnusedTopicCommand();         // cleanUnusedTopic
std::unique_ptr<SubCommand> NewStartMonitoringCommand();          // startMonitoring
std::unique_ptr<SubCommand> NewStatsAllCommand();                 // statsAll
std::unique_ptr<SubCommand> NewAllocateMQCommand();               // allocateMQ
std::unique_ptr<SubCommand> NewCheckMsgSendRTCommand();           // checkMsgSendRT
std::unique_ptr<SubCommand> NewClusterRTCommand();                // clusterRT
std::unique_ptr<SubCommand> NewGetNamesrvConfigCommand();         // getNamesrvConfig
std::unique_ptr<SubCommand> NewUpdateNamesrvConfigCommand();      // updateNamesrvConfig
std::unique_ptr<SubCommand> NewGetBrokerConfigCommand();          // getBrokerConfig
std::unique_ptr<SubCommand> NewGetConsumerConfigCommand();        // getConsumerConfig
std::unique_ptr<SubCommand> NewQueryCqCommand();                  // queryCq
std::unique_ptr<SubCommand> NewSendMessageCommand();              // sendMessage
std::unique_ptr<SubCommand> NewConsumeMessageCommand();           // consumeMessage
std::unique_ptr<SubCommand> NewUpdateAclConfigCommand();          // updateAclConfig
std::unique_ptr<SubCommand> NewDeleteAclConfigCommand();          // deleteAclConfig
std::unique_ptr<SubCommand> NewClusterAclConfigVersionCommand();  // clusterAclConfigVersion
std::unique_ptr<SubCommand> NewUpdateGlobalWhiteAddrCommand();    // updateGlobalWhiteAddr
std::unique_ptr<SubCommand> NewExportMetadataCommand();           // exportMetadata
std::unique_ptr<SubCommand> NewExportConfigsCommand();            // exportConfigs
std::unique_ptr<SubCommand> NewExportMetricsCommand();            // exportMetrics

}  // namespace rocketmq::admin::tools
