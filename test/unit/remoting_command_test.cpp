// RemotingCommand codec and FrameDecoder (protocol.md §1): exact bytes of the worked example,
// fastjson escaping, both header forms, bounds checks on hostile input, frame splitting.
#include "remoting/remoting_command.h"

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/byte_order.h"
#include "support/vectors.h"

namespace rocketmq::remoting {
namespace {

using rocketmq::test::HexDecode;
using rocketmq::test::HexEncode;

// §1.9: GET_ROUTEINFO_BY_TOPIC for T1, opaque 1, CPP, version 479.
RemotingCommand WorkedExample() {
  RemotingCommand cmd = RemotingCommand::CreateRequest(105);
  cmd.SetExtField("topic", "T1");
  cmd.set_opaque(1);
  cmd.set_version(479);
  return cmd;
}

const char kWorkedJsonHeader[] =
    R"({"code":105,"extFields":{"topic":"T1"},"flag":0,"language":"CPP","opaque":1,)"
    R"("serializeTypeCurrentRPC":"JSON","version":479})";

// The hex dumps of §1.9, transcribed.
const char kWorkedJsonFrameHex[] =
    "0000007f0000007b7b22636f6465223a"
    "3130352c226578744669656c6473223a"
    "7b22746f706963223a225431227d2c22"
    "666c6167223a302c226c616e67756167"
    "65223a22435050222c226f7061717565"
    "223a312c2273657269616c697a655479"
    "706543757272656e74525043223a224a"
    "534f4e222c2276657273696f6e223a34"
    "37397d";
const char kWorkedBinaryFrameHex[] =
    "0000002601000022006901 01df00000001 00000000 00000000 0000000d 0005746f706963 00000002 5431";

std::string Unspace(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

std::string FrameBody(const std::string& frame) { return frame.substr(4); }

RemotingCommand MustDecode(const std::string& frame_without_length) {
  Result<RemotingCommand> r = RemotingCommand::Decode(frame_without_length);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : RemotingCommand();
}

// A frame (without the length field) with the given serialize type and raw header bytes.
std::string RawFrame(uint8_t type, const std::string& header, const std::string& body = "") {
  std::string out;
  ByteWriter w(&out);
  w.PutU32((uint32_t{type} << 24) | static_cast<uint32_t>(header.size()));
  w.PutBytes(header);
  w.PutBytes(body);
  return out;
}

void ExpectSameCommand(const RemotingCommand& a, const RemotingCommand& b) {
  EXPECT_EQ(a.code(), b.code());
  EXPECT_EQ(a.language(), b.language());
  EXPECT_EQ(a.version(), b.version());
  EXPECT_EQ(a.opaque(), b.opaque());
  EXPECT_EQ(a.flag(), b.flag());
  EXPECT_EQ(a.remark(), b.remark());
  EXPECT_EQ(a.ext_fields_null(), b.ext_fields_null());
  EXPECT_EQ(a.ext_fields(), b.ext_fields());
  EXPECT_EQ(a.body(), b.body());
  EXPECT_EQ(a.serialize_type(), b.serialize_type());
}

// ------------------------------------------------------------------------------------------------
// §1.9 worked example, byte for byte.

TEST(RemotingCommandTest, WorkedExampleJsonHeader) {
  const std::string header = WorkedExample().EncodeHeader();
  EXPECT_EQ(header, kWorkedJsonHeader);
  EXPECT_EQ(header.size(), 123u);
}

TEST(RemotingCommandTest, WorkedExampleJsonFrame) {
  const std::string frame = WorkedExample().Encode();
  EXPECT_EQ(frame.size(), 131u);
  EXPECT_EQ(HexEncode(frame), kWorkedJsonFrameHex);
}

TEST(RemotingCommandTest, WorkedExampleBinaryFrame) {
  RemotingCommand cmd = WorkedExample();
  cmd.set_serialize_type(SerializeType::kRocketMQ);
  const std::string frame = cmd.Encode();
  EXPECT_EQ(frame.size(), 42u);
  EXPECT_EQ(HexEncode(frame), Unspace(kWorkedBinaryFrameHex));
  EXPECT_EQ(cmd.EncodeHeader().size(), 34u);
}

TEST(RemotingCommandTest, WorkedExampleDecodesFromBothForms) {
  for (const char* hex : {kWorkedJsonFrameHex, kWorkedBinaryFrameHex}) {
    const std::string frame = HexDecode(Unspace(hex));
    RemotingCommand cmd = MustDecode(FrameBody(frame));
    EXPECT_EQ(cmd.code(), 105);
    EXPECT_EQ(cmd.language(), LanguageCode::kCpp);
    EXPECT_EQ(cmd.version(), 479);
    EXPECT_EQ(cmd.opaque(), 1);
    EXPECT_EQ(cmd.flag(), 0);
    EXPECT_FALSE(cmd.remark().has_value());
    ASSERT_EQ(cmd.ext_fields().size(), 1u);
    EXPECT_EQ(cmd.ext_fields().GetOr("topic"), "T1");
    EXPECT_TRUE(cmd.body().empty());
    EXPECT_EQ(cmd.Encode(), frame) << "re-encoding must give the same bytes";
  }
}

// ------------------------------------------------------------------------------------------------
// Header fields and JSON specifics.

TEST(RemotingCommandTest, CreateRequestDefaults) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(10);
  EXPECT_EQ(cmd.code(), 10);
  EXPECT_EQ(cmd.language(), LanguageCode::kCpp);
  EXPECT_EQ(cmd.version(), kCurrentVersion);
  EXPECT_EQ(cmd.opaque(), 0);
  EXPECT_EQ(cmd.flag(), 0);
  EXPECT_TRUE(cmd.ext_fields_null());
  EXPECT_FALSE(cmd.IsResponse());
  EXPECT_EQ(cmd.EncodeHeader(),
            R"({"code":10,"flag":0,"language":"CPP","opaque":0,"serializeTypeCurrentRPC":"JSON",)"
            R"("version":409})");
}

TEST(RemotingCommandTest, CreateResponseEchoesOpaqueAndSerializeType) {
  RemotingCommand req = WorkedExample();
  req.set_opaque(77);
  req.set_serialize_type(SerializeType::kRocketMQ);
  RemotingCommand resp = RemotingCommand::CreateResponse(req, 17, std::string("no route"));
  EXPECT_EQ(resp.code(), 17);
  EXPECT_EQ(resp.opaque(), 77);
  EXPECT_TRUE(resp.IsResponse());
  EXPECT_FALSE(resp.IsOneway());
  EXPECT_EQ(resp.remark(), std::optional<std::string>("no route"));
  EXPECT_EQ(resp.serialize_type(), SerializeType::kRocketMQ);
  EXPECT_TRUE(resp.ext_fields_null());
}

TEST(RemotingCommandTest, FlagBits) {
  RemotingCommand cmd;
  cmd.MarkOneway();
  EXPECT_EQ(cmd.flag(), 2);
  EXPECT_TRUE(cmd.IsOneway());
  cmd.MarkResponse();
  EXPECT_EQ(cmd.flag(), 3);
  EXPECT_TRUE(cmd.IsResponse());
}

TEST(RemotingCommandTest, NullVersusEmptyExtFields) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(0);
  cmd.set_flag(1);
  cmd.set_language(LanguageCode::kJava);
  const std::string null_header = cmd.EncodeHeader();
  EXPECT_EQ(null_header.find("extFields"), std::string::npos);

  cmd.mutable_ext_fields();  // non-null, empty
  const std::string empty_header = cmd.EncodeHeader();
  EXPECT_EQ(empty_header, R"({"code":0,"extFields":{},"flag":1,"language":"JAVA","opaque":0,)"
                          R"("serializeTypeCurrentRPC":"JSON","version":409})");

  RemotingCommand null_back = MustDecode(FrameBody(RemotingCommand(cmd).Encode()));
  EXPECT_FALSE(null_back.ext_fields_null());
  EXPECT_TRUE(null_back.ext_fields().empty());
  cmd.set_ext_fields_null();
  null_back = MustDecode(FrameBody(cmd.Encode()));
  EXPECT_TRUE(null_back.ext_fields_null());
  EXPECT_EQ(cmd.EncodeHeader(), null_header);
}

TEST(RemotingCommandTest, RemarkWithNewlineMatchesJavaBytes) {
  // A real NameServer answer (02b-route-versions.jsonl).
  const std::string expected =
      R"({"code":17,"flag":1,"language":"JAVA","opaque":105,"remark":"No topic route info in )"
      R"(name server for the topic: VecNoSuchTopic\nSee http://rocketmq.apache.org/docs/faq/ for )"
      R"(further details.","serializeTypeCurrentRPC":"JSON","version":409})";
  RemotingCommand cmd;
  cmd.set_code(17);
  cmd.set_flag(1);
  cmd.set_language(LanguageCode::kJava);
  cmd.set_opaque(105);
  cmd.set_remark(
      std::string("No topic route info in name server for the topic: VecNoSuchTopic\n"
                  "See http://rocketmq.apache.org/docs/faq/ for further details."));
  EXPECT_EQ(cmd.EncodeHeader(), expected);
  RemotingCommand back = MustDecode(FrameBody(cmd.Encode()));
  EXPECT_EQ(back.remark(), cmd.remark());
}

TEST(RemotingCommandTest, EmptyRemarkIsWrittenInJsonButNotInBinary) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(1);
  cmd.set_remark(std::string());
  EXPECT_NE(cmd.EncodeHeader().find(R"("remark":"")"), std::string::npos);
  EXPECT_EQ(MustDecode(FrameBody(cmd.Encode())).remark(), std::optional<std::string>(""));
  cmd.set_serialize_type(SerializeType::kRocketMQ);
  // Java writes remark length 0 for null and empty alike; 0 decodes as null.
  EXPECT_FALSE(MustDecode(FrameBody(cmd.Encode())).remark().has_value());
}

TEST(RemotingCommandTest, FastjsonEscaping) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"plain", R"("plain")"},
      {"a\"b\\c", R"("a\"b\\c")"},
      {"\b\t\n\f\r", R"("\b\t\n\f\r")"},
      {std::string("\x00\x01\x02\x07", 4), R"("\u0000\u0001\u0002\u0007")"},
      {"\x0b\x0e\x1a\x1f", R"("\u000B\u000E\u001A\u001F")"},
      {"\x7f", R"("\u007F")"},
      {"a/b", R"("a/b")"},                                         // '/' not escaped
      {"\xc3\xa9\xe4\xb8\xad", "\"\xc3\xa9\xe4\xb8\xad\""},        // é 中 verbatim
      {"\xc2\x80\xc2\x9f\xc2\xa0", "\"\\u0080\\u009F\xc2\xa0\""},  // C1 controls escaped, NBSP not
      {"\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xaa", "\"\\u2028\\u2029\xe2\x80\xaa\""},
      {"<>()'&", R"("<>()'&")"},
  };
  for (const Case& c : cases) {
    RemotingCommand cmd = RemotingCommand::CreateRequest(1);
    cmd.SetExtField("k", c.in);
    const std::string header = cmd.EncodeHeader();
    const std::string expected = "\"extFields\":{\"k\":" + c.out + "}";
    EXPECT_NE(header.find(expected), std::string::npos) << header << " lacks " << expected;
    RemotingCommand back = MustDecode(FrameBody(cmd.Encode()));
    EXPECT_EQ(back.ext_fields().GetOr("k"), c.in) << "decode must undo the escaping";
    EXPECT_EQ(back.EncodeHeader(), header);
  }
}

TEST(RemotingCommandTest, PropertiesSeparatorsAsJavaWritesThem) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(310);
  cmd.SetExtField("i", "KEYS\x01KEY-A1\x02TAGS\x01TagA");
  EXPECT_NE(cmd.EncodeHeader().find(R"("i":"KEYS\u0001KEY-A1\u0002TAGS\u0001TagA")"),
            std::string::npos);
}

TEST(RemotingCommandTest, ExtFieldsKeepInsertionOrderAndReplaceInPlace) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(1);
  cmd.SetExtField("z", "1");
  cmd.SetExtField("a", "2");
  cmd.SetExtField("m", "3");
  cmd.SetExtField("a", "4");
  EXPECT_NE(cmd.EncodeHeader().find(R"("extFields":{"z":"1","a":"4","m":"3"})"), std::string::npos);
  EXPECT_TRUE(cmd.mutable_ext_fields().Erase("z"));
  EXPECT_FALSE(cmd.mutable_ext_fields().Erase("z"));
  EXPECT_EQ(cmd.ext_fields().size(), 2u);
}

TEST(RemotingCommandTest, JsonDecodeIsTolerant) {
  // Key order of a Python client, numeric / boolean / null extFields values, unknown language.
  const std::string header =
      R"( { "version" : 317, "language":"KLINGON", "opaque":-5, "flag":2, "code":14,)"
      R"( "extFields":{"zz":"s","queueId":3,"big":12345678901234,"f":1.5,"b":true,"n":null},)"
      R"( "serializeTypeCurrentRPC":"JSON", "unknownKey":[1,{"x":"}"}] } )";
  RemotingCommand cmd = MustDecode(RawFrame(0, header, "BODY"));
  EXPECT_EQ(cmd.code(), 14);
  EXPECT_EQ(cmd.version(), 317);
  EXPECT_EQ(cmd.opaque(), -5);
  EXPECT_EQ(cmd.flag(), 2);
  EXPECT_EQ(cmd.language(), LanguageCode::kOther);
  EXPECT_FALSE(cmd.remark().has_value());
  EXPECT_EQ(cmd.body(), "BODY");
  const std::vector<ExtFields::Entry> expected = {
      {"zz", "s"}, {"queueId", "3"}, {"big", "12345678901234"}, {"f", "1.5"}, {"b", "true"}};
  EXPECT_EQ(cmd.ext_fields().entries(), expected);
}

TEST(RemotingCommandTest, JsonDecodeMinimalHeaderAndLanguageNames) {
  RemotingCommand cmd = MustDecode(RawFrame(0, "{}"));
  EXPECT_EQ(cmd.code(), 0);
  EXPECT_EQ(cmd.language(), LanguageCode::kJava);  // Java's field default
  EXPECT_TRUE(cmd.ext_fields_null());
  for (int i = 0; i <= 13; ++i) {
    const auto lang = static_cast<LanguageCode>(i);
    LanguageCode parsed;
    ASSERT_TRUE(ParseLanguageName(LanguageName(lang), &parsed));
    EXPECT_EQ(parsed, lang);
    cmd.set_language(lang);
    EXPECT_EQ(MustDecode(FrameBody(cmd.Encode())).language(), lang);
  }
  EXPECT_STREQ(LanguageName(LanguageCode::kNodeJs), "NODE_JS");
  LanguageCode unused;
  EXPECT_FALSE(ParseLanguageName("cpp", &unused));
}

TEST(RemotingCommandTest, JsonDecodeEscapedKeysAndDuplicates) {
  const std::string header =
      R"({"code":1,"extFields":{"a\"b":"1","c":"2","a\"b":"3","\u00e9":"\ud83d\ude00"}})";
  RemotingCommand cmd = MustDecode(RawFrame(0, header));
  const std::vector<ExtFields::Entry> expected = {
      {"a\"b", "3"}, {"c", "2"}, {"\xc3\xa9", "\xf0\x9f\x98\x80"}};
  EXPECT_EQ(cmd.ext_fields().entries(), expected);
}

TEST(RemotingCommandTest, JsonDecodeRejectsGarbage) {
  const std::vector<std::string> bad = {
      "",
      "{",
      "[1,2]",
      "\"str\"",
      R"({"code":"x"})",
      R"({"code":1.5})",
      R"({"code":99999999999})",
      R"({"remark":5})",
      R"({"extFields":"x"})",
      R"({"extFields":[]})",
      R"({"code":1} trailing)",
      R"({'code':1})",
  };
  for (const std::string& header : bad) {
    Result<RemotingCommand> r = RemotingCommand::Decode(RawFrame(0, header));
    EXPECT_FALSE(r.ok()) << header;
    if (!r.ok()) {
      EXPECT_TRUE(r.status().IsCorruption()) << header << ": " << r.status().ToString();
    }
  }
}

TEST(RemotingCommandTest, JsonAndBinaryRoundTrip) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(-3);
  cmd.set_opaque(-2147483647 - 1);
  cmd.set_flag(3);
  cmd.set_version(32767);
  cmd.set_language(LanguageCode::kGo);
  cmd.set_remark(std::string("r\xc3\xa9mark \"x\"\n\x01"));
  cmd.SetExtField("b", "");
  cmd.SetExtField("", "empty key");
  cmd.SetExtField("a", std::string("\x00\x02\xff", 3));
  cmd.set_body(std::string("\x00\x01\x02body", 7));
  for (SerializeType type : {SerializeType::kJson, SerializeType::kRocketMQ}) {
    cmd.set_serialize_type(type);
    const std::string frame = cmd.Encode();
    EXPECT_EQ(DecodeFixed32BE(frame.data()), frame.size() - 4);
    EXPECT_EQ(static_cast<uint8_t>(frame[4]), static_cast<uint8_t>(type));
    RemotingCommand back = MustDecode(FrameBody(frame));
    ExpectSameCommand(back, cmd);
    EXPECT_EQ(back.Encode(), frame);
  }
}

TEST(RemotingCommandTest, ToStringShowsHeaderNotBody) {
  RemotingCommand cmd = WorkedExample();
  cmd.set_body("secret-body");
  const std::string s = cmd.ToString();
  EXPECT_NE(s.find("code=105"), std::string::npos) << s;
  EXPECT_NE(s.find("opaque=1"), std::string::npos) << s;
  EXPECT_NE(s.find("topic=T1"), std::string::npos) << s;
  EXPECT_EQ(s.find("secret-body"), std::string::npos) << s;
}

// ------------------------------------------------------------------------------------------------
// Typed getters (§1.10).

TEST(RemotingCommandTest, TypedGetters) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(11);
  cmd.SetExtField("long", "-9223372036854775808");
  cmd.SetExtField("plus", "+42");
  cmd.SetExtField("int", "2147483647");
  cmd.SetExtField("intOverflow", "2147483648");
  cmd.SetExtField("blank", " 1");
  cmd.SetExtField("empty", "");
  cmd.SetExtField("hex", "0x10");
  cmd.SetExtField("t", "TrUe");
  cmd.SetExtField("f", "yes");

  EXPECT_EQ(cmd.GetExtInt64("long").value(), INT64_MIN);
  EXPECT_EQ(cmd.GetExtInt64("plus").value(), 42);
  EXPECT_EQ(cmd.GetExtInt32("int").value(), INT32_MAX);
  EXPECT_EQ(cmd.GetExtInt64("intOverflow").value(), 2147483648LL);
  EXPECT_TRUE(cmd.GetExtInt32("intOverflow").status().IsInvalidArgument());
  EXPECT_TRUE(cmd.GetExtInt32("blank").status().IsInvalidArgument());
  EXPECT_TRUE(cmd.GetExtInt64("empty").status().IsInvalidArgument());
  EXPECT_TRUE(cmd.GetExtInt64("hex").status().IsInvalidArgument());
  EXPECT_EQ(cmd.GetExtInt64("absent").status().code(), kCodeNotFound);
  EXPECT_EQ(cmd.GetExtString("absent").status().code(), kCodeNotFound);
  EXPECT_EQ(cmd.GetExtString("hex").value(), "0x10");
  EXPECT_TRUE(cmd.GetExtBool("t"));
  EXPECT_FALSE(cmd.GetExtBool("f", true));
  EXPECT_TRUE(cmd.GetExtBool("absent", true));
  EXPECT_FALSE(cmd.GetExtBool("absent"));
}

// ------------------------------------------------------------------------------------------------
// Frame-level and binary-header bounds.

TEST(RemotingCommandTest, DecodeRejectsBadFrames) {
  EXPECT_TRUE(RemotingCommand::Decode("").status().IsCorruption());
  EXPECT_TRUE(RemotingCommand::Decode(std::string("\x00\x00\x00", 3)).status().IsCorruption());
  // Header length larger than what follows.
  std::string frame = RawFrame(0, "{}");
  frame[3] = 3;
  EXPECT_TRUE(RemotingCommand::Decode(frame).status().IsCorruption());
  // Unknown serialize types.
  for (uint8_t type : {2, 0x7f, 0xff}) {
    Result<RemotingCommand> r = RemotingCommand::Decode(RawFrame(type, "{}"));
    EXPECT_TRUE(r.status().IsCorruption()) << int{type};
  }
}

std::string BinaryHeader(int32_t remark_len, const std::string& remark, int32_t ext_len,
                         const std::string& ext) {
  std::string h;
  ByteWriter w(&h);
  w.PutI16(105);
  w.PutU8(1);
  w.PutI16(409);
  w.PutI32(7);
  w.PutI32(0);
  w.PutI32(remark_len);
  w.PutBytes(remark);
  w.PutI32(ext_len);
  w.PutBytes(ext);
  return h;
}

std::string ExtEntry(int16_t key_len, const std::string& key, int32_t value_len,
                     const std::string& value) {
  std::string e;
  ByteWriter w(&e);
  w.PutI16(key_len);
  w.PutBytes(key);
  w.PutI32(value_len);
  w.PutBytes(value);
  return e;
}

TEST(RemotingCommandTest, BinaryHeaderEveryTruncationIsCorruption) {
  RemotingCommand cmd = WorkedExample();
  cmd.set_serialize_type(SerializeType::kRocketMQ);
  cmd.set_remark(std::string("hello"));
  cmd.SetExtField("k2", "v2");
  const std::string header = cmd.EncodeHeader();
  for (size_t n = 0; n < header.size(); ++n) {
    Result<RemotingCommand> r = RemotingCommand::Decode(RawFrame(1, header.substr(0, n)));
    ASSERT_FALSE(r.ok()) << "truncated to " << n;
    EXPECT_TRUE(r.status().IsCorruption()) << n;
  }
  RemotingCommand full = MustDecode(RawFrame(1, header));
  ExpectSameCommand(full, cmd);
}

TEST(RemotingCommandTest, BinaryHeaderLyingLengths) {
  const std::string good_ext = ExtEntry(1, "k", 1, "v");
  struct Case {
    const char* what;
    std::string header;
  };
  const std::vector<Case> cases = {
      {"negative remark length", BinaryHeader(-1, "", 0, "")},
      {"remark length INT_MIN", BinaryHeader(INT32_MIN, "", 0, "")},
      {"remark past header", BinaryHeader(100, "abc", 0, "")},
      {"remark ends the header, no ext length", BinaryHeader(3, "abc", 0, "").substr(0, 20)},
      {"negative ext length", BinaryHeader(0, "", -7, good_ext)},
      {"ext past header", BinaryHeader(0, "", 1000, good_ext)},
      {"ext length INT_MAX", BinaryHeader(0, "", INT32_MAX, good_ext)},
      {"negative key length", BinaryHeader(0, "", 8, ExtEntry(-1, "k", 1, "v"))},
      {"key past map", BinaryHeader(0, "", 8, ExtEntry(50, "k", 1, "v"))},
      {"negative value length", BinaryHeader(0, "", 8, ExtEntry(1, "k", -1, "v"))},
      {"value past map", BinaryHeader(0, "", 8, ExtEntry(1, "k", 2, "v"))},
      {"truncated value length", BinaryHeader(0, "", 5, ExtEntry(1, "k", 1, "v").substr(0, 5))},
      {"lone byte after entry", BinaryHeader(0, "", 9, good_ext + "x")},
  };
  for (const Case& c : cases) {
    Result<RemotingCommand> r = RemotingCommand::Decode(RawFrame(1, c.header));
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_TRUE(r.status().IsCorruption()) << c.what;
  }
  // The map length may be shorter than the header (Java ignores trailing bytes).
  RemotingCommand ok = MustDecode(RawFrame(1, BinaryHeader(0, "", 8, good_ext) + "tail"));
  EXPECT_EQ(ok.ext_fields().GetOr("k"), "v");
  // Zero-length key and value are legal; an unknown language byte becomes OTHER.
  std::string header = BinaryHeader(0, "", 6, ExtEntry(0, "", 0, ""));
  header[2] = static_cast<char>(200);
  RemotingCommand odd = MustDecode(RawFrame(1, header));
  EXPECT_EQ(odd.language(), LanguageCode::kOther);
  ASSERT_EQ(odd.ext_fields().size(), 1u);
  EXPECT_EQ(odd.ext_fields().entries()[0], ExtFields::Entry("", ""));
}

TEST(RemotingCommandTest, BinaryHeaderSignExtendsShorts) {
  std::string header = BinaryHeader(0, "", 0, "");
  header[0] = static_cast<char>(0xff);
  header[1] = static_cast<char>(0xfe);
  RemotingCommand cmd = MustDecode(RawFrame(1, header));
  EXPECT_EQ(cmd.code(), -2);
  EXPECT_TRUE(cmd.ext_fields_null());
  EXPECT_EQ(cmd.EncodeHeader(), header);
}

TEST(RemotingCommandTest, RandomBytesNeverCrashTheDecoder) {
  std::mt19937 rng(12345);
  RemotingCommand base = WorkedExample();
  base.set_remark(std::string("remark"));
  base.SetExtField("another", "value");
  for (SerializeType type : {SerializeType::kJson, SerializeType::kRocketMQ}) {
    base.set_serialize_type(type);
    const std::string good = FrameBody(base.Encode());
    for (int i = 0; i < 3000; ++i) {
      std::string mutated = good;
      const int flips = 1 + static_cast<int>(rng() % 4);
      for (int f = 0; f < flips; ++f) {
        mutated[rng() % mutated.size()] = static_cast<char>(rng() & 0xff);
      }
      if (rng() % 4 == 0) mutated.resize(rng() % mutated.size());
      Result<RemotingCommand> r = RemotingCommand::Decode(mutated);
      if (!r.ok()) {
        EXPECT_TRUE(r.status().IsCorruption()) << r.status().ToString();
      }
    }
  }
}

TEST(RemotingCommandTest, ConcurrentDecodingFromSeveralThreads) {
  // Transports decode on their own threads; the codec keeps no shared mutable state.
  RemotingCommand cmd = WorkedExample();
  cmd.SetExtField("a\\b", "\x01v");
  const std::string json = FrameBody(cmd.Encode());
  cmd.set_serialize_type(SerializeType::kRocketMQ);
  const std::string binary = FrameBody(cmd.Encode());
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        Result<RemotingCommand> r = RemotingCommand::Decode(i % 2 == 0 ? json : binary);
        if (r.ok() && r->ext_fields().GetOr("a\\b") == "\x01v") ++good[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(good[t], 200);
}

// ------------------------------------------------------------------------------------------------
// FrameDecoder.

std::vector<std::string> SampleFrames() {
  std::vector<std::string> frames;
  RemotingCommand a = WorkedExample();
  frames.push_back(a.Encode());
  a.set_serialize_type(SerializeType::kRocketMQ);
  a.set_body(std::string(1000, 'x'));
  frames.push_back(a.Encode());
  RemotingCommand b = RemotingCommand::CreateResponse(a, 0);
  frames.push_back(b.Encode());
  return frames;
}

TEST(FrameDecoderTest, SplitAtEveryByteBoundary) {
  const std::vector<std::string> frames = SampleFrames();
  std::string stream;
  for (const auto& f : frames) stream += f;
  for (size_t cut = 0; cut <= stream.size(); ++cut) {
    FrameDecoder decoder;
    std::vector<std::string> got;
    std::string frame;
    decoder.Feed(std::string_view(stream).substr(0, cut));
    while (decoder.Next(&frame)) got.push_back(frame);
    decoder.Feed(std::string_view(stream).substr(cut));
    while (decoder.Next(&frame)) got.push_back(frame);
    ASSERT_EQ(got.size(), frames.size()) << "cut at " << cut;
    for (size_t i = 0; i < frames.size(); ++i) EXPECT_EQ(got[i], FrameBody(frames[i]));
    EXPECT_EQ(decoder.buffered(), 0u);
    EXPECT_TRUE(decoder.error().ok());
  }
}

TEST(FrameDecoderTest, NextViewSeesEveryFrameWithoutCopying) {
  const std::vector<std::string> frames = SampleFrames();
  std::string stream;
  for (const auto& f : frames) stream += f;
  for (size_t cut = 0; cut <= stream.size(); cut += 3) {
    FrameDecoder decoder;
    std::vector<std::string> got;
    std::string_view view;
    decoder.Feed(std::string_view(stream).substr(0, cut));
    while (decoder.NextView(&view)) got.emplace_back(view);  // used before the next Feed
    decoder.Feed(std::string_view(stream).substr(cut));
    while (decoder.NextView(&view)) got.emplace_back(view);
    ASSERT_EQ(got.size(), frames.size()) << "cut at " << cut;
    for (size_t i = 0; i < frames.size(); ++i) EXPECT_EQ(got[i], FrameBody(frames[i]));
    EXPECT_EQ(decoder.buffered(), 0u);
  }
}

TEST(FrameDecoderTest, OneByteAtATime) {
  const std::vector<std::string> frames = SampleFrames();
  FrameDecoder decoder;
  std::vector<std::string> got;
  std::string frame;
  for (const auto& f : frames) {
    for (char c : f) {
      decoder.Feed(std::string_view(&c, 1));
      while (decoder.Next(&frame)) got.push_back(frame);
    }
  }
  ASSERT_EQ(got.size(), frames.size());
  for (size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(got[i], FrameBody(frames[i]));
    ExpectSameCommand(MustDecode(got[i]), MustDecode(FrameBody(frames[i])));
  }
}

TEST(FrameDecoderTest, SeveralFramesInOneChunkAndPartialTail) {
  const std::vector<std::string> frames = SampleFrames();
  std::string chunk;
  for (const auto& f : frames) chunk += f;
  chunk += frames[0].substr(0, 10);
  FrameDecoder decoder;
  decoder.Feed(chunk);
  std::string frame;
  for (const auto& f : frames) {
    ASSERT_TRUE(decoder.Next(&frame));
    EXPECT_EQ(frame, FrameBody(f));
  }
  EXPECT_FALSE(decoder.Next(&frame));
  EXPECT_EQ(decoder.buffered(), 10u);
  decoder.Feed(std::string_view(frames[0]).substr(10));
  ASSERT_TRUE(decoder.Next(&frame));
  EXPECT_EQ(frame, FrameBody(frames[0]));
  EXPECT_TRUE(decoder.error().ok());
}

TEST(FrameDecoderTest, LimitCountsTheWholeFrameLikeNetty) {
  // Netty: frameLength = lengthField + 4 must be <= maxFrameLength.
  std::string ok_len(4, '\0');
  EncodeFixed32BE(ok_len.data(), kMaxFrameLength - 4);
  FrameDecoder at_limit;
  at_limit.Feed(ok_len);
  std::string frame;
  EXPECT_FALSE(at_limit.Next(&frame));
  EXPECT_TRUE(at_limit.error().ok()) << "a frame of exactly 16 MiB is allowed";

  std::string too_long(4, '\0');
  EncodeFixed32BE(too_long.data(), kMaxFrameLength - 3);
  FrameDecoder over;
  over.Feed(too_long);
  EXPECT_FALSE(over.Next(&frame));
  EXPECT_TRUE(over.error().IsCorruption());
}

TEST(FrameDecoderTest, OversizeAndUndersizeAreStickyErrors) {
  for (uint32_t bad_len : {0u, 3u, 101u, 0xffffffffu}) {
    FrameDecoder decoder(100);
    std::string small(4, '\0');
    EncodeFixed32BE(small.data(), 4);
    small += std::string("\0\0\0\0", 4);  // a minimal legal frame: empty JSON header word only
    decoder.Feed(small);
    std::string frame;
    ASSERT_TRUE(decoder.Next(&frame));
    EXPECT_EQ(frame.size(), 4u);

    std::string header(4, '\0');
    EncodeFixed32BE(header.data(), bad_len);
    decoder.Feed(header);
    EXPECT_FALSE(decoder.Next(&frame)) << bad_len;
    EXPECT_TRUE(decoder.error().IsCorruption()) << bad_len;
    decoder.Feed(small);  // later bytes change nothing
    EXPECT_FALSE(decoder.Next(&frame));
    EXPECT_TRUE(decoder.error().IsCorruption());
  }
}

}  // namespace
}  // namespace rocketmq::remoting
