// Java parsing of option values (tools/admin/option_values).
#include <cstdlib>
#include <ctime>
#include <limits>

#include <gtest/gtest.h>

#include "tools/admin/command_error.h"
#include "tools/admin/option_values.h"

namespace rocketmq::admin::tools {
namespace {

TEST(OptionValues, TrimAndBoolean) {
  EXPECT_EQ(JavaTrim("  a b \t\n"), "a b");
  EXPECT_EQ(JavaTrim(""), "");
  EXPECT_TRUE(JavaParseBoolean("true"));
  EXPECT_TRUE(JavaParseBoolean("TrUe"));
  EXPECT_FALSE(JavaParseBoolean(" true"));
  EXPECT_FALSE(JavaParseBoolean("yes"));
  EXPECT_FALSE(JavaParseBoolean("1"));
}

TEST(OptionValues, Numbers) {
  EXPECT_EQ(JavaParseInt("8"), 8);
  EXPECT_EQ(JavaParseInt("+8"), 8);
  EXPECT_EQ(JavaParseInt("-2147483648"), -2147483648LL);
  EXPECT_EQ(JavaParseLong("9223372036854775807"), 9223372036854775807LL);
  EXPECT_EQ(JavaParseLong("-9223372036854775808"), std::numeric_limits<int64_t>::min());
  try {
    JavaParseInt("2147483648");
    ADD_FAILURE();
  } catch (const CommandError& e) {
    EXPECT_STREQ(e.what(), "For input string: \"2147483648\"");
  }
  EXPECT_THROW(JavaParseInt(" 8"), CommandError);
  EXPECT_THROW(JavaParseInt(""), CommandError);
  EXPECT_THROW(JavaParseInt("-"), CommandError);
  EXPECT_THROW(JavaParseLong("9223372036854775808"), CommandError);
  EXPECT_THROW(JavaParseLong("1.5"), CommandError);
}

class OptionValuesDateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tz = std::getenv("TZ");
    had_tz_ = tz != nullptr;
    saved_ = tz ? tz : "";
    ::setenv("TZ", "UTC", 1);
    ::tzset();
  }
  void TearDown() override {
    if (had_tz_) {
      ::setenv("TZ", saved_.c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }

 private:
  bool had_tz_ = false;
  std::string saved_;
};

TEST_F(OptionValuesDateTest, TimestampPattern) {
  EXPECT_EQ(ParseJavaDate("2026-12-07#17:57:00:123", kTimestampPattern), 1796666220123);
  EXPECT_EQ(ParseJavaDate("2026-12-07#17:57:00:5", kTimestampPattern), 1796666220005);
  // Lenient like Java: month 13 is January of the next year; trailing text is ignored.
  EXPECT_EQ(ParseJavaDate("2026-13-01#00:00:00:000", kTimestampPattern),
            ParseJavaDate("2027-01-01#00:00:00:000", kTimestampPattern));
  EXPECT_EQ(ParseJavaDate("2026-12-07#17:57:00:123xyz", kTimestampPattern), 1796666220123);
  EXPECT_EQ(ParseJavaDate("2026-12-07 17:57:00", kTimestampPattern), std::nullopt);
  EXPECT_EQ(ParseJavaDate("2026-12-07#17:57", kTimestampPattern), std::nullopt);
  EXPECT_EQ(ParseJavaDate("20261207175700", "yyyyMMddHHmmss"), 1796666220000);
}

}  // namespace
}  // namespace rocketmq::admin::tools
