// Offset message ids and UNIQ_KEYs (protocol.md §4).
#include "common/message_id.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <set>
#include <thread>
#include <vector>

namespace rocketmq {
namespace {

// Runs the test body in UTC so month boundaries are predictable; restores TZ afterwards.
class ScopedUtc {
 public:
  ScopedUtc() {
    const char* old = std::getenv("TZ");
    had_ = old != nullptr;
    if (had_) old_ = old;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  ~ScopedUtc() {
    if (had_) {
      setenv("TZ", old_.c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }

 private:
  bool had_ = false;
  std::string old_;
};

const std::string kIpv4("\x0A\x00\x00\x01", 4);
const std::string kFd002("\xFD\x00\0\0\0\0\0\0\0\0\0\0\0\0\0\x02", 16);

// 2026-11-01T00:00:00Z and 2026-12-01T00:00:00Z in epoch ms.
constexpr int64_t kNov1 = 1793491200000;
constexpr int64_t kDec1 = 1796083200000;

TEST(OffsetMessageIdTest, ProtocolExample) {
  auto host = SocketAddress::FromBytes(kIpv4, 10911);
  ASSERT_TRUE(host.ok());
  EXPECT_EQ(CreateOffsetMessageId(*host, 0x12345), "0A00000100002A9F0000000000012345");
}

TEST(OffsetMessageIdTest, RoundTripIpv4AndIpv6) {
  auto v4 = SocketAddress::Parse("127.0.0.1:20911");
  ASSERT_TRUE(v4.ok());
  EXPECT_EQ(CreateOffsetMessageId(*v4, 245), "7F000001000051AF00000000000000F5");
  auto v6 = SocketAddress::FromBytes(kFd002, 10911);
  ASSERT_TRUE(v6.ok());
  std::string id6 = CreateOffsetMessageId(*v6, INT64_MAX);
  EXPECT_EQ(id6, "FD00000000000000000000000000000200002A9F7FFFFFFFFFFFFFFF");
  for (const auto& [addr, offset] :
       std::vector<std::pair<SocketAddress, int64_t>>{{*v4, 245}, {*v6, INT64_MAX}}) {
    auto decoded = DecodeOffsetMessageId(CreateOffsetMessageId(addr, offset));
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    EXPECT_EQ(decoded->address, addr);
    EXPECT_EQ(decoded->offset, offset);
  }
}

TEST(OffsetMessageIdTest, DecodeAcceptsLowercase) {
  auto decoded = DecodeOffsetMessageId("7f000001000051af00000000000000f5");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->address.ToString(), "127.0.0.1:20911");
  EXPECT_EQ(decoded->offset, 245);
}

TEST(OffsetMessageIdTest, DecodeRejectsBadInput) {
  for (const char* id : {"", "7F", "7F000001000051AF00000000000000F",
                         "7F000001000051AF00000000000000F50", "7G000001000051AF00000000000000F5"}) {
    EXPECT_TRUE(DecodeOffsetMessageId(id).status().IsInvalidArgument()) << id;
  }
}

TEST(UniqueIdTest, ParsesJavaProducerKey) {
  // 02a-producer.jsonl, first send: the Java 4.9.8 client on a host whose address is fd00::2.
  auto info = ParseUniqueId("FD0000000000000000000000000000023D0E30946E096C2A7CF00000");
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->ip, kFd002);
  EXPECT_EQ(info->IpToString(), "fd00::2");
  EXPECT_EQ(info->pid, 0x3D0E);
  EXPECT_EQ(info->class_loader_hash, 0x30946E09);
  EXPECT_EQ(info->ms_in_month, 0x6C2A7CF0);
  EXPECT_EQ(info->counter, 0);
}

TEST(UniqueIdTest, NearlyTimeUsesCurrentOrPreviousMonth) {
  ScopedUtc utc;
  UniqueIdInfo info;
  info.ms_in_month = 0x6C2A7CF0;  // 21 days 00:05:23.824
  const int64_t created = kNov1 + 0x6C2A7CF0;
  EXPECT_EQ(NearlyTimeFromUniqueId(info, created + 60000), created);
  // Read back early in December: the id is from November.
  EXPECT_EQ(NearlyTimeFromUniqueId(info, kDec1 + 1000), created);
}

TEST(UniqueIdTest, LocalMonthStart) {
  ScopedUtc utc;
  EXPECT_EQ(LocalMonthStartMs(kNov1), kNov1);
  EXPECT_EQ(LocalMonthStartMs(kNov1 + 25LL * 86400000 + 123), kNov1);
  EXPECT_EQ(LocalMonthStartMs(kDec1 - 1), kNov1);
  EXPECT_EQ(LocalMonthStartMs(kDec1), kDec1);
}

TEST(UniqueIdTest, GeneratorWritesExactLayout) {
  ScopedUtc utc;
  int64_t now = kNov1 + 0x6C2A7CF0;
  UniqueIdGenerator gen(kFd002, 0x3D0E, 0x30946E09, [&now] { return now; });
  EXPECT_EQ(gen.Next(), "FD0000000000000000000000000000023D0E30946E096C2A7CF00000");
  now += 0x10;
  EXPECT_EQ(gen.Next(), "FD0000000000000000000000000000023D0E30946E096C2A7D000001");

  UniqueIdGenerator gen4(std::string("\xC0\x00\x02\x02", 4), 0xFFFF, -1, [] { return kNov1 + 5; });
  std::string id = gen4.Next();
  EXPECT_EQ(id, "C0000202FFFFFFFFFFFF000000050000");
  auto info = ParseUniqueId(id);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->IpToString(), "192.0.2.2");
  EXPECT_EQ(info->pid, 0xFFFF);
  EXPECT_EQ(info->class_loader_hash, -1);
  EXPECT_EQ(info->ms_in_month, 5);
}

TEST(UniqueIdTest, CounterWrapsAt16Bits) {
  UniqueIdGenerator gen(kIpv4, 1, 2, [] { return kNov1; });
  std::string first = gen.Next();
  for (int i = 1; i < 65536; ++i) gen.Next();
  EXPECT_EQ(gen.Next().substr(28), "0000");
  EXPECT_EQ(first.substr(28), "0000");
}

TEST(UniqueIdTest, MonthRollOverResetsTime) {
  ScopedUtc utc;
  int64_t now = kDec1 - 1;
  UniqueIdGenerator gen(kIpv4, 1, 2, [&now] { return now; });
  auto before = ParseUniqueId(gen.Next());
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->ms_in_month, static_cast<int32_t>(kDec1 - 1 - kNov1));
  now = kDec1 + 7;
  auto after = ParseUniqueId(gen.Next());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->ms_in_month, 7);
}

TEST(UniqueIdTest, SmallClockStepBackGivesZero) {
  ScopedUtc utc;
  int64_t now = kNov1 + 10;
  UniqueIdGenerator gen(kIpv4, 1, 2, [&now] { return now; });
  gen.Next();
  now = kNov1 - 5000;  // NTP step back across the month start
  auto info = ParseUniqueId(gen.Next());
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->ms_in_month, 0);
}

TEST(UniqueIdTest, ParseRejectsBadInput) {
  EXPECT_TRUE(ParseUniqueId("").status().IsInvalidArgument());
  EXPECT_TRUE(ParseUniqueId("FD00").status().IsInvalidArgument());
  EXPECT_TRUE(ParseUniqueId("ZZ0000000000000000000000000000023D0E30946E096C2A7CF00000")
                  .status()
                  .IsInvalidArgument());
}

TEST(UniqueIdTest, DefaultGeneratorIsUniqueAcrossThreads) {
  UniqueIdGenerator& gen = UniqueIdGenerator::Default();
  EXPECT_EQ(&gen, &UniqueIdGenerator::Default());
  std::string ip = LocalAddressForUniqueId();
  EXPECT_TRUE(ip.size() == 4 || ip.size() == 16);
  std::vector<std::vector<std::string>> ids(4);
  std::vector<std::thread> threads;
  for (auto& out : ids) {
    threads.emplace_back([&gen, &out] {
      for (int i = 0; i < 2000; ++i) out.push_back(gen.Next());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& out : ids) {
    for (const auto& id : out) {
      EXPECT_TRUE(id.size() == 32 || id.size() == 56) << id;
      EXPECT_TRUE(ParseUniqueId(id).ok()) << id;
      all.insert(id);
    }
  }
  EXPECT_EQ(all.size(), 8000u);
}

}  // namespace
}  // namespace rocketmq
