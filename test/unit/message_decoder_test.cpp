// Stored-record and batch codecs (protocol.md §3.1, §3.4).
#include "common/message_decoder.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "common/byte_order.h"
#include "common/compression.h"
#include "common/crc32.h"
#include "common/message_const.h"
#include "common/message_id.h"

namespace rocketmq {
namespace {

SocketAddress Addr(const char* text) {
  auto addr = SocketAddress::Parse(text);
  EXPECT_TRUE(addr.ok()) << text;
  return addr.ok() ? *addr : SocketAddress();
}

MessageExt SampleMessage() {
  MessageExt msg;
  msg.set_topic("VecStoreTopic");
  msg.set_body("message 0 to VecStoreTopic");
  msg.set_flag(7);
  msg.set_queue_id(1);
  msg.set_queue_offset(4);
  msg.set_commit_log_offset(2205);
  msg.set_born_timestamp(1795306296858);
  msg.set_born_host(Addr("127.0.0.1:53174"));
  msg.set_store_timestamp(1795306296860);
  msg.set_store_host(Addr("127.0.0.1:20911"));
  msg.set_reconsume_times(3);
  msg.set_prepared_transaction_offset(0);
  msg.set_keys("STORE-KEY-0");
  msg.PutProperty(kPropertyUniqClientMessageIdKeyIdx,
                  "FD00000000000000000000000000000275D230946E096C2FC9000000");
  msg.PutProperty(kPropertyCluster, "DefaultCluster");
  msg.set_tags("TagA");
  msg.set_body_crc(RocketmqCrc32(msg.body()));
  return msg;
}

// What the decoder fills in beyond the encoded fields.
MessageExt Expected(MessageExt msg, size_t total) {
  msg.set_store_size(static_cast<int32_t>(total));
  std::string id = CreateOffsetMessageId(msg.store_host(), msg.commit_log_offset());
  msg.set_msg_id(id);
  msg.set_offset_msg_id(id);
  int32_t sys = msg.sys_flag() & ~(kSysFlagBornHostV6 | kSysFlagStoreHostV6);
  if (msg.born_host().is_ipv6()) sys |= kSysFlagBornHostV6;
  if (msg.store_host().is_ipv6()) sys |= kSysFlagStoreHostV6;
  msg.set_sys_flag(sys);
  return msg;
}

void ExpectRoundTrip(const MessageExt& msg, size_t expected_size, uint32_t expected_magic,
                     MessageVersion version = MessageVersion::kAuto) {
  auto encoded = EncodeStoredMessage(msg, version);
  ASSERT_TRUE(encoded.ok()) << encoded.status().ToString();
  ASSERT_EQ(encoded->size(), expected_size);
  EXPECT_EQ(DecodeFixed32BE(encoded->data()), expected_size);
  EXPECT_EQ(DecodeFixed32BE(encoded->data() + kMessageMagicCodePosition), expected_magic);
  size_t consumed = 0;
  auto decoded = DecodeStoredMessage(*encoded, &consumed);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(consumed, expected_size);
  EXPECT_EQ(*decoded, Expected(msg, expected_size));
  auto again = EncodeStoredMessage(*decoded, version);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *encoded);
}

TEST(MessageDecoderTest, V1RoundTripMatchesJavaLayout) {
  MessageExt msg = SampleMessage();
  // The layout of store-killed record 9: 245 bytes with these properties.
  ExpectRoundTrip(msg, 245, kMessageMagicCodeV1);
  auto encoded = EncodeStoredMessage(msg);
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(DecodeFixed32BE(encoded->data() + kMessageFlagPosition), 7u);
  EXPECT_EQ(DecodeFixed64BE(encoded->data() + kMessagePhysicOffsetPosition), 2205u);
  EXPECT_EQ(DecodeFixed64BE(encoded->data() + kMessageStoreTimestampPosition), 1795306296860u);
  EXPECT_EQ(StoredRecordSize(0, 26, 13, msg.properties().Encode().size(), false), 245u);
}

TEST(MessageDecoderTest, LongTopicUsesV2) {
  MessageExt msg = SampleMessage();
  msg.set_topic(std::string(200, 't'));
  ExpectRoundTrip(msg, 245 - 13 + 200 + 1, kMessageMagicCodeV2);
  msg.set_topic(std::string(127, 't'));
  ExpectRoundTrip(msg, 245 - 13 + 127, kMessageMagicCodeV1);
  // A short topic may be written as V2 on request (5.x with the version forced).
  msg.set_topic("short");
  ExpectRoundTrip(msg, 245 - 13 + 5 + 1, kMessageMagicCodeV2, MessageVersion::kV2);
}

TEST(MessageDecoderTest, V1RefusesLongTopic) {
  MessageExt msg = SampleMessage();
  msg.set_topic(std::string(128, 't'));
  EXPECT_TRUE(EncodeStoredMessage(msg, MessageVersion::kV1).status().IsInvalidArgument());
  msg.set_topic("");
  EXPECT_TRUE(EncodeStoredMessage(msg).status().IsInvalidArgument());
  msg.set_topic(std::string(32768, 't'));
  EXPECT_TRUE(EncodeStoredMessage(msg).status().IsInvalidArgument());
}

TEST(MessageDecoderTest, RefusesOversizedProperties) {
  MessageExt msg = SampleMessage();
  msg.PutProperty("big", std::string(32767, 'x'));
  std::string out = "keep";
  EXPECT_TRUE(AppendStoredMessage(msg, &out).IsInvalidArgument());
  EXPECT_EQ(out, "keep");
  EXPECT_TRUE(AppendBatchElement(msg, &out).IsInvalidArgument());
}

TEST(MessageDecoderTest, Ipv6Hosts) {
  MessageExt msg = SampleMessage();
  msg.set_born_host(Addr("[fd00::2]:53174"));
  ExpectRoundTrip(msg, 245 + 12, kMessageMagicCodeV1);
  msg.set_store_host(Addr("[2001:db8::1]:10911"));
  ExpectRoundTrip(msg, 245 + 24, kMessageMagicCodeV1);
  msg.set_born_host(Addr("10.1.2.3:1"));
  ExpectRoundTrip(msg, 245 + 12, kMessageMagicCodeV1);

  auto encoded = EncodeStoredMessage(msg);
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(DecodeFixed32BE(encoded->data() + kMessageSysFlagPosition),
            static_cast<uint32_t>(kSysFlagStoreHostV6));
  auto decoded = DecodeStoredMessage(*encoded);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->store_host().ToString(), "[2001:db8::1]:10911");
  EXPECT_EQ(decoded->offset_msg_id().size(), 56u);
  EXPECT_EQ(decoded->offset_msg_id(), CreateOffsetMessageId(decoded->store_host(), 2205));
}

TEST(MessageDecoderTest, StaleIpv6BitsFollowTheHosts) {
  MessageExt msg = SampleMessage();
  msg.set_sys_flag(kSysFlagBornHostV6 | kSysFlagStoreHostV6 | kSysFlagMultiTags);
  auto decoded = DecodeStoredMessage(EncodeStoredMessage(msg).value());
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->sys_flag(), kSysFlagMultiTags);
}

TEST(MessageDecoderTest, CompressedBody) {
  std::string plain;
  for (int i = 0; i < 320; ++i) plain += "0123456789abcdef";
  MessageExt msg = SampleMessage();
  msg.set_body(ZlibCompress(plain).value());
  msg.set_body_crc(RocketmqCrc32(msg.body()));
  msg.set_sys_flag(kSysFlagCompressed | kSysFlagCompressionZlib | kSysFlagMultiTags);
  ExpectRoundTrip(msg, 245 - 26 + msg.body().size(), kMessageMagicCodeV1);

  std::string record = EncodeStoredMessage(msg).value();
  MessageDecodeOptions options;
  options.decompress_body = true;
  auto decoded = DecodeStoredMessage(record, nullptr, options);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->body(), plain);
  EXPECT_EQ(decoded->sys_flag(), kSysFlagCompressionZlib | kSysFlagMultiTags);
  EXPECT_EQ(decoded->body_crc(), msg.body_crc());

  // 4.x producers without type bits: still ZLIB.
  msg.set_sys_flag(kSysFlagCompressed);
  decoded = DecodeStoredMessage(EncodeStoredMessage(msg).value(), nullptr, options);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->body(), plain);

  // Cap on the decompressed size.
  options.max_decompressed_size = plain.size() - 1;
  EXPECT_TRUE(DecodeStoredMessage(record, nullptr, options).status().IsCorruption());

  // LZ4 / ZSTD are not supported.
  options.max_decompressed_size = kDefaultMaxDecompressedSize;
  msg.set_sys_flag(kSysFlagCompressed | kSysFlagCompressionLz4);
  EXPECT_TRUE(DecodeStoredMessage(EncodeStoredMessage(msg).value(), nullptr, options)
                  .status()
                  .IsInvalidArgument());

  // A corrupt compressed body.
  msg.set_sys_flag(kSysFlagCompressed);
  msg.set_body("not zlib");
  EXPECT_TRUE(DecodeStoredMessage(EncodeStoredMessage(msg).value(), nullptr, options)
                  .status()
                  .IsCorruption());
}

TEST(MessageDecoderTest, SkipBody) {
  MessageDecodeOptions options;
  options.read_body = false;
  auto decoded =
      DecodeStoredMessage(EncodeStoredMessage(SampleMessage()).value(), nullptr, options);
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded->body().empty());
  EXPECT_EQ(decoded->tags(), "TagA");
}

TEST(MessageDecoderTest, EmptyBodyAndProperties) {
  MessageExt msg;
  msg.set_topic("T");
  ExpectRoundTrip(msg, 84 + 4 + 2 + 2, kMessageMagicCodeV1);
}

TEST(MessageDecoderTest, ConcatenatedRecords) {
  std::string buffer;
  std::vector<MessageExt> sent;
  for (int i = 0; i < 5; ++i) {
    MessageExt msg = SampleMessage();
    msg.set_body("body " + std::to_string(i));
    msg.set_commit_log_offset(static_cast<int64_t>(buffer.size()));
    if (i == 3) msg.set_topic(std::string(300, 'x'));
    if (i == 4) msg.set_born_host(Addr("[::1]:9"));
    ASSERT_TRUE(AppendStoredMessage(msg, &buffer).ok());
    sent.push_back(msg);
  }
  auto decoded = DecodeStoredMessages(buffer);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_EQ(decoded->size(), sent.size());
  for (size_t i = 0; i < sent.size(); ++i) {
    EXPECT_EQ((*decoded)[i].body(), sent[i].body());
    EXPECT_EQ((*decoded)[i].topic(), sent[i].topic());
    EXPECT_EQ((*decoded)[i].born_host(), sent[i].born_host());
    EXPECT_EQ((*decoded)[i].commit_log_offset(), sent[i].commit_log_offset());
  }
  EXPECT_TRUE(DecodeStoredMessages("").value().empty());

  // A cut in the last record fails the whole buffer, naming the offset.
  auto cut = DecodeStoredMessages(buffer.substr(0, buffer.size() - 1));
  ASSERT_TRUE(cut.status().IsCorruption());
  EXPECT_NE(cut.status().message().find("at byte "), std::string::npos);
}

TEST(MessageDecoderTest, EveryTruncationIsCorruption) {
  std::string record = EncodeStoredMessage(SampleMessage()).value();
  for (size_t n = 0; n < record.size(); ++n) {
    auto r = DecodeStoredMessage(std::string_view(record).substr(0, n));
    EXPECT_TRUE(r.status().IsCorruption()) << "prefix " << n;
    // Same prefix with a TOTALSIZE that claims exactly what is there.
    if (n >= 8) {
      std::string shortened = record.substr(0, n);
      EncodeFixed32BE(&shortened[0], static_cast<uint32_t>(n));
      EXPECT_TRUE(DecodeStoredMessage(shortened).status().IsCorruption()) << "lying size " << n;
    }
  }
}

TEST(MessageDecoderTest, LyingLengthsAreCorruption) {
  const std::string record = EncodeStoredMessage(SampleMessage()).value();
  const size_t body_len_pos = 84;
  const size_t topic_len_pos = body_len_pos + 4 + 26;
  const size_t props_len_pos = topic_len_pos + 1 + 13;
  auto patched = [&](size_t pos, const std::string& bytes) {
    std::string copy = record;
    copy.replace(pos, bytes.size(), bytes);
    return copy;
  };
  std::vector<std::pair<std::string, std::string>> cases = {
      {"TOTALSIZE larger than data", patched(0, std::string("\x00\x00\x01\x00", 4))},
      {"TOTALSIZE smaller than fields", patched(0, std::string("\x00\x00\x00\xF0", 4))},
      {"TOTALSIZE negative", patched(0, std::string("\xFF\xFF\xFF\xFF", 4))},
      {"TOTALSIZE zero", patched(0, std::string("\x00\x00\x00\x00", 4))},
      {"bad magic", patched(4, std::string("\x12\x34\x56\x78", 4))},
      {"blank magic", patched(4, std::string("\xCB\xD4\x31\x94", 4))},
      {"body length huge", patched(body_len_pos, std::string("\x7F\xFF\xFF\xFF", 4))},
      {"body length negative", patched(body_len_pos, std::string("\xFF\xFF\xFF\xF0", 4))},
      {"body length short", patched(body_len_pos, std::string("\x00\x00\x00\x19", 4))},
      {"topic length long", patched(topic_len_pos, std::string("\xFF", 1))},
      {"topic length short", patched(topic_len_pos, std::string("\x0C", 1))},
      {"properties length long", patched(props_len_pos, std::string("\x7F\xFF", 2))},
      {"properties length negative", patched(props_len_pos, std::string("\x80\x00", 2))},
      {"ipv6 flags on ipv4 record", patched(kMessageSysFlagPosition + 3, std::string("\x30", 1))},
  };
  for (const auto& [name, bytes] : cases) {
    EXPECT_TRUE(DecodeStoredMessage(bytes).status().IsCorruption()) << name;
    EXPECT_TRUE(DecodeStoredMessages(bytes).status().IsCorruption()) << name;
  }
  // V2 with a negative topic length.
  MessageExt msg = SampleMessage();
  msg.set_topic(std::string(200, 'x'));
  std::string v2 = EncodeStoredMessage(msg).value();
  v2[topic_len_pos] = '\x80';
  EXPECT_TRUE(DecodeStoredMessage(v2).status().IsCorruption());
}

TEST(MessageDecoderTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(7);
  const std::string record = EncodeStoredMessage(SampleMessage()).value();
  for (int round = 0; round < 3000; ++round) {
    std::string data = record + record;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; ++i) data[rng() % data.size()] = static_cast<char>(rng());
    data.resize(rng() % (data.size() + 1));
    MessageDecodeOptions options;
    options.decompress_body = (round % 2) == 0;
    auto r = DecodeStoredMessages(data, options);
    if (!r.ok()) {
      EXPECT_TRUE(r.status().IsCorruption() || r.status().IsInvalidArgument())
          << r.status().ToString();
    }
  }
}

// ---- Batches ----

std::vector<Message> SampleBatch() {
  std::vector<Message> msgs;
  for (int i = 1; i <= 3; ++i) {
    Message msg("VecTopic", "TagBatch", "KEY-B" + std::to_string(i),
                "batch message " + std::to_string(i));
    msg.set_flag(i);
    msgs.push_back(msg);
  }
  msgs.push_back(Message());  // empty body, no properties
  return msgs;
}

TEST(BatchCodecTest, RoundTrip) {
  std::vector<Message> msgs = SampleBatch();
  auto body = EncodeBatchMessages(msgs);
  ASSERT_TRUE(body.ok());
  // First element: 4*4 + 4 + 15 + 2 + len(properties).
  std::string props0 = msgs[0].properties().Encode();
  EXPECT_EQ(DecodeFixed32BE(body->data()), 4 * 4 + 4 + 15 + 2 + props0.size());
  EXPECT_EQ(DecodeFixed32BE(body->data() + 4), 0u);   // magic
  EXPECT_EQ(DecodeFixed32BE(body->data() + 8), 0u);   // body CRC
  EXPECT_EQ(DecodeFixed32BE(body->data() + 12), 1u);  // flag

  auto decoded = DecodeBatchMessages(*body);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_EQ(decoded->size(), msgs.size());
  for (size_t i = 0; i < msgs.size(); ++i) {
    Message expected = msgs[i];
    expected.set_topic("");  // not part of the element
    EXPECT_EQ((*decoded)[i], expected) << i;
  }
  EXPECT_EQ(EncodeBatchMessages(*decoded).value(), *body);

  auto views = SplitBatchBody(*body);
  ASSERT_TRUE(views.ok());
  ASSERT_EQ(views->size(), msgs.size());
  EXPECT_EQ((*views)[1].body, "batch message 2");
  EXPECT_EQ((*views)[1].properties, msgs[1].properties().Encode());
  EXPECT_EQ((*views)[1].flag, 2);
  EXPECT_TRUE(DecodeBatchMessages("").value().empty());
}

TEST(BatchCodecTest, MalformedIsCorruption) {
  const std::string body = EncodeBatchMessages(SampleBatch()).value();
  for (size_t n = 1; n < body.size(); ++n) {
    auto r = DecodeBatchMessages(std::string_view(body).substr(0, n));
    // Cutting exactly at an element boundary leaves a valid, shorter batch.
    if (r.ok()) {
      EXPECT_LT(r->size(), 4u);
      continue;
    }
    EXPECT_TRUE(r.status().IsCorruption()) << "prefix " << n;
  }
  std::string lying = body;
  EncodeFixed32BE(&lying[16], 0x7FFFFFFF);  // body length of element 0
  EXPECT_TRUE(DecodeBatchMessages(lying).status().IsCorruption());
  lying = body;
  EncodeFixed32BE(&lying[16], 0xFFFFFFFF);
  EXPECT_TRUE(DecodeBatchMessages(lying).status().IsCorruption());
  lying = body;
  EncodeFixed32BE(&lying[0], 3);
  EXPECT_TRUE(DecodeBatchMessages(lying).status().IsCorruption());
  lying = body;
  EncodeFixed32BE(&lying[0], DecodeFixed32BE(body.data()) + 1);
  EXPECT_TRUE(DecodeBatchMessages(lying).status().IsCorruption());
}

}  // namespace
}  // namespace rocketmq
