// JavaPropertiesOrder (src/admin/java_properties_order.h) against the config listings Java 17
// mqadmin printed (getBrokerConfig, getNamesrvConfig).
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "admin/java_properties_order.h"
#include "common/properties.h"
#include "rocketmq/admin_types.h"
#include "support/mqadmin_vectors.h"
#include "support/vectors.h"
#include "tools/admin/format_util.h"

namespace rocketmq::admin {
namespace {

// The "%-50s=  %s" lines of a config listing, as (key, value), one list per "====" section.
std::vector<PropertyList> ConfigSections(const std::string& out) {
  std::vector<PropertyList> sections;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("====", 0) == 0) {
      sections.emplace_back();
    } else if (line.size() >= 53 && line.compare(50, 3, "=  ") == 0 && !sections.empty()) {
      std::string key = line.substr(0, 50);
      key.erase(key.find_last_not_of(' ') + 1);
      sections.back().emplace_back(key, line.substr(53));
    }
  }
  return sections;
}

// The stdout of a vector file: what follows "# stdout:" up to the "# stderr:" line. (The capture
// shortened the temp-dir paths after counting, so "# stdout-bytes:" is off for files that print
// paths; the byte count is not used here.)
std::string VectorStdout(const std::string& file) {
  std::ifstream in(test::MqadminVectorsDir() + "/" + file);
  std::stringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  const std::string start_marker = "# stdout:\n";
  const size_t start = text.find(start_marker);
  const size_t end = text.find("\n# stderr:\n", start);
  EXPECT_NE(start, std::string::npos) << file;
  EXPECT_NE(end, std::string::npos) << file;
  if (start == std::string::npos || end == std::string::npos) return "";
  return text.substr(start + start_marker.size(), end + 1 - start - start_marker.size());
}

std::string AsText(const PropertyList& entries) {
  std::string text;
  for (const auto& [k, v] : entries) text += k + "=" + v + "\n";
  return text;
}

TEST(JavaPropertiesOrder, ReproducesTheOldCaptureFromTheBrokerAnswer) {
  // mqadmin-getBrokerConfig.txt printed the broker's GET_BROKER_CONFIG body, which the older
  // capture (04-mqadmin-getBrokerConfig.jsonl) holds: loading that text must give Java's order.
  std::ifstream frames(test::VectorsDir() + "/04-mqadmin-getBrokerConfig.jsonl");
  ASSERT_TRUE(frames.good());
  std::string body;
  std::string line;
  while (std::getline(frames, line)) {
    const std::string marker = "\"body_hex\": \"";
    if (line.find("\"code_name\": \"SUCCESS\"") == std::string::npos) continue;
    if (line.find("mqadmin->broker") == std::string::npos) continue;
    size_t at = line.find(marker);
    if (at == std::string::npos) continue;
    at += marker.size();
    std::string hex = line.substr(at, line.find('"', at) - at);
    if (hex.size() < 2000) continue;
    body.clear();
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      body.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
  }
  ASSERT_FALSE(body.empty());
  std::ifstream printed_file(test::VectorsDir() + "/mqadmin-getBrokerConfig.txt");
  std::stringstream printed;
  printed << printed_file.rdbuf();
  std::vector<PropertyList> java = ConfigSections(printed.str());
  ASSERT_EQ(java.size(), 1u);
  ASSERT_GT(java[0].size(), 150u);
  const PropertyList ours = JavaPropertiesOrder(rocketmq::Properties::Parse(body));
  ASSERT_EQ(ours.size(), java[0].size());
  for (size_t i = 0; i < ours.size(); ++i) ASSERT_EQ(ours[i], java[0][i]) << "entry " << i;
}

TEST(JavaPropertiesOrder, JavaListingsAreFixedPoints) {
  // Java's own printed order, loaded again, comes out unchanged (checked for every section of
  // every captured listing), while the sorted order of the same keys does not survive.
  for (const char* file :
       {"getBrokerConfig-b.txt", "getBrokerConfig-c.txt", "getBrokerConfig-acl.txt",
        "getNamesrvConfig.txt", "getNamesrvConfig-after-update.txt"}) {
    const std::vector<PropertyList> sections = ConfigSections(VectorStdout(file));
    ASSERT_FALSE(sections.empty()) << file;
    for (const PropertyList& section : sections) {
      EXPECT_EQ(JavaPropertiesOrder(rocketmq::Properties::Parse(AsText(section))), section) << file;
    }
  }
}

TEST(JavaPropertiesOrder, InsertionOrderMattersWithinABin) {
  // 178 broker keys: reversing the text changes the order of keys sharing a bin, not the bins.
  PropertyList java = ConfigSections(VectorStdout("getBrokerConfig-b.txt")).at(0);
  PropertyList reversed(java.rbegin(), java.rend());
  PropertyList from_reversed = JavaPropertiesOrder(rocketmq::Properties::Parse(AsText(reversed)));
  ASSERT_EQ(from_reversed.size(), java.size());
  EXPECT_NE(from_reversed, java);
  std::sort(from_reversed.begin(), from_reversed.end());
  std::sort(java.begin(), java.end());
  EXPECT_EQ(from_reversed, java);
}

TEST(JavaPropertiesOrder, PrintsGetBrokerConfigByteForByte) {
  // The whole stdout of getBrokerConfig -b from the broker's entries.
  const std::string java_out = VectorStdout("getBrokerConfig-b.txt");
  const PropertyList java = ConfigSections(java_out).at(0);
  std::string out = "============127.0.0.1:57589============\n";
  for (const auto& [k, value] : JavaPropertiesOrder(rocketmq::Properties::Parse(AsText(java)))) {
    out += tools::StrFormat("%-50s=  %s\n", k.c_str(), value.c_str());
  }
  out += "\n";
  EXPECT_EQ(out, java_out);
}

TEST(JavaPropertiesOrder, RepeatedKeyKeepsItsFirstPlace) {
  PropertyList order = JavaPropertiesOrder(rocketmq::Properties::Parse("a=1\nb=2\na=3\n"));
  EXPECT_EQ(order, (PropertyList{{"a", "3"}, {"b", "2"}}));
  EXPECT_TRUE(JavaPropertiesOrder(rocketmq::Properties::Parse("")).empty());
}

}  // namespace
}  // namespace rocketmq::admin
