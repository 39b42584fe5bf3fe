// Fuzz target: the JSON remoting header decoder. The input is the header; it is wrapped in a
// frame (serialize type 0, header length = input size, a small body) and decoded. A header
// that decodes must re-encode in the same serialize type and decode to equal values (code,
// version, opaque, flag, remark, extFields), as a broker relaying it would need.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/byte_order.h"
#include "fuzz/fuzz_check.h"
#include "remoting/remoting_command.h"

using rocketmq::remoting::RemotingCommand;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 24) - 1) return 0;
  std::string frame;
  const uint32_t word = (uint32_t{0} << 24) | static_cast<uint32_t>(size);
  frame.push_back(static_cast<char>(word >> 24));
  frame.push_back(static_cast<char>(word >> 16));
  frame.push_back(static_cast<char>(word >> 8));
  frame.push_back(static_cast<char>(word));
  frame.append(reinterpret_cast<const char*>(data), size);
  frame.append("body");
  auto cmd = RemotingCommand::Decode(frame);
  if (!cmd.ok()) return 0;
  FUZZ_CHECK(cmd->body() == "body");
  const std::string again = cmd->Encode();
  auto round = RemotingCommand::Decode(std::string_view(again).substr(4));
  FUZZ_CHECK(round.ok());
  FUZZ_CHECK(round->serialize_type() == cmd->serialize_type());
  FUZZ_CHECK(round->code() == cmd->code());
  FUZZ_CHECK(round->version() == cmd->version());
  FUZZ_CHECK(round->opaque() == cmd->opaque());
  FUZZ_CHECK(round->flag() == cmd->flag());
  FUZZ_CHECK(round->remark() == cmd->remark());
  FUZZ_CHECK(round->ext_fields() == cmd->ext_fields());
  FUZZ_CHECK(round->body() == "body");
  return 0;
}
