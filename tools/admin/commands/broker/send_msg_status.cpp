// sendMsgStatus: sends test messages to the topic named after a broker and prints each send result
// and time (Java org.apache.rocketmq.tools.command.broker.SendMsgStatusCommand).
#include <memory>
#include <string>

#include <chrono>

#include "rocketmq/default_mq_producer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/commands/message/message_printer.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class SendMsgStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "sendMsgStatus"; }
  std::string Description() const override { return "send msg to broker."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerName", true, "Broker Name", /*required=*/true);
    options.AddOption("s", "messageSize", true, "Message Size, Default: 128");
    options.AddOption("c", "count", true, "send message count, Default: 50");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string broker_name = JavaTrim(*line.GetOptionValue("b"));
    // Java parses -s and -c without trimming.
    const int size = line.HasOption("s") ? JavaParseInt(*line.GetOptionValue("s")) : 128;
    const int count = line.HasOption("c") ? JavaParseInt(*line.GetOptionValue("c")) : 50;
    if (ctx.namesrv_addr.empty()) {
      throw CommandError("no NameServer address: pass -n host:port or set NAMESRV_ADDR");
    }
    DefaultMQProducer producer("PID_SMSC");
    producer.setNamesrvAddr(ctx.namesrv_addr);
    producer.setInstanceName("PID_SMSC_" + NowMillisText());
    if (!ctx.rocketmq_home.empty()) {
      SessionCredentials credentials = ReadToolsYml(ctx.rocketmq_home + "/conf/tools.yml");
      if (credentials.isValid()) producer.setSessionCredentials(credentials);
    }
    producer.start();
    // The topic is the broker name: every broker serves a topic named after itself.
    auto build = [&broker_name](int message_size) {
      std::string body;
      for (int i = 0; i < message_size; i += 11) body += "hello jodie";
      return MQMessage(broker_name, body);
    };
    MQMessage warm_up = build(16);
    producer.send(warm_up);  // not timed: connection set-up
    for (int i = 0; i < count; ++i) {
      MQMessage msg = build(size);
      const auto begin = std::chrono::steady_clock::now();
      SendResult result = producer.send(msg);
      const auto rt = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - begin)
                          .count();
      ctx.out << "rt=" << rt << "ms, SendResult=" << result.toString() << "\n";
      ctx.out.flush();
    }
    producer.shutdown();
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewSendMsgStatusCommand() {
  return std::make_unique<SendMsgStatusCommand>();
}

}  // namespace rocketmq::admin::tools
