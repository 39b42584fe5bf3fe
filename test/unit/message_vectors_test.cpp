// Message encodings inside the remoting frames captured from Java 4.9.8 (test/vectors):
// stored records in PULL/QUERY/VIEW responses, CHECK_TRANSACTION_STATE and HA transfers, batch
// bodies, compressed bodies, properties strings and message ids.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/compression.h"
#include "common/crc32.h"
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/message_id.h"
#include "common/message_properties.h"
#include "common/string_util.h"
#include "support/vectors.h"

namespace rocketmq {
namespace {

const std::vector<test::VectorFrame>& Frames() {
  static const std::vector<test::VectorFrame> frames = test::LoadAllFrames();
  return frames;
}

// Re-encodes decoded records back to back.
std::string Reencode(const std::vector<MessageExt>& msgs) {
  std::string out;
  for (const auto& msg : msgs) {
    Status st = AppendStoredMessage(msg, &out);
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  return out;
}

void ExpectSaneStoredMessage(const MessageExt& msg, const std::string& where) {
  EXPECT_FALSE(msg.topic().empty()) << where;
  EXPECT_EQ(RocketmqCrc32(msg.body()), msg.body_crc()) << where;
  EXPECT_EQ(msg.store_host().ToString(), "127.0.0.1:20911") << where;
  EXPECT_EQ(msg.offset_msg_id(), CreateOffsetMessageId(msg.store_host(), msg.commit_log_offset()));
  auto uniq = ParseUniqueId(msg.unique_key());
  ASSERT_TRUE(uniq.ok()) << where << ": " << uniq.status().ToString();
  EXPECT_EQ(uniq->IpToString(), "fd00::2") << where;
}

TEST(MessageVectorsTest, PullQueryAndViewResponseBodiesRoundTrip) {
  std::set<std::string> kinds = {"PULL_MESSAGE", "QUERY_MESSAGE", "VIEW_MESSAGE_BY_ID"};
  std::map<std::string, int> messages_per_kind;
  for (const auto& frame : Frames()) {
    if (frame.is_request || frame.code_name != "SUCCESS" ||
        kinds.count(frame.request_code_name) == 0) {
      continue;
    }
    ASSERT_FALSE(frame.body.empty()) << frame.Where();
    auto msgs = DecodeStoredMessages(frame.body);
    ASSERT_TRUE(msgs.ok()) << frame.Where() << ": " << msgs.status().ToString();
    ASSERT_FALSE(msgs->empty()) << frame.Where();
    EXPECT_EQ(test::HexEncode(Reencode(*msgs)), test::HexEncode(frame.body)) << frame.Where();
    for (const auto& msg : *msgs) ExpectSaneStoredMessage(msg, frame.Where());
    messages_per_kind[frame.request_code_name] += static_cast<int>(msgs->size());
  }
  EXPECT_GE(messages_per_kind["PULL_MESSAGE"], 10);
  EXPECT_EQ(messages_per_kind["QUERY_MESSAGE"], 1);
  EXPECT_EQ(messages_per_kind["VIEW_MESSAGE_BY_ID"], 1);
}

TEST(MessageVectorsTest, PulledRetryMessageCarriesRetryFields) {
  bool found = false;
  for (const auto& frame : Frames()) {
    if (frame.is_request || frame.request_code_name != "PULL_MESSAGE" ||
        frame.code_name != "SUCCESS") {
      continue;
    }
    auto msgs = DecodeStoredMessages(frame.body);
    ASSERT_TRUE(msgs.ok()) << frame.Where();
    for (const auto& msg : *msgs) {
      if (msg.topic() != "%RETRY%vec_consumer_group") continue;
      found = true;
      EXPECT_EQ(msg.reconsume_times(), 1) << frame.Where();
      EXPECT_EQ(msg.GetProperty(kPropertyRetryTopic), "VecConsumeTopic");
      EXPECT_EQ(msg.keys(), "RETRY-ME");
      EXPECT_FALSE(msg.wait_store_msg_ok());
    }
  }
  EXPECT_TRUE(found);
}

TEST(MessageVectorsTest, CheckTransactionStateBodyIsOneStoredRecord) {
  int checked = 0;
  for (const auto& frame : Frames()) {
    if (!frame.is_request || frame.code_name != "CHECK_TRANSACTION_STATE") continue;
    size_t consumed = 0;
    auto msg = DecodeStoredMessage(frame.body, &consumed);
    ASSERT_TRUE(msg.ok()) << frame.Where() << ": " << msg.status().ToString();
    EXPECT_EQ(consumed, frame.body.size());
    EXPECT_EQ(test::HexEncode(EncodeStoredMessage(*msg).value()), test::HexEncode(frame.body));
    ExpectSaneStoredMessage(*msg, frame.Where());
    EXPECT_TRUE(msg->transaction_prepared());
    EXPECT_EQ(msg->GetProperty(kPropertyProducerGroup), "vec_tx_group");
    EXPECT_EQ(msg->GetProperty(kPropertyRealTopic), "VecTxTopic");
    EXPECT_EQ(msg->keys(), "TX-UNKNOWN");
    ++checked;
  }
  EXPECT_GE(checked, 1);
}

TEST(MessageVectorsTest, PushReplyBodyIsThePlainBody) {
  int checked = 0;
  for (const auto& frame : Frames()) {
    if (!frame.is_request || frame.code_name != "PUSH_REPLY_MESSAGE_TO_CLIENT") continue;
    // Not a stored record: the reply body travels as is, its fields in the header.
    EXPECT_EQ(frame.body, "reply to ping") << frame.Where();
    EXPECT_TRUE(DecodeStoredMessage(frame.body).status().IsCorruption());
    ++checked;
  }
  EXPECT_EQ(checked, 1);
}

TEST(MessageVectorsTest, HaTransferBodiesAreCommitLogRecords) {
  int records = 0;
  for (const char* file : {"05-ha-stream.jsonl", "05b-ha-sync-send-stream.jsonl"}) {
    for (const Json::Value& rec : test::LoadJsonLines(file)) {
      if (rec["type"].asString() != "transfer") continue;
      std::string body = test::HexDecode(rec["body_hex"].asString());
      ASSERT_EQ(body.size(), rec["body_size"].asUInt64());
      auto msgs = DecodeStoredMessages(body);
      ASSERT_TRUE(msgs.ok()) << file << ": " << msgs.status().ToString();
      EXPECT_EQ(test::HexEncode(Reencode(*msgs)), rec["body_hex"].asString());
      ASSERT_EQ(msgs->size(), rec["messages"].size());
      int64_t expected_offset = rec["phy_offset"].asInt64();
      for (Json::ArrayIndex i = 0; i < rec["messages"].size(); ++i) {
        const Json::Value& want = rec["messages"][i];
        const MessageExt& got = (*msgs)[i];
        EXPECT_EQ(got.commit_log_offset(), expected_offset);
        EXPECT_EQ(got.commit_log_offset(), want["physicalOffset"].asInt64());
        EXPECT_EQ(got.store_size(), want["totalSize"].asInt());
        EXPECT_EQ(got.topic(), want["topic"].asString());
        EXPECT_EQ(got.queue_id(), want["queueId"].asInt());
        EXPECT_EQ(got.queue_offset(), want["queueOffset"].asInt64());
        EXPECT_EQ(got.body(), want["body_text"].asString());
        EXPECT_EQ(got.properties().size(), want["properties"].size());
        for (const std::string& key : want["properties"].getMemberNames()) {
          EXPECT_EQ(got.GetProperty(key), want["properties"][key].asString());
        }
        ExpectSaneStoredMessage(got, file);
        expected_offset += got.store_size();
        ++records;
      }
    }
  }
  EXPECT_EQ(records, 6);
}

TEST(MessageVectorsTest, SendBatchBodiesRoundTrip) {
  int batches = 0;
  for (const auto& frame : Frames()) {
    if (!frame.is_request || frame.code_name != "SEND_BATCH_MESSAGE") continue;
    EXPECT_EQ(frame.header["extFields"]["m"].asString(), "true");
    auto msgs = DecodeBatchMessages(frame.body);
    ASSERT_TRUE(msgs.ok()) << frame.Where() << ": " << msgs.status().ToString();
    ASSERT_EQ(msgs->size(), 3u);
    std::set<std::string> uniq_keys;
    for (size_t i = 0; i < msgs->size(); ++i) {
      const Message& msg = (*msgs)[i];
      std::string n = std::to_string(i + 1);
      EXPECT_EQ(msg.body(), "batch message " + n);
      EXPECT_EQ(msg.keys(), "KEY-B" + n);
      EXPECT_EQ(msg.tags(), "TagBatch");
      EXPECT_TRUE(msg.wait_store_msg_ok());
      EXPECT_EQ(msg.flag(), 0);
      ASSERT_TRUE(ParseUniqueId(msg.unique_key()).ok());
      uniq_keys.insert(msg.unique_key());
    }
    EXPECT_EQ(uniq_keys.size(), 3u);
    auto again = EncodeBatchMessages(*msgs);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(test::HexEncode(*again), test::HexEncode(frame.body)) << frame.Where();
    ++batches;
  }
  EXPECT_EQ(batches, 2);  // 02a (JSON headers) and 02e (ROCKETMQ headers)
}

TEST(MessageVectorsTest, BatchResponseIdsAreOffsetIds) {
  int checked = 0;
  for (const auto& frame : Frames()) {
    if (frame.is_request || frame.code_name != "SUCCESS" ||
        (frame.request_code_name != "SEND_BATCH_MESSAGE" &&
         frame.request_code_name != "SEND_MESSAGE_V2")) {
      continue;
    }
    std::string ids = frame.header["extFields"]["msgId"].asString();
    std::vector<std::string> parts = SplitSkipEmpty(ids, ',');
    EXPECT_EQ(parts.size(), frame.request_code_name == "SEND_BATCH_MESSAGE" ? 3u : 1u);
    for (const auto& id : parts) {
      auto decoded = DecodeOffsetMessageId(id);
      ASSERT_TRUE(decoded.ok()) << frame.Where() << ": " << id;
      EXPECT_EQ(CreateOffsetMessageId(decoded->address, decoded->offset), id);
      EXPECT_EQ(decoded->address.port(), 20911);
      ++checked;
    }
  }
  EXPECT_GE(checked, 15);
}

TEST(MessageVectorsTest, CompressedSendBodyInflatesToPattern) {
  std::string pattern;
  for (int i = 0; i < 320; ++i) pattern += "0123456789abcdef";
  int checked = 0;
  for (const auto& frame : Frames()) {
    if (!frame.is_request || frame.code_name != "SEND_MESSAGE_V2") continue;
    int sys_flag = std::stoi(frame.header["extFields"]["f"].asString());
    if ((sys_flag & kSysFlagCompressed) == 0) continue;
    EXPECT_EQ(sys_flag, 769) << frame.Where();
    EXPECT_EQ(sys_flag & kSysFlagCompressionTypeMask, kSysFlagCompressionZlib);
    auto plain = ZlibDecompress(frame.body);
    ASSERT_TRUE(plain.ok()) << frame.Where() << ": " << plain.status().ToString();
    EXPECT_EQ(*plain, pattern);
    // Our level-5 output is what Java sent.
    EXPECT_EQ(ZlibCompress(pattern).value(), frame.body);
    ++checked;
  }
  EXPECT_EQ(checked, 2);
}

TEST(MessageVectorsTest, HeaderPropertiesStringsRoundTrip) {
  int checked = 0;
  std::set<std::string> uniq_keys;
  for (const auto& frame : Frames()) {
    if (!frame.is_request) continue;
    const Json::Value& ext = frame.header["extFields"];
    for (const char* field : {"i", "properties"}) {
      if (!ext.isMember(field)) continue;
      if (frame.code_name != "SEND_MESSAGE_V2" && frame.code_name != "SEND_BATCH_MESSAGE" &&
          frame.code_name != "SEND_REPLY_MESSAGE_V2" && frame.code_name != "SEND_MESSAGE" &&
          frame.code_name != "PUSH_REPLY_MESSAGE_TO_CLIENT") {
        continue;
      }
      std::string text = ext[field].asString();
      MessageProperties props = MessageProperties::Decode(text);
      EXPECT_FALSE(props.empty()) << frame.Where();
      EXPECT_EQ(props.Encode(), text) << frame.Where();
      EXPECT_NE(text.back(), kPropertySeparator) << "4.9.8 writes no trailing separator";
      if (props.Contains(kPropertyUniqClientMessageIdKeyIdx)) {
        uniq_keys.insert(props.Get(kPropertyUniqClientMessageIdKeyIdx));
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 25);
  // Every UNIQ_KEY parses and names the producer host fd00::2.
  ASSERT_GE(uniq_keys.size(), 20u);
  for (const auto& key : uniq_keys) {
    auto info = ParseUniqueId(key);
    ASSERT_TRUE(info.ok()) << key;
    EXPECT_EQ(info->ip.size(), 16u);
    EXPECT_EQ(info->IpToString(), "fd00::2") << key;
    EXPECT_EQ(HexEncodeUpper(info->ip), "FD000000000000000000000000000002");
  }
}

}  // namespace
}  // namespace rocketmq
