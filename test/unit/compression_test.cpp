// zlib body compression (protocol.md §3.5).
#include "common/compression.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "support/vectors.h"

namespace rocketmq {
namespace {

std::string Pattern5K() {
  std::string body;
  for (int i = 0; i < 320; ++i) body += "0123456789abcdef";
  return body;
}

// The SEND_MESSAGE_V2 request of the 5 KiB message (sysFlag 769) in 02a-producer.jsonl.
std::string CompressedBodyFromVectors() {
  for (const auto& frame : test::LoadFrames("02a-producer.jsonl")) {
    if (frame.is_request && frame.code_name == "SEND_MESSAGE_V2" &&
        frame.header["extFields"]["f"].asString() == "769") {
      return frame.body;
    }
  }
  ADD_FAILURE() << "no compressed send in 02a-producer.jsonl";
  return {};
}

TEST(CompressionTest, RoundTripsVariousInputs) {
  std::mt19937 rng(42);
  for (size_t size : {0u, 1u, 100u, 4096u, 70000u, 300000u}) {
    std::string data(size, '\0');
    for (auto& c : data) c = static_cast<char>(rng() % 7);  // compressible but not trivial
    for (int level : {-1, 0, 1, 5, 9}) {
      auto packed = ZlibCompress(data, level);
      ASSERT_TRUE(packed.ok()) << packed.status().ToString();
      auto unpacked = ZlibDecompress(*packed);
      ASSERT_TRUE(unpacked.ok()) << unpacked.status().ToString();
      EXPECT_EQ(*unpacked, data) << "size " << size << " level " << level;
    }
  }
}

TEST(CompressionTest, Level5OutputIsByteIdenticalToJavaDeflater) {
  std::string java = CompressedBodyFromVectors();
  ASSERT_EQ(java.size(), 51u);
  EXPECT_EQ(static_cast<uint8_t>(java[0]), 0x78);
  EXPECT_EQ(static_cast<uint8_t>(java[1]), 0x5e);
  auto ours = ZlibCompress(Pattern5K());
  ASSERT_TRUE(ours.ok());
  EXPECT_EQ(test::HexEncode(*ours), test::HexEncode(java));
}

TEST(CompressionTest, DecompressesJavaBody) {
  auto plain = ZlibDecompress(CompressedBodyFromVectors());
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(*plain, Pattern5K());
}

TEST(CompressionTest, TruncatedStreamIsCorruption) {
  auto packed = ZlibCompress(Pattern5K());
  ASSERT_TRUE(packed.ok());
  for (size_t n = 0; n < packed->size(); ++n) {
    auto r = ZlibDecompress(packed->substr(0, n));
    EXPECT_TRUE(r.status().IsCorruption()) << "prefix " << n;
  }
}

TEST(CompressionTest, GarbageIsCorruption) {
  EXPECT_TRUE(ZlibDecompress("this is not zlib at all").status().IsCorruption());
  auto packed = ZlibCompress(Pattern5K());
  ASSERT_TRUE(packed.ok());
  std::string damaged = *packed;
  damaged[damaged.size() - 2] ^= 0x55;  // Adler-32 trailer
  EXPECT_TRUE(ZlibDecompress(damaged).status().IsCorruption());
}

TEST(CompressionTest, TrailingBytesAfterStreamAreIgnored) {
  auto packed = ZlibCompress("hello");
  ASSERT_TRUE(packed.ok());
  auto plain = ZlibDecompress(*packed + "trailing");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "hello");
}

TEST(CompressionTest, OutputCapRefusesZipBomb) {
  std::string zeros(1 << 20, '\0');
  auto packed = ZlibCompress(zeros, 9);
  ASSERT_TRUE(packed.ok());
  EXPECT_LT(packed->size(), 2000u);
  EXPECT_TRUE(ZlibDecompress(*packed, (1 << 20) - 1).status().IsCorruption());
  auto exact = ZlibDecompress(*packed, 1 << 20);
  ASSERT_TRUE(exact.ok()) << exact.status().ToString();
  EXPECT_EQ(exact->size(), zeros.size());
  EXPECT_TRUE(ZlibDecompress(*packed, 0).status().IsCorruption());
}

TEST(CompressionTest, BadLevelIsInvalidArgument) {
  EXPECT_TRUE(ZlibCompress("x", 10).status().IsInvalidArgument());
  EXPECT_TRUE(ZlibCompress("x", -2).status().IsInvalidArgument());
}

}  // namespace
}  // namespace rocketmq
