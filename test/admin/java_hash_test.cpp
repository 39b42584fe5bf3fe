// Java HashMap/HashSet iteration order (tools/admin/java_hash) against orders Java mqadmin printed.
#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "support/mqadmin_vectors.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::admin::tools {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

TEST(JavaHash, StringHashCode) {
  EXPECT_EQ(JavaStringHashCode(""), 0);
  EXPECT_EQ(JavaStringHashCode("a"), 97);
  EXPECT_EQ(JavaStringHashCode("TBW102"), -1826525782);
  EXPECT_EQ(JavaStringHashCode("\xC3\xA9"), 233);                         // U+00E9
  EXPECT_EQ(JavaStringHashCode("\xF0\x9F\x98\x80"), 55357 * 31 + 56832);  // U+1F600, a pair
}

TEST(JavaHash, TopicListOrderOfTheJavaClient) {
  // topicList.txt prints the client's HashSet<String> of topics (16 buckets for 12 topics).
  // Topics sharing a bucket keep their insertion order (the JSON order the NameServer sent), so
  // only the bucket sequence is independent of the input order.
  const test::MqadminVector v = test::LoadMqadminVector("topicList.txt");
  const std::vector<std::string> java_order = Lines(v.out);
  ASSERT_EQ(java_order.size(), 12u);
  EXPECT_EQ(JavaHashSetOrder(java_order), java_order);
  auto buckets = [](const std::vector<std::string>& topics) {
    std::vector<uint32_t> out;
    for (const std::string& topic : topics) {
      const uint32_t h = static_cast<uint32_t>(JavaStringHashCode(topic));
      out.push_back((h ^ (h >> 16)) & 15);
    }
    return out;
  };
  std::vector<std::string> reversed(java_order.rbegin(), java_order.rend());
  EXPECT_EQ(buckets(JavaHashSetOrder(reversed)), buckets(java_order));
  const std::vector<uint32_t> java_buckets = buckets(java_order);
  EXPECT_TRUE(std::is_sorted(java_buckets.begin(), java_buckets.end()));
}

TEST(JavaHash, MasterAddressesOfACluster) {
  // updateTopic-c.txt: CommandUtil.fetchMasterAddrByClusterName's HashSet puts broker-b's
  // address first.
  EXPECT_EQ(JavaHashSetOrder({"127.0.0.1:57589", "127.0.0.1:33047"}),
            (std::vector<std::string>{"127.0.0.1:33047", "127.0.0.1:57589"}));
}

TEST(JavaHash, ResizeKeepsInsertionOrderWithinABucket) {
  // Integer keys hash to themselves: 1 and 17 share bucket 1 of a 16-slot table.
  EXPECT_EQ(JavaHashOrder({17, 1, 2}), (std::vector<size_t>{0, 1, 2}));
  // 13 keys: the table grows to 32, where 1 and 17 fall apart again.
  std::vector<int32_t> keys = {17, 1};
  for (int i = 2; i < 13; ++i) keys.push_back(100 + i);
  const std::vector<size_t> order = JavaHashOrder(keys);
  EXPECT_LT(std::find(order.begin(), order.end(), 1u), std::find(order.begin(), order.end(), 0u));
}

}  // namespace
}  // namespace rocketmq::admin::tools
