// checkMsgSendRT: sends test messages to a topic and prints the send time of each
// (Java org.apache.rocketmq.tools.command.message.CheckMsgSendRTCommand).
#include <memory>
#include <string>

#include <algorithm>
#include <chrono>
#include <vector>

#include "rocketmq/default_mq_producer.h"
#include "rocketmq/message_queue_selector.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/commands/message/message_printer.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class CheckMsgSendRTCommand final : public SubCommand {
 public:
  std::string Name() const override { return "checkMsgSendRT"; }
  std::string Description() const override { return "check message send response time"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("a", "amount", true, "message amount | default 100");
    options.AddOption("s", "size", true, "message size | default 128 Byte");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQProducer> producer = StartToolProducer(ctx, NowMillisText());
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const int64_t amount =
        line.HasOption("a") ? JavaParseLong(JavaTrim(*line.GetOptionValue("a"))) : 100;
    const int64_t size =
        line.HasOption("s") ? JavaParseLong(JavaTrim(*line.GetOptionValue("s"))) : 128;
    MQMessage msg(topic, std::string(static_cast<size_t>(std::max<int64_t>(0, size)), 'a'));
    ctx.out << StrFormat("%-32s  %-4s  %-20s    %s\n", "#Broker Name", "#QID", "#Send Result",
                         "#RT");
    // Java keeps the last selected queue across sends (also after a failure).
    RoundRobinSelector selector;
    int64_t elapsed = 0;
    for (int64_t i = 0; i < amount; ++i) {
      const auto start = std::chrono::steady_clock::now();
      bool ok = true;
      try {
        producer->send(msg, &selector, &i);
      } catch (const MQException&) {
        ok = false;
      }
      const int64_t rt = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - start)
                             .count();
      if (i != 0) elapsed += rt;
      ctx.out << StrFormat("%-32s  %-4s  %-20s    %lld\n", selector.broker_name.c_str(),
                           selector.queue_id.c_str(), ok ? "true" : "false",
                           static_cast<long long>(rt));
      ctx.out.flush();
    }
    const double avg = static_cast<double>(elapsed) / static_cast<double>(amount - 1);
    ctx.out << "Avg RT: " << JavaFixed(avg, 2) << "\n";
    producer->shutdown();
  }

 private:
  // Java's anonymous selector: queue i % n of the topic's queues; remembers its pick.
  struct RoundRobinSelector : MessageQueueSelector {
    std::string broker_name = "null";
    std::string queue_id = "null";
    MQMessageQueue select(const std::vector<MQMessageQueue>& mqs, const MQMessage& /*msg*/,
                          void* arg) override {
      const int64_t i = *static_cast<int64_t*>(arg);
      const MQMessageQueue& q = mqs[static_cast<size_t>(i % static_cast<int64_t>(mqs.size()))];
      broker_name = q.getBrokerName();
      queue_id = std::to_string(q.getQueueId());
      return q;
    }
  };
};

}  // namespace

std::unique_ptr<SubCommand> NewCheckMsgSendRTCommand() {
  return std::make_unique<CheckMsgSendRTCommand>();
}

}  // namespace rocketmq::admin::tools
