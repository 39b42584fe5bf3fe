// Fuzz target: the remoting byte stream as a server reads it. The input is split into chunks at
// sizes taken from its own first bytes (frames arrive in arbitrary TCP segments), fed to a
// FrameDecoder with a small maximum frame length, and every complete frame goes through
// RemotingCommand::Decode. Properties: the decoder never yields more bytes than were fed, a
// decoded command re-encodes and decodes again to the same header values.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "remoting/remoting_command.h"

using rocketmq::remoting::FrameDecoder;
using rocketmq::remoting::RemotingCommand;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const size_t step = 1 + data[0] % 64;  // chunk size
  const uint32_t max_frame = 64 + 64u * data[1];
  std::string_view input(reinterpret_cast<const char*>(data) + 2, size - 2);

  FrameDecoder decoder(max_frame);
  size_t fed = 0;
  size_t yielded = 0;
  for (size_t pos = 0; pos < input.size(); pos += step) {
    std::string_view chunk = input.substr(pos, step);
    decoder.Feed(chunk);
    fed += chunk.size();
    std::string_view frame;
    while (decoder.NextView(&frame)) {
      yielded += 4 + frame.size();
      FUZZ_CHECK(yielded <= fed);
      FUZZ_CHECK(frame.size() + 4 <= max_frame);
      auto cmd = RemotingCommand::Decode(frame);
      if (!cmd.ok()) continue;
      const std::string again = cmd->Encode();
      auto round = RemotingCommand::Decode(std::string_view(again).substr(4));
      FUZZ_CHECK(round.ok());
      FUZZ_CHECK(round->code() == cmd->code());
      FUZZ_CHECK(round->opaque() == cmd->opaque());
      FUZZ_CHECK(round->flag() == cmd->flag());
      FUZZ_CHECK(round->body() == cmd->body());
    }
    if (!decoder.error().ok()) {
      FUZZ_CHECK(!decoder.NextView(&frame));
      break;
    }
  }
  return 0;
}
