// Message texts shared by the message subcommands: the detail block of queryMsgById /
// queryMsgByUniqueKey / queryMsgByOffset (Java QueryMsgByIdSubCommand.printMsg), Java's
// MessageExt.toString() of printMsg / printMsgByQueue / consumeMessage, the body file Java writes
// to /tmp/rocketmq/msgbodys, and the JSON forms of the same data.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "rocketmq/admin.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/mq_message_ext.h"
#include "tools/admin/command_context.h"

namespace rocketmq::admin::tools {

// Java's message properties map (a HashMap filled in the stored order, MIN/MAX_OFFSET of a pull
// last) as HashMap.toString(): "{KEYS=k, UNIQ_KEY=..., CLUSTER=c, TAGS=t}".
std::string JavaPropertiesToString(const MQMessageExt& msg);
// Java MessageExt.toString() of a message a client decoded ("MessageExt [brokerName=..., ...,
// toString()=Message{topic='..', flag=0, properties={..}, body=[99, 97], transactionId='null'}]").
std::string JavaMessageExtToString(const MQMessageExt& msg);

// Where the message body files go: $MQADMIN_MSGBODY_DIR when set (tests), else Java's
// hard-coded /tmp/rocketmq/msgbodys.
std::string MessageBodyDir();
// Writes the body to <MessageBodyDir()>/<msgId>[_<index> when index > 0] and returns that path.
// Throws CommandError when the file cannot be written.
std::string WriteMessageBodyFile(const MQMessageExt& msg, int index);

// The detail block: "%-20s %s" lines (OffsetID first when `with_offset_id`), the body file, then
// the message tracks ("\n\nWARN: No Consumer" or "\n\n" + the tracks back to back, no final
// newline), as Java prints them.
void PrintMessageDetail(CommandContext& ctx, DefaultMQAdminExt& admin, const MQMessageExt& msg,
                        bool with_offset_id, int index);
// The same data as one JSON object (tracks under "messageTracks").
void WriteMessageDetailJson(JsonWriter& w, DefaultMQAdminExt& admin, const MQMessageExt& msg,
                            bool with_offset_id, int index);
// A message as a JSON object (Java MessageExt field names; properties in Java's order; body as
// text when `with_body`).
void WriteMessageJson(JsonWriter& w, const MQMessageExt& msg, bool with_body);

// A started producer of `group` on ctx's NameServer, signing with tools.yml like StartAdmin(),
// named after the current time as Java's tools do. `unit_name` "" = none.
std::unique_ptr<DefaultMQProducer> StartToolProducer(const CommandContext& ctx,
                                                     const std::string& group,
                                                     const std::string& unit_name = "");
// The ids of a comma-separated list, trimmed, blanks dropped (StringUtils.split + trim).
std::vector<std::string> SplitIdList(const std::string& ids);
// ConsumeMessageDirectlyResult as a JSON object (Java field names).
void WriteDirectResultJson(JsonWriter& w, const ConsumeMessageDirectlyResult& r);
// Java MixAll.TOOLS_CONSUMER_GROUP: the group of the tools' pull consumers.
inline constexpr char kToolsConsumerGroup[] = "TOOLS_CONSUMER";
// Java PullStatus names: FOUND, NO_NEW_MSG, NO_MATCHED_MSG, OFFSET_ILLEGAL.
const char* PullStatusText(PullStatus status);
// `mqs` in the iteration order of the HashSet<MessageQueue> Java's pull consumer returns
// (MessageQueue.hashCode over brokerName, queueId, topic).
std::vector<MQMessageQueue> JavaMessageQueueSetOrder(const std::vector<MQMessageQueue>& mqs);
// Java MessageQueue.toString(): "MessageQueue [topic=T, brokerName=B, queueId=N]".
std::string JavaMessageQueueText(const MQMessageQueue& mq);
// The -b/-e/-s timestamps of printMsg & co (Java timestampFormat): a number of ms, else a
// "yyyy-MM-dd#HH:mm:ss:SSS" local time. CommandError when neither.
int64_t ParseToolTimestamp(const std::string& value);
// Current time in ms as text (the instance names of Java's tools).
std::string NowMillisText();

}  // namespace rocketmq::admin::tools
