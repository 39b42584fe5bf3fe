// The fast JSON header path (json_header_fast.h) against the general jsoncpp decoder: on every
// captured Java frame and on generated headers, whenever the fast path accepts a header it must
// produce exactly the command the general decoder produces, and it must accept the headers that
// clients and servers really send (so the speed-up applies).
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/byte_order.h"
#include "remoting/json_header_fast.h"
#include "remoting/remoting_command.h"
#include "support/vectors.h"

namespace rocketmq::remoting {
namespace {

void ExpectSameCommand(const RemotingCommand& a, const RemotingCommand& b,
                       const std::string& what) {
  EXPECT_EQ(a.code(), b.code()) << what;
  EXPECT_EQ(a.language(), b.language()) << what;
  EXPECT_EQ(a.version(), b.version()) << what;
  EXPECT_EQ(a.opaque(), b.opaque()) << what;
  EXPECT_EQ(a.flag(), b.flag()) << what;
  EXPECT_EQ(a.remark(), b.remark()) << what;
  EXPECT_EQ(a.ext_fields_null(), b.ext_fields_null()) << what;
  EXPECT_EQ(a.ext_fields().entries(), b.ext_fields().entries()) << what;
  EXPECT_EQ(a.serialize_type(), b.serialize_type()) << what;
}

// Runs both decoders; returns whether the fast path accepted the header.
bool CompareDecoders(const std::string& header) {
  RemotingCommand fast;
  const bool accepted = DecodeFlatJsonHeader(header, &fast);
  Result<RemotingCommand> general = DecodeJsonHeaderGeneral(header);
  if (accepted) {
    EXPECT_TRUE(general.ok()) << "fast path accepted what the general decoder refuses: " << header;
    if (general.ok()) ExpectSameCommand(fast, *general, header);
  }
  return accepted;
}

TEST(JsonHeaderFastTest, EveryJavaJsonFrameTakesTheFastPathWithTheSameResult) {
  size_t json_frames = 0;
  for (const rocketmq::test::VectorFrame& f : rocketmq::test::LoadAllFrames()) {
    if (f.serialize_type != 0) continue;
    const std::string_view body = std::string_view(f.frame).substr(4);
    const uint32_t header_len = DecodeFixed32BE(body.data()) & 0x00FFFFFF;
    const std::string header(body.substr(4, header_len));
    EXPECT_TRUE(CompareDecoders(header)) << f.Where() << " declined: " << header;
    ++json_frames;
  }
  EXPECT_GT(json_frames, 400u);
}

TEST(JsonHeaderFastTest, OurOwnEncodingTakesTheFastPath) {
  RemotingCommand cmd = RemotingCommand::CreateRequest(310);
  cmd.set_opaque(-7);
  cmd.set_remark(std::string("line\nbreak \"quoted\" \\ tab\t \x01\x02 caf\xc3\xa9"));
  cmd.SetExtField("a", "producer");
  cmd.SetExtField("i", std::string("KEYS\x01k1\x02TAGS\x01t\x02UNIQ_KEY\x01"
                                   "AB\x02"));
  cmd.SetExtField("e", "0");
  cmd.SetExtField("\xe2\x82\xac", "\x7f");
  std::string header = cmd.EncodeHeader();
  EXPECT_TRUE(CompareDecoders(header));
  cmd.set_ext_fields_null();
  EXPECT_TRUE(CompareDecoders(cmd.EncodeHeader()));
  cmd.mutable_ext_fields();  // empty, not null
  EXPECT_TRUE(CompareDecoders(cmd.EncodeHeader()));
}

TEST(JsonHeaderFastTest, HandWrittenShapes) {
  // Accepted: whitespace, any key order, numeric strings, integer/boolean ext values, unknown
  // scalar members, null remark and extFields, \u escapes outside the surrogate range.
  const std::vector<std::string> accepted = {
      "{}",
      R"( { "version" : 317, "language":"KLINGON", "opaque":-5, "flag":2, "code":14 } )",
      R"({"code":"12","opaque":"-3","flag":"+1","version":"0"})",
      R"({"code":1,"extFields":{"q":3,"big":12345678901234,"b":true,"c":false,"z":-0}})",
      R"({"code":1,"remark":null,"extFields":null,"x":null,"y":1.5e3,"w":"s","v":true})",
      R"({"code":1,"extFields":{"k\u00e9":"\u20ac\u0001\u0000","s\/":"\b\f\n\r\t"}})",
      R"({"code":1,"extFields":{"a":"1","b":"2","a":"3"}})",
      R"({"co\u0064e":5})",
      R"({"code":2147483647,"opaque":-2147483648})",
  };
  for (const std::string& h : accepted) EXPECT_TRUE(CompareDecoders(h)) << h;

  // Declined (the general decoder decides, possibly with an error).
  const std::vector<std::string> declined = {
      "",
      "{",
      "[1]",
      R"({"code":1.0})",
      R"({"code":2147483648})",
      R"({"code":"x"})",
      R"({"code":1,"code":2})",
      R"({"language":null})",
      R"({"language":1})",
      R"({"remark":5})",
      R"({"extFields":"x"})",
      R"({"extFields":[]})",
      R"({"extFields":{"a":null}})",
      R"({"extFields":{"a":1.5}})",
      R"({"extFields":{"a":{"b":"c"}}})",
      R"({"unknown":[1,2]})",
      R"({"unknown":{"a":1}})",
      R"({"code":1} trailing)",
      R"({'code':1})",
      R"({"remark":"\ud83d\ude00"})",
      R"({"remark":"\x"})",
      "{\"remark\":\"raw\ncontrol\"}",
      R"({"code":01})",
      R"({"code":-})",
      R"({"code":1,})",
  };
  for (const std::string& h : declined) {
    RemotingCommand unused;
    EXPECT_FALSE(DecodeFlatJsonHeader(h, &unused)) << h;
  }
}

TEST(JsonHeaderFastTest, GeneratedHeadersAgree) {
  std::mt19937 rng(20261208);
  const std::vector<std::string> pieces = {"{",          "}",
                                           ",",          ":",
                                           "\"code\"",   "\"extFields\"",
                                           "\"remark\"", "\"a\"",
                                           "\"\"",       "1",
                                           "-1",         "0",
                                           "1.5",        "true",
                                           "false",      "null",
                                           " ",          "\"\\u0041\"",
                                           "\"\\n\"",    "[",
                                           "]",          "\"language\"",
                                           "\"CPP\"",    "2147483648",
                                           "\"7\""};
  size_t accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string h;
    const int n = 1 + static_cast<int>(rng() % 14);
    for (int k = 0; k < n; ++k) h += pieces[rng() % pieces.size()];
    if (CompareDecoders(h)) ++accepted;
  }
  // Structured mutations of a valid header.
  const std::string base =
      R"({"code":10,"extFields":{"a":"x","b":"3","c":"\u0001"},"flag":0,"language":"JAVA",)"
      R"("opaque":5,"remark":"r","serializeTypeCurrentRPC":"JSON","version":409})";
  EXPECT_TRUE(CompareDecoders(base));
  for (int i = 0; i < 20000; ++i) {
    std::string h = base;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t pos = rng() % h.size();
      switch (rng() % 3) {
        case 0:
          h.erase(pos, 1);
          break;
        case 1:
          h.insert(pos, 1, "{}[],:\"\\ 0a-"[rng() % 13]);
          break;
        default:
          h[pos] = "{}[],:\"\\ 0a-"[rng() % 13];
      }
    }
    if (CompareDecoders(h)) ++accepted;
  }
  EXPECT_GT(accepted, 100u);
}

}  // namespace
}  // namespace rocketmq::remoting
