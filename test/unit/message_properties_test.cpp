// MessageProperties: the 0x01/0x02 properties string (protocol.md §3.2).
#include "common/message_properties.h"

#include <gtest/gtest.h>

#include <string>

namespace rocketmq {
namespace {

using Entries = std::vector<MessageProperties::Entry>;

TEST(MessagePropertiesTest, EncodeWritesPairsInOrderWithoutTrailingSeparator) {
  MessageProperties props;
  props.Set("KEYS", "KEY-A1");
  props.Set("UNIQ_KEY", "FD00");
  props.Set("WAIT", "true");
  props.Set("TAGS", "TagA");
  // Exactly what the Java 4.9.8 producer sent in header `i` (02a-producer.jsonl line 5, with a
  // shortened UNIQ_KEY).
  EXPECT_EQ(props.Encode(), std::string("KEYS\x01KEY-A1\x02UNIQ_KEY\x01"
                                        "FD00\x02WAIT\x01true\x02TAGS\x01TagA"));
}

TEST(MessagePropertiesTest, EmptyEncodesToEmptyString) {
  EXPECT_EQ(MessageProperties().Encode(), "");
  EXPECT_TRUE(MessageProperties::Decode("").empty());
}

TEST(MessagePropertiesTest, DecodeKeepsOrderAndReencodesIdentically) {
  const std::string text(
      "color\x01red\x02KEYS\x01KEY-P1\x02WAIT\x01true\x02n\x01"
      "42");
  MessageProperties props = MessageProperties::Decode(text);
  EXPECT_EQ(props.entries(),
            (Entries{{"color", "red"}, {"KEYS", "KEY-P1"}, {"WAIT", "true"}, {"n", "42"}}));
  EXPECT_EQ(props.Encode(), text);
}

TEST(MessagePropertiesTest, DecodeAcceptsTrailingSeparatorOfOlderClients) {
  MessageProperties props =
      MessageProperties::Decode(std::string("A\x01"
                                            "1\x02"
                                            "B\x01"
                                            "2\x02"));
  EXPECT_EQ(props.entries(), (Entries{{"A", "1"}, {"B", "2"}}));
  EXPECT_EQ(props.Encode(), std::string("A\x01"
                                        "1\x02"
                                        "B\x01"
                                        "2"));
}

TEST(MessagePropertiesTest, DecodeSkipsMalformedPieces) {
  // Empty pieces, no 0x01, empty key, empty value, piece shorter than 3 chars.
  const std::string text(
      "\x02\x02noseparator\x02\x01value\x02key\x01\x02"
      "ok\x01yes\x02k\x01v\x02\x01\x02");
  MessageProperties props = MessageProperties::Decode(text);
  EXPECT_EQ(props.entries(), (Entries{{"ok", "yes"}, {"k", "v"}}));
}

TEST(MessagePropertiesTest, ValueRunsFromFirstNameValueSeparator) {
  MessageProperties props = MessageProperties::Decode(std::string("k\x01v\x01w"));
  EXPECT_EQ(props.Get("k"), std::string("v\x01w"));
}

TEST(MessagePropertiesTest, RepeatedKeyKeepsFirstPositionAndLastValue) {
  MessageProperties props =
      MessageProperties::Decode(std::string("A\x01"
                                            "1\x02"
                                            "B\x01"
                                            "2\x02"
                                            "A\x01"
                                            "3"));
  EXPECT_EQ(props.entries(), (Entries{{"A", "3"}, {"B", "2"}}));
}

TEST(MessagePropertiesTest, NonAsciiBytesPassThrough) {
  const std::string text("k\x01\xE4\xBD\xA0\xE5\xA5\xBD");  // UTF-8
  MessageProperties props = MessageProperties::Decode(text);
  EXPECT_EQ(props.Get("k"), "\xE4\xBD\xA0\xE5\xA5\xBD");
  EXPECT_EQ(props.Encode(), text);
}

TEST(MessagePropertiesTest, SetFindGetErase) {
  MessageProperties props;
  EXPECT_EQ(props.Find("a"), nullptr);
  EXPECT_EQ(props.Get("a", "dflt"), "dflt");
  props.Set("a", "1");
  props.Set("b", "2");
  props.Set("a", "3");  // replaced in place
  EXPECT_EQ(props.entries(), (Entries{{"a", "3"}, {"b", "2"}}));
  ASSERT_NE(props.Find("b"), nullptr);
  EXPECT_EQ(*props.Find("b"), "2");
  EXPECT_TRUE(props.Contains("a"));
  EXPECT_TRUE(props.Erase("a"));
  EXPECT_FALSE(props.Erase("a"));
  EXPECT_EQ(props.size(), 1u);
  EXPECT_EQ(props.Encode(), std::string("b\x01"
                                        "2"));
}

TEST(MessagePropertiesTest, AppendBatchPropertiesInsertsOneSeparator) {
  EXPECT_EQ(AppendBatchProperties(std::string("A\x01"
                                              "1"),
                                  std::string("W\x01true")),
            std::string("A\x01"
                        "1\x02W\x01true"));
  EXPECT_EQ(AppendBatchProperties(std::string("A\x01"
                                              "1\x02"),
                                  std::string("W\x01true")),
            std::string("A\x01"
                        "1\x02W\x01true"));
  EXPECT_EQ(AppendBatchProperties("", std::string("W\x01true")), std::string("W\x01true"));
  EXPECT_EQ(AppendBatchProperties(std::string("A\x01"
                                              "1"),
                                  ""),
            std::string("A\x01"
                        "1"));
}

TEST(EncodeInJavaHashMapOrderTest, MatchesTheJavaBrokerStoredOrder) {
  // A 4.9.8 broker stored a send with KEYS, UNIQ_KEY, WAIT, TAGS (+ CLUSTER, - WAIT) as
  // KEYS, UNIQ_KEY, CLUSTER, TAGS. UNIQ_KEY and CLUSTER share a bucket, where insertion order
  // decides; the others land in bucket order whatever the input order.
  MessageProperties p;
  p.Set("TAGS", "TagA");
  p.Set("UNIQ_KEY", "U");
  p.Set("KEYS", "K1");
  p.Set("CLUSTER", "DefaultCluster");
  MessageProperties expected;
  expected.Set("KEYS", "K1");
  expected.Set("UNIQ_KEY", "U");
  expected.Set("CLUSTER", "DefaultCluster");
  expected.Set("TAGS", "TagA");
  EXPECT_EQ(EncodeInJavaHashMapOrder(p, 5), expected.Encode());
  EXPECT_EQ(EncodeInJavaHashMapOrder(p), expected.Encode());
  EXPECT_EQ(EncodeInJavaHashMapOrder(MessageProperties()), "");
}

}  // namespace
}  // namespace rocketmq
