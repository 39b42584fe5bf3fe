#include "common/message_decoder.h"

#include "common/byte_order.h"
#include "common/message_const.h"
#include "common/message_id.h"

namespace rocketmq {

namespace {

// Size of the fields before BODYLENGTH with both hosts IPv4 (§3.1).
constexpr size_t kFixedPartSize = 84;
constexpr size_t kIpv6ExtraSize = 12;
// TOTALSIZE, MAGICCODE, BODYCRC, FLAG, BODYLENGTH, PROPERTIESLENGTH.
constexpr size_t kBatchElementOverhead = 4 + 4 + 4 + 4 + 4 + 2;

Status Truncated(const char* field) {
  return Status::Corruption(std::string("stored message truncated at ") + field);
}

bool ReadHost(ByteReader* reader, bool v6, SocketAddress* host) {
  std::string_view ip;
  int32_t port;
  if (!reader->GetBytes(v6 ? 16 : 4, &ip) || !reader->GetI32(&port)) return false;
  auto addr = SocketAddress::FromBytes(ip, port);
  if (!addr.ok()) return false;
  *host = *addr;
  return true;
}

void WriteHost(ByteWriter* writer, const SocketAddress& host) {
  writer->PutBytes(host.ip());
  writer->PutI32(host.port());
}

// Decompresses `body` per the compression type bits of `sys_flag`.
Result<std::string> Decompress(std::string_view body, int32_t sys_flag,
                               const MessageDecodeOptions& options) {
  int32_t type = sys_flag & kSysFlagCompressionTypeMask;
  if (type != 0 && type != kSysFlagCompressionZlib) {
    return Status::InvalidArgument("unsupported compression type in sysFlag " +
                                   std::to_string(sys_flag));
  }
  return ZlibDecompress(body, options.max_decompressed_size);
}

}  // namespace

size_t StoredRecordSize(int32_t sys_flag, size_t body_len, size_t topic_len, size_t properties_len,
                        bool v2) {
  size_t size = kFixedPartSize + 4 + body_len + (v2 ? 2 : 1) + topic_len + 2 + properties_len;
  if (sys_flag & kSysFlagBornHostV6) size += kIpv6ExtraSize;
  if (sys_flag & kSysFlagStoreHostV6) size += kIpv6ExtraSize;
  return size;
}

Status AppendStoredMessage(const MessageExt& msg, std::string* out, MessageVersion version) {
  const std::string& topic = msg.topic();
  bool v2 = version == MessageVersion::kV2 ||
            (version == MessageVersion::kAuto && topic.size() > kMaxV1TopicLength);
  if (topic.empty()) return Status::InvalidArgument("message has no topic");
  if (topic.size() > (v2 ? size_t{32767} : kMaxV1TopicLength)) {
    return Status::InvalidArgument(
        "topic too long for the record version: " + std::to_string(topic.size()) + " bytes");
  }
  std::string properties = msg.properties().Encode();
  if (properties.size() > kMaxPropertiesLength) {
    return Status::InvalidArgument(
        "properties string too long: " + std::to_string(properties.size()) + " bytes");
  }
  int32_t sys_flag = msg.sys_flag() & ~(kSysFlagBornHostV6 | kSysFlagStoreHostV6);
  if (msg.born_host().is_ipv6()) sys_flag |= kSysFlagBornHostV6;
  if (msg.store_host().is_ipv6()) sys_flag |= kSysFlagStoreHostV6;
  size_t total = StoredRecordSize(sys_flag, msg.body().size(), topic.size(), properties.size(), v2);
  if (total > static_cast<size_t>(INT32_MAX)) {
    return Status::InvalidArgument("message too large: " + std::to_string(total) + " bytes");
  }

  out->reserve(out->size() + total);
  ByteWriter w(out);
  w.PutI32(static_cast<int32_t>(total));
  w.PutU32(v2 ? kMessageMagicCodeV2 : kMessageMagicCodeV1);
  w.PutI32(msg.body_crc());
  w.PutI32(msg.queue_id());
  w.PutI32(msg.flag());
  w.PutI64(msg.queue_offset());
  w.PutI64(msg.commit_log_offset());
  w.PutI32(sys_flag);
  w.PutI64(msg.born_timestamp());
  WriteHost(&w, msg.born_host());
  w.PutI64(msg.store_timestamp());
  WriteHost(&w, msg.store_host());
  w.PutI32(msg.reconsume_times());
  w.PutI64(msg.prepared_transaction_offset());
  w.PutI32(static_cast<int32_t>(msg.body().size()));
  w.PutBytes(msg.body());
  if (v2) {
    w.PutI16(static_cast<int16_t>(topic.size()));
  } else {
    w.PutU8(static_cast<uint8_t>(topic.size()));
  }
  w.PutBytes(topic);
  w.PutI16(static_cast<int16_t>(properties.size()));
  w.PutBytes(properties);
  return Status::OK();
}

Result<std::string> EncodeStoredMessage(const MessageExt& msg, MessageVersion version) {
  std::string out;
  ROCKETMQ_RETURN_IF_ERROR(AppendStoredMessage(msg, &out, version));
  return out;
}

Result<MessageExt> DecodeStoredMessage(std::string_view data, size_t* consumed,
                                       const MessageDecodeOptions& options) {
  if (data.size() < 8) return Truncated("TOTALSIZE/MAGICCODE");
  int32_t total_size = static_cast<int32_t>(DecodeFixed32BE(data.data()));
  uint32_t magic = DecodeFixed32BE(data.data() + kMessageMagicCodePosition);
  if (magic == kBlankMagicCode) {
    return Status::Corruption("blank record (end-of-file filler), not a message");
  }
  if (magic != kMessageMagicCodeV1 && magic != kMessageMagicCodeV2) {
    return Status::Corruption("bad message magic code " + std::to_string(magic));
  }
  const bool v2 = magic == kMessageMagicCodeV2;
  if (total_size < static_cast<int32_t>(StoredRecordSize(0, 0, 0, 0, v2))) {
    return Status::Corruption("message TOTALSIZE too small: " + std::to_string(total_size));
  }
  if (static_cast<size_t>(total_size) > data.size()) {
    return Status::Corruption("message TOTALSIZE " + std::to_string(total_size) + " exceeds the " +
                              std::to_string(data.size()) + " bytes available");
  }

  ByteReader r(data.substr(0, static_cast<size_t>(total_size)));
  r.Skip(8);
  MessageExt msg;
  msg.set_store_size(total_size);
  int32_t i32;
  int64_t i64;
  if (!r.GetI32(&i32)) return Truncated("BODYCRC");
  msg.set_body_crc(i32);
  if (!r.GetI32(&i32)) return Truncated("QUEUEID");
  msg.set_queue_id(i32);
  if (!r.GetI32(&i32)) return Truncated("FLAG");
  msg.set_flag(i32);
  if (!r.GetI64(&i64)) return Truncated("QUEUEOFFSET");
  msg.set_queue_offset(i64);
  if (!r.GetI64(&i64)) return Truncated("PHYSICALOFFSET");
  msg.set_commit_log_offset(i64);
  int32_t sys_flag;
  if (!r.GetI32(&sys_flag)) return Truncated("SYSFLAG");
  if (!r.GetI64(&i64)) return Truncated("BORNTIMESTAMP");
  msg.set_born_timestamp(i64);
  SocketAddress host;
  if (!ReadHost(&r, (sys_flag & kSysFlagBornHostV6) != 0, &host)) return Truncated("BORNHOST");
  msg.set_born_host(host);
  if (!r.GetI64(&i64)) return Truncated("STORETIMESTAMP");
  msg.set_store_timestamp(i64);
  if (!ReadHost(&r, (sys_flag & kSysFlagStoreHostV6) != 0, &host)) return Truncated("STOREHOST");
  msg.set_store_host(host);
  if (!r.GetI32(&i32)) return Truncated("RECONSUMETIMES");
  msg.set_reconsume_times(i32);
  if (!r.GetI64(&i64)) return Truncated("PREPARED TRANSACTION OFFSET");
  msg.set_prepared_transaction_offset(i64);

  int32_t body_len;
  std::string_view body;
  if (!r.GetI32(&body_len)) return Truncated("BODYLENGTH");
  if (body_len < 0) return Status::Corruption("negative body length " + std::to_string(body_len));
  if (!r.GetBytes(static_cast<size_t>(body_len), &body)) return Truncated("BODY");
  if (options.read_body) {
    if (options.decompress_body && (sys_flag & kSysFlagCompressed)) {
      auto plain = Decompress(body, sys_flag, options);
      if (!plain.ok()) return plain.status();
      msg.set_body(std::move(plain).value());
      sys_flag &= ~kSysFlagCompressed;
    } else {
      msg.set_body(std::string(body));
    }
  }
  msg.set_sys_flag(sys_flag);

  size_t topic_len;
  if (v2) {
    int16_t len16;
    if (!r.GetI16(&len16)) return Truncated("TOPICLENGTH");
    if (len16 < 0) return Status::Corruption("negative topic length " + std::to_string(len16));
    topic_len = static_cast<size_t>(len16);
  } else {
    uint8_t len8;
    if (!r.GetU8(&len8)) return Truncated("TOPICLENGTH");
    topic_len = len8;
  }
  std::string_view topic;
  if (!r.GetBytes(topic_len, &topic)) return Truncated("TOPIC");
  msg.set_topic(std::string(topic));

  int16_t props_len;
  std::string_view props;
  if (!r.GetI16(&props_len)) return Truncated("PROPERTIESLENGTH");
  if (props_len < 0) {
    return Status::Corruption("negative properties length " + std::to_string(props_len));
  }
  if (!r.GetBytes(static_cast<size_t>(props_len), &props)) return Truncated("PROPERTIES");
  msg.set_properties(MessageProperties::Decode(props));
  if (r.remaining() != 0) {
    return Status::Corruption("message fields end " + std::to_string(r.remaining()) +
                              " bytes before TOTALSIZE " + std::to_string(total_size));
  }

  std::string id = CreateOffsetMessageId(msg.store_host(), msg.commit_log_offset());
  msg.set_msg_id(id);
  msg.set_offset_msg_id(std::move(id));
  if (consumed != nullptr) *consumed = static_cast<size_t>(total_size);
  return msg;
}

Result<std::vector<MessageExt>> DecodeStoredMessages(std::string_view data,
                                                     const MessageDecodeOptions& options) {
  std::vector<MessageExt> msgs;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t consumed = 0;
    auto msg = DecodeStoredMessage(data.substr(pos), &consumed, options);
    if (!msg.ok()) {
      return Status(msg.status().code(), "at byte " + std::to_string(pos) + " of " +
                                             std::to_string(data.size()) + ": " +
                                             msg.status().message());
    }
    msgs.push_back(std::move(msg).value());
    pos += consumed;
  }
  return msgs;
}

Status AppendBatchElement(const Message& msg, std::string* out) {
  std::string properties = msg.properties().Encode();
  if (properties.size() > kMaxPropertiesLength) {
    return Status::InvalidArgument(
        "properties string too long: " + std::to_string(properties.size()) + " bytes");
  }
  size_t total = kBatchElementOverhead + msg.body().size() + properties.size();
  if (total > static_cast<size_t>(INT32_MAX)) {
    return Status::InvalidArgument("message too large: " + std::to_string(total) + " bytes");
  }
  ByteWriter w(out);
  w.PutI32(static_cast<int32_t>(total));
  w.PutI32(0);  // MAGICCODE: unused
  w.PutI32(0);  // BODYCRC: the broker computes it
  w.PutI32(msg.flag());
  w.PutI32(static_cast<int32_t>(msg.body().size()));
  w.PutBytes(msg.body());
  w.PutI16(static_cast<int16_t>(properties.size()));
  w.PutBytes(properties);
  return Status::OK();
}

Result<std::string> EncodeBatchMessages(const std::vector<Message>& msgs) {
  std::string out;
  for (const Message& msg : msgs) ROCKETMQ_RETURN_IF_ERROR(AppendBatchElement(msg, &out));
  return out;
}

Result<std::vector<BatchElementView>> SplitBatchBody(std::string_view body) {
  std::vector<BatchElementView> elements;
  size_t pos = 0;
  while (pos < body.size()) {
    auto fail = [&](const std::string& what) {
      return Status::Corruption("batch element at byte " + std::to_string(pos) + ": " + what);
    };
    ByteReader head(body.substr(pos));
    int32_t total_size;
    if (!head.GetI32(&total_size)) return fail("truncated TOTALSIZE");
    if (total_size < static_cast<int32_t>(kBatchElementOverhead) ||
        static_cast<size_t>(total_size) > body.size() - pos) {
      return fail("bad TOTALSIZE " + std::to_string(total_size));
    }
    ByteReader r(body.substr(pos, static_cast<size_t>(total_size)));
    r.Skip(12);  // TOTALSIZE, MAGICCODE, BODYCRC
    BatchElementView element;
    int32_t body_len;
    int16_t props_len;
    if (!r.GetI32(&element.flag) || !r.GetI32(&body_len)) return fail("truncated header");
    if (body_len < 0 || !r.GetBytes(static_cast<size_t>(body_len), &element.body)) {
      return fail("bad body length " + std::to_string(body_len));
    }
    if (!r.GetI16(&props_len) || props_len < 0 ||
        !r.GetBytes(static_cast<size_t>(props_len), &element.properties)) {
      return fail("bad properties length");
    }
    if (r.remaining() != 0) return fail("fields end before TOTALSIZE");
    elements.push_back(element);
    pos += static_cast<size_t>(total_size);
  }
  return elements;
}

Result<std::vector<Message>> DecodeBatchMessages(std::string_view body) {
  auto elements = SplitBatchBody(body);
  if (!elements.ok()) return elements.status();
  std::vector<Message> msgs;
  msgs.reserve(elements->size());
  for (const BatchElementView& element : *elements) {
    Message msg;
    msg.set_flag(element.flag);
    msg.set_body(std::string(element.body));
    msg.set_properties(MessageProperties::Decode(element.properties));
    msgs.push_back(std::move(msg));
  }
  return msgs;
}

}  // namespace rocketmq
