// The fast path of the JSON header decoder. Every RocketMQ client and server writes the same flat
// object: a handful of int fields, a language name, an optional remark and a map of string values
// (fastjson's output of RemotingCommand). Parsing that shape directly, without building a jsoncpp
// tree and scanning the text a second time for the member order, costs a fraction of the general
// decoder on every request and response.
//
// The fast path takes only what it can decode exactly as the general decoder (jsoncpp plus the
// order scanner in remoting_command.cpp) would: strict JSON, no duplicate top-level keys, int
// fields as integer literals or numeric strings within int32, extFields values that are strings,
// integer literals or booleans (no nulls), unknown top-level members with scalar values. On
// anything else it declines and the caller runs the general decoder, which also produces every
// error. A unit test checks that both give the same command on the vectors and on generated
// headers.
#pragma once

#include <string_view>

#include "common/status.h"
#include "remoting/remoting_command.h"

namespace rocketmq::remoting {

// Decodes `header` (the JSON header bytes) into *out and returns true, or returns false (leaving
// *out unspecified) when the header is outside the shape described above.
bool DecodeFlatJsonHeader(std::string_view header, RemotingCommand* out);

// The general decoder (jsoncpp), for any JSON header: what Decode() runs when the fast path
// declines. Exposed for the differential test.
Result<RemotingCommand> DecodeJsonHeaderGeneral(std::string_view header);

}  // namespace rocketmq::remoting
