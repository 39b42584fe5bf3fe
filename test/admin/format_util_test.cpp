// Java texts of tools/admin/format_util (dates, doubles, printf).
#include <cstdlib>
#include <ctime>

#include <gtest/gtest.h>

#include "tools/admin/format_util.h"

namespace rocketmq::admin::tools {
namespace {

// Runs the test body in UTC, restoring TZ afterwards.
class FormatUtilTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tz = std::getenv("TZ");
    saved_ = tz ? tz : "";
    had_tz_ = tz != nullptr;
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
  std::string saved_;
  bool had_tz_ = false;
};

TEST_F(FormatUtilTest, Dates) {
  const int64_t ms = 1796666220123;  // 2026-12-07 17:57:00.123 UTC
  EXPECT_EQ(FormatDateTime(ms), "2026-12-07 17:57:00");
  EXPECT_EQ(FormatDateTimeMillis(ms), "2026-12-07 17:57:00,123");
  EXPECT_EQ(FormatJavaDate(ms, "yyyy-MM-dd#HH:mm:ss:SSS"), "2026-12-07#17:57:00:123");
  EXPECT_EQ(FormatJavaDate(ms, kDateTimePattern, 8 * 60), "2026-12-08 01:57:00");  // GMT+8
  EXPECT_EQ(JavaDateToString(ms), "Mon Dec 07 17:57:00 UTC 2026");
  EXPECT_EQ(FormatDateTimeMillis(-1), "1969-12-31 23:59:59,999");
  EXPECT_EQ(FormatDateTimeMillis(0), "1970-01-01 00:00:00,000");
  EXPECT_EQ(FormatJavaDate(ms, "'at' HH 'o''clock'"), "at 17 o'clock");
}

TEST(FormatUtil, JavaDouble) {
  EXPECT_EQ(JavaDouble(1.0), "1.0");
  EXPECT_EQ(JavaDouble(0.22), "0.22");
  EXPECT_EQ(JavaDouble(-3.5), "-3.5");
  EXPECT_EQ(JavaDouble(100.0), "100.0");
  EXPECT_EQ(JavaDouble(1234567.0), "1234567.0");
  EXPECT_EQ(JavaDouble(1e7), "1.0E7");
  EXPECT_EQ(JavaDouble(12345678.9), "1.23456789E7");
  EXPECT_EQ(JavaDouble(0.001), "0.001");
  EXPECT_EQ(JavaDouble(0.00015), "1.5E-4");
  EXPECT_EQ(JavaDouble(0.0), "0.0");
  EXPECT_EQ(JavaDouble(-0.0), "-0.0");
}

TEST(FormatUtil, JavaFixedRoundsTheDecimalFormHalfUp) {
  EXPECT_EQ(JavaFixed(1.005, 2), "1.01");  // printf gives 1.00
  EXPECT_EQ(JavaFixed(0.125, 2), "0.13");  // printf gives 0.12
  EXPECT_EQ(JavaFixed(0.5, 0), "1");
  EXPECT_EQ(JavaFixed(0.22, 4), "0.2200");
  EXPECT_EQ(JavaFixed(499073.8849, 2), "499073.88");
  EXPECT_EQ(JavaFixed(9.999, 2), "10.00");
  EXPECT_EQ(JavaFixed(0.0, 2), "0.00");
  EXPECT_EQ(JavaFixed(-1.5, 1), "-1.5");
  EXPECT_EQ(JavaFixed(0.0004, 2), "0.00");
  EXPECT_EQ(JavaFixed(123.0, 0), "123");
}

TEST(FormatUtil, StrFormat) {
  EXPECT_EQ(StrFormat("   %-20s %s", "updateTopic", "Update or create topic"),
            "   updateTopic          Update or create topic");
  EXPECT_EQ(StrFormat("%d|%s", 42, JavaBool(true)), "42|true");
  EXPECT_EQ(StrFormat("%s", std::string(5000, 'x').c_str()).size(), 5000u);
}

}  // namespace
}  // namespace rocketmq::admin::tools
