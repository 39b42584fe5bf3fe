// The public log-sink API (include/rocketmq/logging.h) over the library's RMQ_LOG: by default
// WARN and above go to stderr and nothing else; an application callback gets every record at or
// above the level, with its source file and line, and nothing below; ResetLogging() and an empty
// callback bring back the stderr default; a replaced callback is never called again.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "common/logging.h"
#include "rocketmq/logging.h"

namespace rocketmq {
namespace {

struct Captured {
  LogLevel level;
  std::string file;
  int line;
  std::string message;
};

class LoggingTest : public ::testing::Test {
 protected:
  void SetUp() override { ResetLogging(); }
  void TearDown() override { ResetLogging(); }

  // Installs a callback that appends to records_.
  void Capture() {
    SetLogCallback([this](LogLevel level, const char* file, int line, std::string_view message) {
      std::lock_guard<std::mutex> lock(mu_);
      records_.push_back({level, file, line, std::string(message)});
    });
  }

  std::mutex mu_;
  std::vector<Captured> records_;  // guarded by mu_
};

constexpr LogLevel kAllLevels[] = {LogLevel::kTrace, LogLevel::kDebug, LogLevel::kInfo,
                                   LogLevel::kWarn, LogLevel::kError};

// One record at each level, message "<level name> record".
void LogOneOfEach() {
  RMQ_LOG(kTrace) << "TRACE record";
  RMQ_LOG(kDebug) << "DEBUG record";
  RMQ_LOG(kInfo) << "INFO record";
  RMQ_LOG(kWarn) << "WARN record";
  RMQ_LOG(kError) << "ERROR record";
}

TEST_F(LoggingTest, DefaultIsWarnAndAboveOnStderr) {
  EXPECT_EQ(GetLogLevel(), LogLevel::kWarn);
  ::testing::internal::CaptureStderr();
  LogOneOfEach();
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.find("TRACE record"), std::string::npos) << err;
  EXPECT_EQ(err.find("DEBUG record"), std::string::npos) << err;
  EXPECT_EQ(err.find("INFO record"), std::string::npos) << err;
  // One line each, in the default format: date, time, level, thread id, file:line, message.
  const std::regex line(
      R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (WARN |ERROR) \[\d+\] logging_test\.cpp:\d+ (WARN|ERROR) record)");
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = err.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(err.substr(start, nl - start));
  }
  EXPECT_EQ(start, err.size()) << "every record ends with a newline";
  ASSERT_EQ(lines.size(), 2u) << err;
  for (const auto& l : lines) EXPECT_TRUE(std::regex_match(l, line)) << l;
  EXPECT_NE(lines[0].find("WARN record"), std::string::npos);
  EXPECT_NE(lines[1].find("ERROR record"), std::string::npos);
}

TEST_F(LoggingTest, CallbackGetsRecordsAtOrAboveTheLevelAndNothingBelow) {
  for (LogLevel threshold : {LogLevel::kTrace, LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn,
                             LogLevel::kError, LogLevel::kOff}) {
    SCOPED_TRACE(LogLevelName(threshold));
    records_.clear();
    SetLogLevel(threshold);
    Capture();
    ::testing::internal::CaptureStderr();
    LogOneOfEach();
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << "a callback replaces stderr";
    std::vector<LogLevel> expected;
    for (LogLevel l : kAllLevels) {
      if (static_cast<int>(l) >= static_cast<int>(threshold)) expected.push_back(l);
    }
    ASSERT_EQ(records_.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(records_[i].level, expected[i]);
      EXPECT_EQ(records_[i].file, "logging_test.cpp");
      EXPECT_GT(records_[i].line, 0);
      EXPECT_EQ(records_[i].message, std::string(LogLevelName(expected[i])) + " record");
    }
  }
}

TEST_F(LoggingTest, CallbackSeesTheLoggingLine) {
  SetLogLevel(LogLevel::kInfo);
  Capture();
  const int line = __LINE__ + 1;
  RMQ_LOG(kInfo) << "connect to "
                 << "127.0.0.1:9876"
                 << " failed: " << 42;
  ASSERT_EQ(records_.size(), 1u);
  EXPECT_EQ(records_[0].line, line);
  EXPECT_EQ(records_[0].message, "connect to 127.0.0.1:9876 failed: 42");
  const std::string formatted = FormatLogRecord(records_[0].level, records_[0].file.c_str(),
                                                records_[0].line, records_[0].message);
  EXPECT_NE(formatted.find(" INFO  ["), std::string::npos) << formatted;
  EXPECT_NE(formatted.find("] logging_test.cpp:" + std::to_string(line) +
                           " connect to 127.0.0.1:9876 failed: 42"),
            std::string::npos)
      << formatted;
}

TEST_F(LoggingTest, EmptyCallbackAndResetBringBackStderr) {
  SetLogLevel(LogLevel::kDebug);
  Capture();
  SetLogCallback(nullptr);
  ::testing::internal::CaptureStderr();
  RMQ_LOG(kDebug) << "debug after the callback was removed";
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("DEBUG ["), std::string::npos) << err;
  EXPECT_NE(err.find("debug after the callback was removed"), std::string::npos) << err;

  Capture();
  ResetLogging();
  EXPECT_EQ(GetLogLevel(), LogLevel::kWarn);
  ::testing::internal::CaptureStderr();
  RMQ_LOG(kInfo) << "info after reset";
  RMQ_LOG(kWarn) << "warn after reset";
  err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.find("info after reset"), std::string::npos) << err;
  EXPECT_NE(err.find("warn after reset"), std::string::npos) << err;
  EXPECT_TRUE(records_.empty()) << "the removed callback got a record";
}

TEST_F(LoggingTest, ReplacedCallbackIsNeverCalledAgain) {
  SetLogCallback([](LogLevel, const char*, int, std::string_view) {});
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    while (!stop.load()) RMQ_LOG(kWarn) << "busy";
  });
  for (int round = 0; round < 200; ++round) {
    auto calls = std::make_shared<std::atomic<int>>(0);
    auto replaced = std::make_shared<std::atomic<bool>>(false);
    auto late = std::make_shared<std::atomic<int>>(0);
    SetLogCallback([calls, replaced, late](LogLevel, const char*, int, std::string_view) {
      calls->fetch_add(1);
      if (replaced->load()) late->fetch_add(1);
    });
    SetLogCallback([](LogLevel, const char*, int, std::string_view) {});
    replaced->store(true);
    std::this_thread::yield();
    EXPECT_EQ(late->load(), 0) << "round " << round;
  }
  stop.store(true);
  writer.join();
}

TEST_F(LoggingTest, ParsesLevelNamesInAnyCase) {
  LogLevel level = LogLevel::kError;
  for (LogLevel l : {LogLevel::kTrace, LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn,
                     LogLevel::kError, LogLevel::kOff}) {
    ASSERT_TRUE(ParseLogLevel(LogLevelName(l), &level));
    EXPECT_EQ(level, l);
  }
  ASSERT_TRUE(ParseLogLevel("debug", &level));
  EXPECT_EQ(level, LogLevel::kDebug);
  ASSERT_TRUE(ParseLogLevel("Info", &level));
  EXPECT_EQ(level, LogLevel::kInfo);
  EXPECT_FALSE(ParseLogLevel("verbose", &level));
  EXPECT_FALSE(ParseLogLevel("", &level));
  EXPECT_EQ(level, LogLevel::kInfo) << "untouched on failure";
}

}  // namespace
}  // namespace rocketmq
