// mqbench producer / consumer against the in-process NameServer and broker: the lines Java's
// benchmark Producer and Consumer print (checked by pattern, numbers vary) and our -q stops.
#include <gtest/gtest.h>

#include <json/json.h>

#include <memory>
#include <regex>
#include <sstream>

#include "integration/broker_test_util.h"
#include "tools/bench/bench_runtime.h"
#include "tools/bench/consumer_bench.h"
#include "tools/bench/producer_bench.h"

namespace rocketmq::test {
namespace {

const char kNum[] = R"(-?\d+)";
const char kFixed[] = R"( *(?:\d+\.\d{3}|NaN))";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The JSON lines --stats wrote on stderr.
std::vector<Json::Value> StatsDocuments(const std::string& err) {
  std::vector<Json::Value> docs;
  Json::CharReaderBuilder builder;
  std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
  for (const std::string& line : Lines(err)) {
    if (line.empty() || line[0] != '{') continue;
    Json::Value v;
    std::string errors;
    EXPECT_TRUE(reader->parse(line.data(), line.data() + line.size(), &v, &errors)) << line;
    docs.push_back(v);
  }
  return docs;
}

class MqbenchTest : public BrokerFixture {
 protected:
  void SetUp() override {
    BrokerFixture::SetUp();
    bench::ResetStopRequest();
    ASSERT_EQ(CreateTopic("BenchTopic", 4).code(), 0);
  }
  std::string Ns() const { return "127.0.0.1:" + std::to_string(namesrv_->port()); }
};

TEST_F(MqbenchTest, ProducerQuantityAndConsumerQuantityPrintJavasLines) {
  std::ostringstream out, err;
  ASSERT_EQ(bench::RunProducer({"-n", Ns(), "-t", "BenchTopic", "-w", "4", "-s", "64", "-q", "200"},
                               out, err),
            0)
      << err.str() << out.str();
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 4u) << out.str();
  EXPECT_EQ(lines[0],
            "topic: BenchTopic threadCount: 4 messageSize: 64 keyEnable: false propertySize: 0 "
            "tagCount: 0 traceEnable: false aclEnable: false messageQuantity: 200");
  EXPECT_EQ(lines[1], "delayEnable: false delayLevel: 1");
  EXPECT_EQ(lines[2], "asyncEnable: false");
  // Java's short form (a run under two snapshots) or its full form, then our percentiles.
  const std::string p = std::string(" p50 RT\\(ms\\): \\d+\\.\\d{3} p99 RT\\(ms\\): \\d+\\.\\d{3}");
  const std::regex complete_short(
      "\\[Complete\\] Send Total: 200 Send Failed: 0 Response Failed: 0" + p);
  const std::regex complete_full(std::string("\\[Complete\\] Send Total: 200 Send TPS: ") + kNum +
                                 " Max RT\\(ms\\): " + kNum + " Average RT\\(ms\\): " + kFixed +
                                 " Send Failed: 0 Response Failed: 0" + p);
  EXPECT_TRUE(std::regex_match(lines[3], complete_short) ||
              std::regex_match(lines[3], complete_full))
      << lines[3];

  out.str("");
  ASSERT_EQ(bench::RunConsumer({"-n", Ns(), "-t", "BenchTopic", "-g", "bench_group", "-q", "200",
                                "--duration_s", "60"},
                               out, err),
            0)
      << err.str() << out.str();
  lines = Lines(out.str());
  ASSERT_GE(lines.size(), 3u) << out.str();
  EXPECT_EQ(lines[0],
            "topic: BenchTopic, threadCount 20, group: bench_group, suffix: false, filterType: "
            "null, expression: null, msgTraceEnable: false, aclEnable: false");
  EXPECT_EQ(lines[1], "Consumer Started.");
  const std::regex consumer_complete(
      std::string(
          "\\[Complete\\] Receive Total: (\\d+) TPS: \\d+ FAIL: 0 AVG\\(B2C\\) RT\\(ms\\): ") +
      kFixed + " AVG\\(S2C\\) RT\\(ms\\): " + kFixed +
      " MAX\\(B2C\\) RT\\(ms\\): \\d+ MAX\\(S2C\\) RT\\(ms\\): \\d+ p50\\(B2C\\) RT\\(ms\\): \\d+ "
      "p99\\(B2C\\) RT\\(ms\\): \\d+");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines.back(), m, consumer_complete)) << lines.back();
  EXPECT_GE(std::stoll(m[1]), 200);
}

TEST_F(MqbenchTest, PeriodicLinesAtOurReportInterval) {
  std::ostringstream out, err;
  // Legacy spellings on purpose: --threads / -duration_s / -rate as scripts pass them.
  ASSERT_EQ(bench::RunProducer({"-n", Ns(), "-t", "BenchTopic", "--threads", "2", "-duration_s",
                                "4", "-rate", "200", "-ri", "1"},
                               out, err),
            0)
      << err.str() << out.str();
  const std::regex periodic(
      std::string(R"(Current Time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} Send TPS: )") + kNum +
      " Max RT\\(ms\\): " + kNum + " Average RT\\(ms\\): " + kFixed +
      " Send Failed: 0 Response Failed: 0 p50 RT\\(ms\\): \\d+\\.\\d{3} p99 RT\\(ms\\): "
      "\\d+\\.\\d{3}");
  int periodic_lines = 0;
  for (const std::string& line : Lines(out.str())) {
    if (line.rfind("Current Time:", 0) == 0) {
      EXPECT_TRUE(std::regex_match(line, periodic)) << line;
      ++periodic_lines;
    }
  }
  EXPECT_GE(periodic_lines, 2) << out.str();
  EXPECT_NE(out.str().find("[Complete] Send Total: "), std::string::npos) << out.str();
}

}  // namespace
}  // namespace rocketmq::test

namespace rocketmq::test {
namespace {

// --stats prints the client statistics as JSON lines on stderr, the last one with every message
// of a -q run; stdout keeps Java's lines only.
TEST_F(MqbenchTest, StatsOptionPrintsDocumentsOnStderr) {
  std::ostringstream out, err;
  ASSERT_EQ(bench::RunProducer(
                {"-n", Ns(), "-t", "BenchTopic", "-w", "2", "-q", "300", "--stats", "1"}, out, err),
            0)
      << err.str() << out.str();
  EXPECT_EQ(out.str().find('{'), std::string::npos) << out.str();
  std::vector<Json::Value> docs = StatsDocuments(err.str());
  ASSERT_FALSE(docs.empty()) << err.str();
  EXPECT_EQ(docs.back()["type"].asString(), "producer");
  EXPECT_EQ(docs.back()["totals"]["acknowledged"].asUInt64(), 300u);

  out.str("");
  err.str("");
  ASSERT_EQ(bench::RunConsumer({"-n", Ns(), "-t", "BenchTopic", "-g", "bench_stats_group", "-q",
                                "300", "--duration_s", "60", "--stats=1"},
                               out, err),
            0)
      << err.str() << out.str();
  docs = StatsDocuments(err.str());
  ASSERT_FALSE(docs.empty()) << err.str();
  EXPECT_EQ(docs.back()["type"].asString(), "push_consumer");
  EXPECT_GE(docs.back()["totals"]["pulled"].asUInt64(), 300u);
  EXPECT_GE(docs.back()["totals"]["consumed"].asUInt64(), 300u);

  std::ostringstream bad_out, bad_err;
  EXPECT_EQ(bench::RunProducer({"-n", Ns(), "--stats", "-1"}, bad_out, bad_err), 1);
  EXPECT_NE(bad_err.str().find("stats"), std::string::npos) << bad_err.str();
}

}  // namespace
}  // namespace rocketmq::test
