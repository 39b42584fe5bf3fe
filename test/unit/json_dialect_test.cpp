// The fastjson dialect layer: lenient reader, byte-exact writer, tolerant field access and the
// Java hash-order helpers.
#include <gtest/gtest.h>

#include <string>

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/json_reader.h"
#include "common/json_writer.h"

namespace rocketmq {
namespace {

Json::Value MustParse(std::string_view text) {
  Result<Json::Value> r = ParseJson(text);
  EXPECT_TRUE(r.ok()) << text << " -> " << r.status().ToString();
  return r.ok() ? *r : Json::Value();
}

void ExpectCorrupt(std::string_view text) {
  Result<Json::Value> r = ParseJson(text);
  ASSERT_FALSE(r.ok()) << "accepted: " << text;
  EXPECT_TRUE(r.status().IsCorruption());
  EXPECT_NE(r.status().message().find("offset"), std::string::npos) << r.status().message();
}

TEST(JsonReaderTest, StandardJson) {
  Json::Value v = MustParse(R"( {"a":1,"b":[true,false,null],"c":"x","d":-2.5e3,"e":{}} )");
  EXPECT_EQ(v["a"].asInt64(), 1);
  EXPECT_TRUE(v["a"].isInt64());
  ASSERT_EQ(v["b"].size(), 3u);
  EXPECT_TRUE(v["b"][0].asBool());
  EXPECT_TRUE(v["b"][2].isNull());
  EXPECT_EQ(v["c"].asString(), "x");
  EXPECT_DOUBLE_EQ(v["d"].asDouble(), -2500.0);
  EXPECT_TRUE(v["e"].isObject());
  EXPECT_EQ(MustParse("42").asInt64(), 42);
  EXPECT_EQ(MustParse("\"s\"").asString(), "s");
  EXPECT_TRUE(MustParse("[]").isArray());
}

TEST(JsonReaderTest, IntegerRanges) {
  EXPECT_EQ(MustParse("9223372036854775807").asInt64(), INT64_MAX);
  EXPECT_EQ(MustParse("-9223372036854775808").asInt64(), INT64_MIN);
  Json::Value big = MustParse("18446744073709551615");
  EXPECT_TRUE(big.isUInt64());
  EXPECT_EQ(big.asUInt64(), UINT64_MAX);
  Json::Value huge = MustParse("123456789012345678901234567890");
  EXPECT_TRUE(huge.isDouble());
  EXPECT_TRUE(MustParse("0.0").isDouble());
}

TEST(JsonReaderTest, UnquotedNumericKeys) {
  Json::Value v = MustParse(R"({"brokerAddrs":{0:"127.0.0.1:20911",1:"127.0.0.1:21911"}})");
  EXPECT_EQ(v["brokerAddrs"]["0"].asString(), "127.0.0.1:20911");
  EXPECT_EQ(v["brokerAddrs"]["1"].asString(), "127.0.0.1:21911");
  Json::Value neg = MustParse("{-1:5, 12 : 6}");
  EXPECT_EQ(neg["-1"].asInt(), 5);
  EXPECT_EQ(neg["12"].asInt(), 6);
}

TEST(JsonReaderTest, ObjectKeysBecomeCompactText) {
  const std::string body =
      R"({"consumeTps":0.0,"offsetTable":{{"brokerName":"broker-a","queueId":1,"topic":"T"}:)"
      R"({"brokerOffset":2},{ "topic" : "T", "queueId":0, "brokerName":"broker-a" }:{"brokerOffset":3}}})";
  Json::Value v = MustParse(body);
  const Json::Value& table = v["offsetTable"];
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[R"({"brokerName":"broker-a","queueId":1,"topic":"T"})"]["brokerOffset"].asInt(),
            2);
  // Whitespace and member order inside the key are normalized.
  EXPECT_EQ(table[R"({"brokerName":"broker-a","queueId":0,"topic":"T"})"]["brokerOffset"].asInt(),
            3);
  // Other value kinds in key position.
  Json::Value odd = MustParse(R"({[1,2]:1,true:2,null:3,{"a":{"b":[]}}:4})");
  EXPECT_EQ(odd["[1,2]"].asInt(), 1);
  EXPECT_EQ(odd["true"].asInt(), 2);
  EXPECT_EQ(odd["null"].asInt(), 3);
  EXPECT_EQ(odd[R"({"a":{"b":[]}})"].asInt(), 4);
}

TEST(JsonReaderTest, Escapes) {
  Json::Value v = MustParse(
      R"(["a\"b\\c\/d\b\f\n\r\t", "\u0001\u00e9\u20AC", "\ud83d\ude00", "\ud800x", "\udc00"])");
  EXPECT_EQ(v[0].asString(), "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(v[1].asString(), "\x01\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(v[2].asString(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(v[3].asString(), "\xEF\xBF\xBDx");  // unpaired high surrogate -> U+FFFD
  EXPECT_EQ(v[4].asString(), "\xEF\xBF\xBD");
  // Raw UTF-8 and an embedded NUL (escaped) survive.
  Json::Value raw = MustParse("{\"k\":\"h\xC3\xA9llo\\u0000z\"}");
  const char* b = nullptr;
  const char* e = nullptr;
  ASSERT_TRUE(raw["k"].getString(&b, &e));
  EXPECT_EQ(std::string(b, e), std::string("h\xC3\xA9llo\0z", 8));
}

TEST(JsonReaderTest, GarbageAndTruncationFailCleanly) {
  const char* bad[] = {"",        "   ",       "{",          "}",          "[1,",   "[1 2]",
                       "{\"a\"}", "{\"a\":}",  "{\"a\":1,}", "{,}",        "\"abc", "\"\\x\"",
                       "\"\\u12", "tru",       "nul",        "-",          "1.",    "1e",
                       "01x",     "{a:1}",     "[1]]",       "{\"a\":1}x", "+1",    "{:1}",
                       "\"\\",    "{0 \"x\"}", "{{\"a\":1}}"};
  for (const char* text : bad) ExpectCorrupt(text);
  // Every prefix of a real body fails (never crashes or reads past the end).
  const std::string body =
      R"({"brokerDatas":[{"brokerAddrs":{0:"127.0.0.1:20911"},"brokerName":"broker-a"}],"x":"\u00e9"})";
  ASSERT_TRUE(ParseJson(body).ok());
  for (size_t n = 0; n < body.size(); ++n) {
    EXPECT_FALSE(ParseJson(std::string_view(body.data(), n)).ok()) << n;
  }
  // Arbitrary bytes.
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919 + 13) & 0xFF));
  EXPECT_FALSE(ParseJson(noise).ok());
}

TEST(JsonReaderTest, DepthIsBounded) {
  std::string deep(100000, '[');
  Result<Json::Value> r = ParseJson(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nesting"), std::string::npos);
  std::string keys;
  for (int i = 0; i < 100000; ++i) keys += "{{";
  EXPECT_FALSE(ParseJson(keys).ok());
  std::string ok_depth = std::string(100, '[') + std::string(100, ']');
  EXPECT_TRUE(ParseJson(ok_depth).ok());
  EXPECT_FALSE(ParseJson(ok_depth, 50).ok());
}

TEST(JsonWriterTest, EscapingLikeFastjson) {
  std::string all;
  for (int c = 0; c < 0x20; ++c) all.push_back(static_cast<char>(c));
  EXPECT_EQ(JsonQuote(all),
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r"
            "\\u000E\\u000F\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
            "\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F\"");
  EXPECT_EQ(JsonQuote("a\"b\\c/d"), R"("a\"b\\c/d")");
  // DEL and C1 controls escaped, other non-ASCII raw, U+2028/9 escaped.
  EXPECT_EQ(
      JsonQuote("\x7F\xC2\x80\xC2\x9F\xC2\xA0\xC3\xA9\xE2\x80\xA8\xE2\x80\xA9\xF0\x9F\x98\x80"),
      "\"\\u007F\\u0080\\u009F\xC2\xA0\xC3\xA9\\u2028\\u2029\xF0\x9F\x98\x80\"");
  // The properties separators as captured in SEND_MESSAGE_V2 headers.
  EXPECT_EQ(JsonQuote("KEYS\x01K1\x02WAIT\x01true"), R"("KEYS\u0001K1\u0002WAIT\u0001true")");
}

TEST(JsonWriterTest, EscapingBrowserCompatible) {
  EXPECT_EQ(JsonQuote("a/b\"\\\n\x01\x7F", JsonStyle::kBrowserCompatible),
            R"("a\/b\"\\\n\u0001\u007F")");
  EXPECT_EQ(JsonQuote("\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80", JsonStyle::kBrowserCompatible),
            R"("\u00E9\u4E2D\uD83D\uDE00")");
  EXPECT_EQ(JsonQuote("\xFFz", JsonStyle::kBrowserCompatible), R"("\uFFFDz")");
}

TEST(JsonWriterTest, NumbersLikeJava) {
  EXPECT_EQ(FormatJavaDouble(0.0), "0.0");
  EXPECT_EQ(FormatJavaDouble(-0.0), "-0.0");
  EXPECT_EQ(FormatJavaDouble(1.5), "1.5");
  EXPECT_EQ(FormatJavaDouble(100.0), "100.0");
  EXPECT_EQ(FormatJavaDouble(0.001), "0.001");
  EXPECT_EQ(FormatJavaDouble(0.0001), "1.0E-4");
  EXPECT_EQ(FormatJavaDouble(1234567.0), "1234567.0");
  EXPECT_EQ(FormatJavaDouble(1e7), "1.0E7");
  EXPECT_EQ(FormatJavaDouble(12345678.9), "1.23456789E7");
  EXPECT_EQ(FormatJavaDouble(0.016636720569641314), "0.016636720569641314");
  EXPECT_EQ(FormatJavaDouble(264.05882352941177), "264.05882352941177");
  EXPECT_EQ(FormatJavaDouble(-2.5e-5), "-2.5E-5");
  EXPECT_EQ(FormatJavaDouble(1.0 / 0.0), "null");
  JsonWriter w;
  w.BeginArray().Int(INT64_MIN).Int(0).UInt(UINT64_MAX).Double(2).Bool(true).Null().EndArray();
  EXPECT_EQ(w.str(), "[-9223372036854775808,0,18446744073709551615,2.0,true,null]");
  JsonWriter b(JsonStyle::kBrowserCompatible);
  b.BeginArray()
      .Int(9007199254740991LL)
      .Int(9007199254740992LL)
      .Int(-9007199254740992LL)
      .EndArray();
  EXPECT_EQ(b.str(), R"([9007199254740991,"9007199254740992","-9007199254740992"])");
}

TEST(JsonWriterTest, KeysPerStyle) {
  for (JsonStyle style : {JsonStyle::kFastjson, JsonStyle::kBrowserCompatible}) {
    JsonWriter w(style);
    w.BeginObject();
    w.Key("a/b").BeginObject().IntKey(0).String("x").IntKey(-3).Int(1).EndObject();
    w.Key("t").BeginObject().ObjectKey(R"({"queueId":0})").Int(7).EndObject();
    w.RawKey("9").Bool(false);
    w.EndObject();
    if (style == JsonStyle::kFastjson) {
      EXPECT_EQ(w.str(), R"({"a/b":{0:"x",-3:1},"t":{{"queueId":0}:7},9:false})");
    } else {
      EXPECT_EQ(w.str(), R"({"a\/b":{"0":"x","-3":1},"t":{"{\"queueId\":0}":7},9:false})");
    }
    // Both forms read back with the lenient reader.
    Json::Value v = MustParse(w.str());
    EXPECT_EQ(v["t"][R"({"queueId":0})"].asInt(), 7);
    EXPECT_EQ(v["9"].asBool(), false);
  }
}

TEST(JsonWriterTest, PrettyLikeFastjson) {
  JsonWriter w(JsonStyle::kFastjson, true);
  w.BeginObject();
  w.Key("a").BeginObject().Key("b").Int(1).Key("c").BeginObject().EndObject().EndObject();
  w.Key("l").BeginArray().Int(1).Int(2).EndArray();
  w.Key("e").BeginArray().EndArray();
  w.EndObject();
  EXPECT_EQ(w.str(),
            "{\n\t\"a\":{\n\t\t\"b\":1,\n\t\t\"c\":{}\n\t},\n\t\"l\":[\n\t\t1,\n\t\t2\n\t],"
            "\n\t\"e\":[]\n}");
}

TEST(JsonWriterTest, ValueRoundTrip) {
  const std::string text =
      R"({"a":[1,-2,3.25,"s\u0001",true,null],"b":{"x":{}},"c":18446744073709551615})";
  Json::Value v = MustParse(text);
  EXPECT_EQ(JsonToString(v), text);
}

TEST(JsonFieldsTest, TolerantAccess) {
  Json::Value v = MustParse(
      R"({"i":5,"s":"7","neg":" -3 ","d":2.0,"f":2.5,"big":5000000000,"b1":"true","b2":1,)"
      R"("str":"x","num":12,"flag":false,"n":null,"arr":[1,"2"],"dbl":"1.5"})");
  int64_t i64 = 0;
  int32_t i32 = 0;
  ASSERT_TRUE(JsonGetInt64(v, "i", &i64).ok());
  EXPECT_EQ(i64, 5);
  ASSERT_TRUE(JsonGetInt64(v, "s", &i64).ok());
  EXPECT_EQ(i64, 7);
  ASSERT_TRUE(JsonGetInt32(v, "neg", &i32).ok());
  EXPECT_EQ(i32, -3);
  ASSERT_TRUE(JsonGetInt64(v, "d", &i64).ok());
  EXPECT_EQ(i64, 2);
  EXPECT_TRUE(JsonGetInt64(v, "f", &i64).IsCorruption());
  EXPECT_TRUE(JsonGetInt32(v, "big", &i32).IsCorruption());
  EXPECT_TRUE(JsonGetInt64(v, "str", &i64).IsCorruption());
  EXPECT_TRUE(JsonGetInt64(v, "arr", &i64).IsCorruption());
  bool b = false;
  ASSERT_TRUE(JsonGetBool(v, "b1", &b).ok());
  EXPECT_TRUE(b);
  b = false;
  ASSERT_TRUE(JsonGetBool(v, "b2", &b).ok());
  EXPECT_TRUE(b);
  EXPECT_TRUE(JsonGetBool(v, "str", &b).IsCorruption());
  std::string s;
  ASSERT_TRUE(JsonGetString(v, "num", &s).ok());
  EXPECT_EQ(s, "12");
  ASSERT_TRUE(JsonGetString(v, "flag", &s).ok());
  EXPECT_EQ(s, "false");
  ASSERT_TRUE(JsonGetString(v, "f", &s).ok());
  EXPECT_EQ(s, "2.5");
  double d = 0;
  ASSERT_TRUE(JsonGetDouble(v, "dbl", &d).ok());
  EXPECT_DOUBLE_EQ(d, 1.5);
  // Missing / null: unchanged unless required.
  i64 = 99;
  ASSERT_TRUE(JsonGetInt64(v, "missing", &i64).ok());
  ASSERT_TRUE(JsonGetInt64(v, "n", &i64).ok());
  EXPECT_EQ(i64, 99);
  Status st = JsonGetInt64(v, "missing", &i64, /*required=*/true);
  EXPECT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("missing"), std::string::npos);
  EXPECT_TRUE(JsonGetInt64(Json::Value(3), "x", &i64).IsCorruption());
  std::vector<std::string> list;
  ASSERT_TRUE(JsonReadStringArray(v["arr"], "arr", &list).ok());
  EXPECT_EQ(list, (std::vector<std::string>{"1", "2"}));
}

TEST(JavaHashTest, StringHashCode) {
  EXPECT_EQ(JavaStringHashCode(""), 0);
  EXPECT_EQ(JavaStringHashCode("TagA"), 2598919);  // consume-queue tag codes in the vectors
  EXPECT_EQ(JavaStringHashCode("TagB"), 2598920);
  EXPECT_EQ(JavaStringHashCode("hello rocketmq"), 1086030598);
  EXPECT_EQ(JavaStringHashCode("\xC3\xA9"), 0xE9);                          // U+00E9
  EXPECT_EQ(JavaStringHashCode("\xF0\x9F\x98\x80"), 0xD83D * 31 + 0xDE00);  // surrogate pair
}

TEST(JavaHashTest, TableSizes) {
  EXPECT_EQ(JavaHashMapTableSize(0), 16u);
  EXPECT_EQ(JavaHashMapTableSize(12), 16u);
  EXPECT_EQ(JavaHashMapTableSize(13), 32u);
  EXPECT_EQ(JavaHashMapTableSize(50), 128u);
  EXPECT_EQ(JavaHashMapTableSize(1, 128), 128u);
  EXPECT_EQ(JavaHashMapTableSize(1, 100), 128u);
  EXPECT_EQ(JavaConcurrentHashMapTableSize(1024, 10), 2048u);
  EXPECT_EQ(JavaConcurrentHashMapTableSize(0, 11), 16u);
  EXPECT_EQ(JavaConcurrentHashMapTableSize(0, 12), 32u);
  EXPECT_EQ(JavaConcurrentHashMapTableSize(32, 5), 64u);
}

TEST(JavaHashTest, IterationOrderOfCapturedTopicTable) {
  // REGISTER_BROKER body of 01-broker-register.jsonl: ConcurrentHashMap(1024) order.
  const std::vector<std::string> java_order = {"SCHEDULE_TOPIC_XXXX",
                                               "SELF_TEST_TOPIC",
                                               "DefaultCluster",
                                               "DefaultCluster_REPLY_TOPIC",
                                               "broker-a",
                                               "TBW102",
                                               "BenchmarkTest",
                                               "OFFSET_MOVED_EVENT"};
  std::vector<std::string> sorted = java_order;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(JavaStringKeyOrder(sorted, kTopicConfigTableBuckets), java_order);
}

}  // namespace
}  // namespace rocketmq
