// The body of the two header fuzz targets (json_header, binary_header): the input is a remoting
// header of the given serialize type, wrapped in a frame (header length = input size, a small
// body) and decoded. A header that decodes must re-encode in the same serialize type and decode to
// equal values (code, version, opaque, flag, remark, extFields), as a broker relaying it would need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/byte_order.h"
#include "fuzz/fuzz_check.h"
#include "remoting/remoting_command.h"

inline int FuzzHeaderRoundTrip(uint8_t serialize_type, const uint8_t* data, size_t size) {
  using rocketmq::remoting::RemotingCommand;
  if (size > (1u << 24) - 1) return 0;
  std::string frame(4, '\0');
  rocketmq::EncodeFixed32BE(frame.data(),
                            (uint32_t{serialize_type} << 24) | static_cast<uint32_t>(size));
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
