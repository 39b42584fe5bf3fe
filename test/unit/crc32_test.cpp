// CRC32 as RocketMQ's BODYCRC and NameServer bodyCrc32 (protocol.md §3.7).
#include "common/crc32.h"

#include <gtest/gtest.h>

#include <string>

#include "support/vectors.h"

namespace rocketmq {
namespace {

TEST(Crc32Test, StandardCheckValue) {
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(Crc32(""), 0u);
}

TEST(Crc32Test, RocketmqCrcIsMaskedTo31Bits) {
  EXPECT_EQ(RocketmqCrc32("123456789"), 0x4BF43926);
  EXPECT_EQ(RocketmqCrc32(""), 0);
  // A value whose raw CRC has the top bit set stays non-negative.
  for (int i = 0; i < 64; ++i) {
    std::string data(static_cast<size_t>(i), static_cast<char>('a' + i % 26));
    EXPECT_GE(RocketmqCrc32(data), 0);
    EXPECT_EQ(static_cast<uint32_t>(RocketmqCrc32(data)), Crc32(data) & 0x7FFFFFFFu);
  }
}

TEST(Crc32Test, MatchesStoredBodyCrcOfJavaBroker) {
  // store-clean.decoded.json, record 0: body "message 0 to VecStoreTopic", bodyCRC 1227750958.
  EXPECT_EQ(RocketmqCrc32("message 0 to VecStoreTopic"), 1227750958);
  EXPECT_EQ(RocketmqCrc32("message 1 to VecStoreTopic"), 645875919);
}

TEST(Crc32Test, MatchesRegisterBrokerBodyCrc32Header) {
  int checked = 0;
  for (const auto& frame : test::LoadAllFrames()) {
    if (!frame.is_request || frame.code_name != "REGISTER_BROKER") continue;
    const Json::Value& ext = frame.header["extFields"];
    ASSERT_TRUE(ext.isMember("bodyCrc32")) << frame.Where();
    EXPECT_EQ(std::to_string(RocketmqCrc32(frame.body)), ext["bodyCrc32"].asString())
        << frame.Where();
    ++checked;
  }
  EXPECT_GE(checked, 4);
}

}  // namespace
}  // namespace rocketmq
