// Binary message codecs (protocol.md §3.1, §3.4, Java MessageDecoder):
//  * the stored record: one CommitLog entry, also the element format of PULL_MESSAGE,
//    QUERY_MESSAGE and VIEW_MESSAGE_BY_ID response bodies, of CHECK_TRANSACTION_STATE request
//    bodies and of HA transfer bodies;
//  * the batch body of SEND_BATCH_MESSAGE.
// Decoders never read outside their input and report bad input as Corruption.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/compression.h"
#include "common/message.h"
#include "common/message_ext.h"
#include "common/status.h"

namespace rocketmq {

// Which record magic an encoder writes.
enum class MessageVersion {
  kAuto,  // V2 when the topic is longer than 127 bytes, otherwise V1 (5.x broker default)
  kV1,    // 1-byte topic length, magic 0xDAA320A7: the only form 4.x brokers read
  kV2,    // 2-byte topic length, magic 0xDAA320AB
};

struct MessageDecodeOptions {
  // False: skip the body (body() stays empty), as Java's decode(buf, readBody=false).
  bool read_body = true;
  // True: a body with kSysFlagCompressed is decompressed (ZLIB; compression type bits 0 or 0x300)
  // and kSysFlagCompressed is cleared in the result, so it re-encodes as an uncompressed
  // message. body_crc keeps the stored value (the CRC of the compressed bytes). Other compression
  // types (LZ4, ZSTD) fail with InvalidArgument.
  bool decompress_body = false;
  // Cap on a decompressed body (zip-bomb guard); exceeding it is Corruption.
  size_t max_decompressed_size = kDefaultMaxDecompressedSize;
};

// ---- Stored records ----

// TOTALSIZE of a record with these field sizes (Java CommitLog.calMsgLength). `sys_flag` selects
// the IPv4/IPv6 host sizes; `v2` the 2-byte topic length.
size_t StoredRecordSize(int32_t sys_flag, size_t body_len, size_t topic_len, size_t properties_len,
                        bool v2);

// Appends `msg` as one stored record to `out`. Every field is written as given in `msg` (body as
// is - compress it first if the compressed flag is set; body_crc as is), except:
// TOTALSIZE is computed (store_size() is ignored), the SYSFLAG IPv6 bits 0x10/0x20 follow the
// born/store host address families, and the properties are msg.properties().Encode().
// InvalidArgument (and `out` unchanged) when the topic is empty or too long for the version
// (127 bytes for V1, 32767 for V2) or the properties string exceeds 32767 bytes.
Status AppendStoredMessage(const MessageExt& msg, std::string* out,
                           MessageVersion version = MessageVersion::kAuto);

// AppendStoredMessage into a fresh string.
Result<std::string> EncodeStoredMessage(const MessageExt& msg,
                                        MessageVersion version = MessageVersion::kAuto);

// Decodes the record at the start of `data`; on success `*consumed` (if not null) is its
// TOTALSIZE. Fills every field; msg_id and offset_msg_id are the offset message id of store host
// and commit log offset. Corruption when: fewer bytes than TOTALSIZE, TOTALSIZE too small, a
// magic other than V1/V2 (including the BLANK end-of-file magic), a negative length, or fields
// that do not end exactly at TOTALSIZE.
Result<MessageExt> DecodeStoredMessage(std::string_view data, size_t* consumed = nullptr,
                                       const MessageDecodeOptions& options = {});

// Decodes a buffer of concatenated records (a PULL/QUERY response body). Empty input gives an
// empty list. Any bad record fails the whole call (the error says at which byte offset).
Result<std::vector<MessageExt>> DecodeStoredMessages(std::string_view data,
                                                     const MessageDecodeOptions& options = {});

// ---- SEND_BATCH_MESSAGE body (§3.4) ----

// Appends one batch element: TOTALSIZE, MAGICCODE 0, BODYCRC 0, FLAG, body, properties
// (Java MessageDecoder.encodeMessage). InvalidArgument when the properties exceed 32767 bytes.
Status AppendBatchElement(const Message& msg, std::string* out);

// The concatenated elements of `msgs` (Java MessageDecoder.encodeMessages). Topics are not
// encoded: the batch travels with its topic in the request header.
Result<std::string> EncodeBatchMessages(const std::vector<Message>& msgs);

// One batch element as raw views into the body (valid while the body lives).
struct BatchElementView {
  int32_t flag = 0;
  std::string_view body;
  std::string_view properties;  // the properties string exactly as sent
};

// Splits a batch body into its elements. Corruption on truncated input or lengths that do not
// add up to each element's TOTALSIZE.
Result<std::vector<BatchElementView>> SplitBatchBody(std::string_view body);

// Decodes a batch body into messages (flag, body, properties; topic left empty).
Result<std::vector<Message>> DecodeBatchMessages(std::string_view body);

}  // namespace rocketmq
