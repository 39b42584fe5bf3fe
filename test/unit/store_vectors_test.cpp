// The CommitLog files written by a Java 4.9.8 broker (test/vectors/store-{clean,killed}) decode
// to exactly what store-*.decoded.json says, and re-encode to the same bytes.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "common/byte_order.h"
#include "common/crc32.h"
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/message_id.h"
#include "support/vectors.h"

namespace rocketmq {
namespace {

Json::Value LoadJson(const std::string& path) {
  Json::Value root;
  Json::CharReaderBuilder builder;
  std::string errors;
  std::ifstream in(path);
  if (!Json::parseFromStream(builder, in, &root, &errors)) {
    ADD_FAILURE() << path << ": " << errors;
  }
  return root;
}

// decoded.json writes the separators as the six characters "\u0001" / "\u0002".
std::string UnescapeSeparators(std::string text) {
  for (const auto& [from, to] : {std::pair<std::string, char>{"\\u0001", '\x01'},
                                 std::pair<std::string, char>{"\\u0002", '\x02'}}) {
    for (size_t pos; (pos = text.find(from)) != std::string::npos;) {
      text.replace(pos, from.size(), 1, to);
    }
  }
  return text;
}

struct FeedLine {
  std::string msg_id;         // UNIQ_KEY
  std::string offset_msg_id;  // broker id
};

// The value after `key` up to the next ',' (or end of line).
std::string FieldAfter(const std::string& line, const std::string& key) {
  size_t start = line.find(key);
  if (start == std::string::npos) return {};
  start += key.size();
  return line.substr(start, line.find(',', start) - start);
}

std::vector<FeedLine> LoadFeed(const std::string& path) {
  std::vector<FeedLine> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    FeedLine feed{FieldAfter(line, "msgId="), FieldAfter(line, "offsetMsgId=")};
    if (!feed.msg_id.empty() && !feed.offset_msg_id.empty()) lines.push_back(feed);
  }
  return lines;
}

void CheckStore(const std::string& name) {
  const std::string root = test::VectorsDir() + "/" + name;
  Json::Value decoded = LoadJson(root + ".decoded.json");
  std::vector<FeedLine> feed =
      LoadFeed(test::VectorsDir() + "/stdout/06-" + name.substr(std::string("store-").size()) +
               "-feed.stdout.txt");
  ASSERT_EQ(feed.size(), 10u);
  size_t message_index = 0;

  for (const Json::Value& file : decoded["commitlog"]) {
    SCOPED_TRACE(name + "/" + file["file"].asString());
    std::string data = test::ReadFile(root + "/" + file["file"].asString());
    ASSERT_EQ(data.size(), file["file_size"].asUInt64());
    size_t pos = 0;
    for (const Json::Value& rec : file["records"]) {
      SCOPED_TRACE("record at " + std::to_string(pos));
      ASSERT_EQ(rec["pos"].asUInt64(), pos);
      size_t consumed = 0;
      auto msg = DecodeStoredMessage(std::string_view(data).substr(pos), &consumed);
      ASSERT_TRUE(msg.ok()) << msg.status().ToString();
      ASSERT_EQ(consumed, rec["consumed_bytes"].asUInt64());
      EXPECT_EQ(rec["magic"].asString(), "MESSAGE_MAGIC_CODE");
      EXPECT_EQ(DecodeFixed32BE(data.data() + pos + 4), kMessageMagicCodeV1);
      EXPECT_EQ(msg->store_size(), rec["totalSize"].asInt());
      EXPECT_EQ(msg->body_crc(), rec["bodyCRC"].asInt());
      EXPECT_EQ(msg->queue_id(), rec["queueId"].asInt());
      EXPECT_EQ(msg->flag(), rec["flag"].asInt());
      EXPECT_EQ(msg->queue_offset(), rec["queueOffset"].asInt64());
      EXPECT_EQ(msg->commit_log_offset(), rec["physicalOffset"].asInt64());
      EXPECT_EQ(msg->sys_flag(), rec["sysFlag"].asInt());
      EXPECT_EQ(msg->born_timestamp(), rec["bornTimestamp"].asInt64());
      EXPECT_EQ(msg->born_host().ToString(), rec["bornHost"].asString());
      EXPECT_EQ(msg->store_timestamp(), rec["storeTimestamp"].asInt64());
      EXPECT_EQ(msg->store_host().ToString(), rec["storeHost"].asString());
      EXPECT_EQ(msg->reconsume_times(), rec["reconsumeTimes"].asInt());
      EXPECT_EQ(msg->prepared_transaction_offset(), rec["preparedTransactionOffset"].asInt64());
      EXPECT_EQ(msg->body().size(), rec["bodyLen"].asUInt64());
      EXPECT_EQ(test::HexEncode(msg->body()), rec["body_hex"].asString());
      EXPECT_EQ(msg->topic(), rec["topic"].asString());
      EXPECT_EQ(msg->properties().Encode(), UnescapeSeparators(rec["properties_raw"].asString()));
      EXPECT_EQ(msg->properties().size(), rec["properties"].size());
      for (const std::string& key : rec["properties"].getMemberNames()) {
        EXPECT_EQ(msg->GetProperty(key), rec["properties"][key].asString()) << key;
      }

      // The broker's CRC is the masked CRC32 of the stored body.
      EXPECT_EQ(RocketmqCrc32(msg->body()), msg->body_crc());

      // Re-encoding gives the same bytes.
      auto again = EncodeStoredMessage(*msg);
      ASSERT_TRUE(again.ok()) << again.status().ToString();
      EXPECT_EQ(test::HexEncode(*again), test::HexEncode(data.substr(pos, consumed)));

      // Ids as the producer printed them.
      ASSERT_LT(message_index, feed.size());
      EXPECT_EQ(msg->offset_msg_id(), feed[message_index].offset_msg_id);
      EXPECT_EQ(msg->msg_id(), feed[message_index].offset_msg_id);
      EXPECT_EQ(msg->unique_key(), feed[message_index].msg_id);
      EXPECT_EQ(msg->ClientMsgId(), feed[message_index].msg_id);
      auto uniq = ParseUniqueId(msg->unique_key());
      ASSERT_TRUE(uniq.ok());
      EXPECT_EQ(uniq->IpToString(), "fd00::2");
      EXPECT_EQ(uniq->counter, message_index);
      auto offset_id = DecodeOffsetMessageId(msg->offset_msg_id());
      ASSERT_TRUE(offset_id.ok());
      EXPECT_EQ(offset_id->address, msg->store_host());
      EXPECT_EQ(offset_id->offset, static_cast<int64_t>(pos));

      pos += consumed;
      ++message_index;
    }
    EXPECT_EQ(pos, file["decoded_until"].asUInt64());
    // After the last record the file is zero-filled: TOTALSIZE 0 is not a message.
    if (pos < data.size()) {
      EXPECT_TRUE(file["bytes_after_last_record_all_zero"].asBool());
      EXPECT_EQ(data.find_first_not_of('\0', pos), std::string::npos);
      EXPECT_TRUE(DecodeStoredMessage(std::string_view(data).substr(pos)).status().IsCorruption());
    }
    // The whole written part decodes in one go as well.
    auto all = DecodeStoredMessages(std::string_view(data).substr(0, pos));
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    EXPECT_EQ(all->size(), file["records"].size());
  }
  EXPECT_EQ(message_index, 10u);
}

TEST(StoreVectorsTest, CleanShutdownCommitLog) { CheckStore("store-clean"); }

TEST(StoreVectorsTest, KilledBrokerCommitLog) { CheckStore("store-killed"); }

}  // namespace
}  // namespace rocketmq
