#include "common/properties.h"

#include <gtest/gtest.h>

#include "support/vectors.h"

namespace rocketmq {
namespace {

TEST(PropertiesTest, ParsesJavaSyntax) {
  Properties p = Properties::Parse(
      "# comment\n"
      "! also a comment\n"
      "brokerName = broker-a\n"
      "  listenPort:10911\n"
      "namesrvAddr 127.0.0.1:9876;127.0.0.2:9876\n"
      "messageDelayLevel=1s 5s \\\n"
      "    10s\n"
      "escaped\\=key=tab\\there\\u00e9\r\n"
      "empty=\n"
      "brokerName=broker-b\n");
  EXPECT_EQ(p.size(), 6u);
  EXPECT_EQ(p.GetOr("brokerName", ""), "broker-b");
  EXPECT_EQ(p.entries()[0].first, "brokerName");
  EXPECT_EQ(p.GetOr("listenPort", ""), "10911");
  EXPECT_EQ(p.GetOr("namesrvAddr", ""), "127.0.0.1:9876;127.0.0.2:9876");
  EXPECT_EQ(p.GetOr("messageDelayLevel", ""), "1s 5s 10s");
  EXPECT_EQ(p.GetOr("escaped=key", ""), "tab\there\xc3\xa9");
  ASSERT_NE(p.Find("empty"), nullptr);
  EXPECT_EQ(*p.Find("empty"), "");
  EXPECT_EQ(p.Find("missing"), nullptr);
}

TEST(PropertiesTest, WritesKeyValueLines) {
  Properties p;
  p.Set("a", "1");
  p.Set("b", "x y");
  p.Set("a", "2");
  EXPECT_EQ(p.ToText(), "a=2\nb=x y\n");
  EXPECT_TRUE(p.Erase("a"));
  EXPECT_EQ(p.ToText(), "b=x y\n");
}

TEST(PropertiesTest, ReadsTheJavaBrokerConfs) {
  auto conf = Properties::Load(test::VectorsDir() + "/conf/broker-v-slave.conf");
  ASSERT_TRUE(conf.ok()) << conf.status().ToString();
  EXPECT_EQ(conf->GetOr("brokerRole", ""), "SLAVE");
  EXPECT_EQ(conf->GetOr("brokerId", ""), "1");
  EXPECT_EQ(conf->GetOr("mappedFileSizeCommitLog", ""), "1048576");
  EXPECT_FALSE(Properties::Load("/nonexistent/broker.conf").ok());
}

TEST(PropertiesTest, ParsesTheBrokerConfigBodyJavaSends) {
  for (const auto& f : test::LoadFrames("04-mqadmin-getBrokerConfig.jsonl")) {
    if (f.is_request || f.request_code_name != "GET_BROKER_CONFIG") continue;
    Properties p = Properties::Parse(f.body);
    EXPECT_GT(p.size(), 100u);
    EXPECT_EQ(p.GetOr("brokerName", ""), "broker-a");
    EXPECT_EQ(p.GetOr("messageDelayLevel", ""),
              "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h");
    // Re-serialising keeps every line (Java's body is exactly "k=v\n" lines).
    EXPECT_EQ(Properties::Parse(p.ToText()).entries(), p.entries());
    EXPECT_EQ(p.ToText(), f.body);
  }
}

TEST(PropertiesTest, ParseCheckedRefusesWhatJavaCannotLoad) {
  // java.util.Properties.load throws "Malformed \uxxxx encoding." on a short \u escape.
  for (const char* bad : {"a=\\u12", "a=\\u12x4", "\\uZZ=1"}) {
    Result<Properties> p = Properties::ParseChecked(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().message(), "Malformed \\uxxxx encoding.");
  }
  Result<Properties> ok = Properties::ParseChecked("a=\\u0041b\nc = d\\\n  e\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->GetOr("a", ""), "Ab");
  EXPECT_EQ(ok->GetOr("c", ""), "de");
}

}  // namespace
}  // namespace rocketmq
