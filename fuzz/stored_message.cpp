// Fuzz target: the stored-message decoder (CommitLog records, PULL/QUERY bodies, HA transfers).
// The first byte picks the options (body read or skipped, ZLIB bodies inflated with a small cap);
// the rest is decoded as concatenated records and, separately, as one record. A record that
// decodes must encode back to a record that decodes to the same topic, body and properties.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/message_decoder.h"
#include "fuzz/fuzz_check.h"

using namespace rocketmq;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  MessageDecodeOptions options;
  options.read_body = (data[0] & 1) == 0;
  options.decompress_body = (data[0] & 2) != 0;
  options.max_decompressed_size = 1 << 16;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto all = DecodeStoredMessages(input, options);
  size_t consumed = 0;
  auto one = DecodeStoredMessage(input, &consumed, options);
  if (!one.ok()) return 0;
  FUZZ_CHECK(consumed <= input.size());
  FUZZ_CHECK(consumed == static_cast<size_t>(one->store_size()));
  if (!options.read_body || options.decompress_body) return 0;
  auto encoded = EncodeStoredMessage(*one, MessageVersion::kAuto);
  if (!encoded.ok()) return 0;  // e.g. a V2 topic too long for what it was read from
  auto again = DecodeStoredMessage(*encoded);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->topic() == one->topic());
  FUZZ_CHECK(again->body() == one->body());
  FUZZ_CHECK(again->queue_offset() == one->queue_offset());
  return 0;
}
