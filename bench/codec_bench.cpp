// codec_bench: CPU cost of one remoting frame's header codec, per operation, for the frames every
// send carries (a SEND_MESSAGE_V2 request and its response): JSON decode through the fast path
// and through the general jsoncpp decoder, ROCKETMQ binary decode, and encoding both ways.
// Single-threaded, so it measures instructions rather than the machine's load.
//
//   codec_bench [iterations]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "client/request_headers.h"
#include "common/response_code.h"
#include "remoting/json_header_fast.h"
#include "remoting/remoting_command.h"
#include "remoting/request_code.h"

namespace rocketmq::remoting {
namespace {

using Clock = std::chrono::steady_clock;

void Measure(const char* what, long iterations, const std::function<void()>& op) {
  for (long i = 0; i < iterations / 10; ++i) op();  // warm-up
  const auto t0 = Clock::now();
  for (long i = 0; i < iterations; ++i) op();
  const double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() /
                    static_cast<double>(iterations);
  std::printf("%-44s %8.0f ns/op\n", what, ns);
}

RemotingCommand SendRequest() {
  client::SendMessageRequestHeader h;
  h.producer_group = "benchmark_producer";
  h.topic = "BenchmarkTest";
  h.queue_id = 3;
  h.born_timestamp = 1765144210004;
  h.properties = std::string(
      "UNIQ_KEY\x01"
      "7F0000010F2A18B4AAC25E0C4E4D0000\x02WAIT\x01true\x02",
      51);
  h.broker_name = "broker-a";
  RemotingCommand cmd = RemotingCommand::CreateRequest(RequestCode::kSendMessageV2);
  h.EncodeV2(cmd);
  cmd.set_opaque(123456);
  cmd.set_body(std::string(128, 'x'));
  return cmd;
}

RemotingCommand SendResponse(const RemotingCommand& request) {
  RemotingCommand cmd = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  cmd.SetExtField("msgId", "7F00000100002A9F0000000000A3C1B2");
  cmd.SetExtField("queueId", "3");
  cmd.SetExtField("queueOffset", "1234567");
  cmd.SetExtField("transactionId", "7F0000010F2A18B4AAC25E0C4E4D0000");
  cmd.SetExtField("MSG_REGION", "DefaultRegion");
  cmd.SetExtField("TRACE_ON", "true");
  return cmd;
}

std::string Header(const RemotingCommand& cmd) { return cmd.EncodeHeader(); }

}  // namespace
}  // namespace rocketmq::remoting

int main(int argc, char** argv) {
  using namespace rocketmq::remoting;
  const long n = argc > 1 ? std::atol(argv[1]) : 200000;
  RemotingCommand request = SendRequest();
  RemotingCommand response = SendResponse(request);
  for (auto [name, cmd] :
       {std::pair<const char*, RemotingCommand*>{"SEND_MESSAGE_V2 request", &request},
        {"SEND_MESSAGE_V2 response", &response}}) {
    std::printf("%s (%zu-byte JSON header)\n", name, Header(*cmd).size());
    cmd->set_serialize_type(SerializeType::kJson);
    const std::string json_frame = cmd->Encode().substr(4);
    const std::string json_header = Header(*cmd);
    cmd->set_serialize_type(SerializeType::kRocketMQ);
    const std::string binary_frame = cmd->Encode().substr(4);
    cmd->set_serialize_type(SerializeType::kJson);
    Measure("  encode frame, JSON", n, [&] { (void)cmd->Encode(); });
    Measure("  decode frame, JSON (Decode: fast path)", n,
            [&] { (void)RemotingCommand::Decode(json_frame); });
    Measure("  decode header, JSON general (jsoncpp)", n,
            [&] { (void)DecodeJsonHeaderGeneral(json_header); });
    cmd->set_serialize_type(SerializeType::kRocketMQ);
    Measure("  encode frame, ROCKETMQ binary", n, [&] { (void)cmd->Encode(); });
    Measure("  decode frame, ROCKETMQ binary", n,
            [&] { (void)RemotingCommand::Decode(binary_frame); });
    cmd->set_serialize_type(SerializeType::kJson);
  }
  return 0;
}
