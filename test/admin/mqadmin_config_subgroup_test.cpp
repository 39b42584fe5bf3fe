// mqadmin updateSubGroup / deleteSubGroup / getConsumerConfig against the bundled cluster,
// compared with Java 4.9.8's captured outputs (vectors/mqadmin/updateSubGroup-*.txt,
// deleteSubGroup-*.txt, getConsumerConfig*.txt), plus the subscription group admin API.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "admin/admin_convert.h"
#include "common/json_reader.h"
#include "mqadmin_config_test_util.h"

namespace rocketmq::test {
namespace {

class MqadminSubGroupTest : public MqadminConfigFixture {};

TEST(MqadminSubGroupWire, UpdateBodyIsJavasBytes) {
  // The UPDATE_AND_CREATE_SUBSCRIPTIONGROUP body Java mqadmin sent for
  // "updateSubGroup -c DefaultCluster -g vec_admin_group" (04-mqadmin-updateSubGroup.jsonl).
  admin::SubscriptionGroupConfig config;
  config.group_name = "vec_admin_group";
  config.consume_from_min_enable = false;
  config.consume_broadcast_enable = false;
  EXPECT_EQ(admin::ToInternal(config).ToJson(),
            "{\"brokerId\":0,\"consumeBroadcastEnable\":false,\"consumeEnable\":true,"
            "\"consumeFromMinEnable\":false,\"groupName\":\"vec_admin_group\","
            "\"notifyConsumerIdsChangedEnable\":true,\"retryMaxTimes\":16,\"retryQueueNums\":1,"
            "\"whichBrokerWhenConsumeSlowly\":1}");
}

TEST_F(MqadminSubGroupTest, UpdateOnOneBrokerWithEveryOption) {
  const MqadminVector v = LoadMqadminVector("updateSubGroup-b.txt");
  MqadminRun run = RunVector(v);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(v.out));  // byte for byte, no newline after the config
  auto admin = NewAdmin();
  std::optional<admin::SubscriptionGroupConfig> a =
      admin->examineSubscriptionGroupConfig(broker_a_addr(), "CapSubGroup2");
  ASSERT_TRUE(a.has_value());
  EXPECT_FALSE(a->consume_from_min_enable);
  EXPECT_FALSE(a->consume_broadcast_enable);
  EXPECT_EQ(a->retry_max_times, 16);
  EXPECT_EQ(admin::ToString(*a), run.lines().back());
  EXPECT_FALSE(admin->examineSubscriptionGroupConfig(broker_b_addr(), "CapSubGroup2").has_value());
}

TEST_F(MqadminSubGroupTest, UpdateOnAClusterThenGetConsumerConfig) {
  const MqadminVector v = LoadMqadminVector("updateSubGroup-c.txt");
  MqadminRun run = RunVector(v);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::string expected;
  for (const std::string& addr : MastersInJavaOrder()) {
    expected += "create subscription group to " + addr + " success.\n";
  }
  // The config line is the same as Java's: the defaults of the command.
  expected += v.out.substr(v.out.find("SubscriptionGroupConfig ["));
  EXPECT_EQ(run.out, expected);
  auto admin = NewAdmin();
  for (const std::string& addr : {broker_a_addr(), broker_b_addr()}) {
    EXPECT_TRUE(admin->examineSubscriptionGroupConfig(addr, "CapSubGroup").has_value()) << addr;
  }
  // getConsumerConfig prints it per broker group exactly as Java did (same broker names, so the
  // same HashMap order: broker-b first).
  const MqadminVector get = LoadMqadminVector("getConsumerConfig-subgroup.txt");
  run = RunVector(get);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, get.out);
}

TEST_F(MqadminSubGroupTest, GetConsumerConfigOfTheOnlineGroup) {
  // CapConsumerGroup was created by the consumer's heartbeat: the broker's defaults.
  const MqadminVector v = LoadMqadminVector("getConsumerConfig.txt");
  MqadminRun run = RunVector(v);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, v.out);
  auto admin = NewAdmin();
  admin::SubscriptionGroupWrapper all = admin->getAllSubscriptionGroup(broker_b_addr(), 3000);
  ASSERT_EQ(all.subscription_group_table.count(kConsumerGroup), 1u);
  EXPECT_TRUE(all.subscription_group_table.at(kConsumerGroup).consume_from_min_enable);
}

TEST_F(MqadminSubGroupTest, GetConsumerConfigJson) {
  MqadminRun run =
      RunMqadmin({"getConsumerConfig", "-n", ns_addr(), "-g", kConsumerGroup, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  Result<Json::Value> doc = ParseJson(run.out);
  ASSERT_TRUE(doc.ok()) << run.out;
  ASSERT_TRUE(doc->isArray());
  ASSERT_EQ(doc->size(), 2u);
  EXPECT_EQ((*doc)[0]["brokerName"].asString(), "broker-b");
  EXPECT_EQ((*doc)[1]["brokerName"].asString(), "broker-a");
  for (const Json::Value& info : *doc) {
    EXPECT_EQ(info["clusterName"].asString(), kCluster);
    const Json::Value& c = info["subscriptionGroupConfig"];
    EXPECT_EQ(c["groupName"].asString(), kConsumerGroup);
    EXPECT_TRUE(c["consumeEnable"].asBool());
    EXPECT_EQ(c["retryMaxTimes"].asInt(), 16);
    EXPECT_EQ(c["whichBrokerWhenConsumeSlowly"].asInt(), 1);
  }
}

TEST_F(MqadminSubGroupTest, UpdateAndGetErrors) {
  const MqadminVector noopt = LoadMqadminVector("updateSubGroup-noopt.txt");
  MqadminRun run = RunVector(noopt);
  EXPECT_EQ(run.out, noopt.out);
  ExpectOneErrorLine(run, "updateSubGroup");
  run =
      RunMqadmin({"updateSubGroup", "-n", ns_addr(), "-b", broker_a_addr(), "-g", "G", "-q", "x"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateSubGroup", "For input string: \"x\"");
  run = RunMqadmin({"updateSubGroup", "-n", "127.0.0.1:1", "-c", kCluster, "-g", "G"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateSubGroup", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"updateSubGroup", "-n", ns_addr(), "-b", broker_a_addr()}),
                   "updateSubGroup");

  run = RunMqadmin({"getConsumerConfig", "-n", ns_addr(), "-g", "NoSuchGroup"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "getConsumerConfig", "NoSuchGroup");
  run = RunMqadmin({"getConsumerConfig", "-n", "127.0.0.1:1", "-g", kConsumerGroup});
  ExpectOneErrorLine(run, "getConsumerConfig", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"getConsumerConfig", "-n", ns_addr()}), "getConsumerConfig");
}

TEST_F(MqadminSubGroupTest, DeleteFromAClusterAlsoDeletesRetryAndDlqTopics) {
  auto admin = NewAdmin();
  admin::SubscriptionGroupConfig group;
  group.group_name = "CapSubGroup2";
  admin::TopicConfig retry;
  retry.topic_name = "%RETRY%CapSubGroup2";
  retry.read_queue_nums = retry.write_queue_nums = 1;
  for (const std::string& addr : {broker_a_addr(), broker_b_addr()}) {
    admin->createAndUpdateSubscriptionGroupConfig(addr, group);
    admin->createAndUpdateTopicConfig(addr, retry);
  }
  ASSERT_TRUE(remoting::test::WaitFor([&] {
    try {
      return admin->examineTopicRouteInfo(retry.topic_name).queue_datas.size() == 2;
    } catch (const MQException&) {
      return false;
    }
  }));

  const MqadminVector v = LoadMqadminVector("deleteSubGroup-c.txt");
  MqadminRun run = RunVector(v);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::string expected;
  for (const std::string& addr : MastersInJavaOrder()) {
    expected += "delete subscription group [CapSubGroup2] from broker [" + addr +
                "] in cluster [BarCluster] success.\n";
  }
  // Then the four deleteTopic lines, exactly as Java printed them.
  expected += v.out.substr(v.out.find("delete topic ["));
  EXPECT_EQ(run.out, expected);
  for (const std::string& addr : {broker_a_addr(), broker_b_addr()}) {
    EXPECT_FALSE(admin->examineSubscriptionGroupConfig(addr, "CapSubGroup2").has_value()) << addr;
  }
  try {
    admin->examineTopicRouteInfo(retry.topic_name);
    ADD_FAILURE() << "the retry topic is still routed";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 17);
  }
}

TEST_F(MqadminSubGroupTest, DeleteFromOneBroker) {
  auto admin = NewAdmin();
  admin::SubscriptionGroupConfig group;
  group.group_name = "CapSubGroup";
  admin->createAndUpdateSubscriptionGroupConfig(broker_a_addr(), group);
  admin->createAndUpdateSubscriptionGroupConfig(broker_b_addr(), group);
  const MqadminVector v = LoadMqadminVector("deleteSubGroup-b-r.txt");
  MqadminRun run = RunVector(v);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(v.out));
  EXPECT_FALSE(admin->examineSubscriptionGroupConfig(broker_a_addr(), "CapSubGroup").has_value());
  EXPECT_TRUE(admin->examineSubscriptionGroupConfig(broker_b_addr(), "CapSubGroup").has_value());

  const MqadminVector noopt = LoadMqadminVector("deleteSubGroup-noopt.txt");
  run = RunVector(noopt);
  EXPECT_EQ(run.out, noopt.out);
  ExpectOneErrorLine(run, "deleteSubGroup");
  run = RunMqadmin({"deleteSubGroup", "-n", "127.0.0.1:1", "-c", kCluster, "-g", "CapSubGroup"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "deleteSubGroup", "127.0.0.1:1");
  run = RunMqadmin({"deleteSubGroup", "-n", ns_addr(), "-b", "127.0.0.1:1", "-g", "CapSubGroup"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "deleteSubGroup", "127.0.0.1:1");
  run = RunMqadmin({"deleteSubGroup", "-n", ns_addr(), "-c", "NoSuchCluster", "-g", "G"});
  ExpectOneErrorLine(run, "deleteSubGroup", "NoSuchCluster");
  ExpectUsageError(RunMqadmin({"deleteSubGroup", "-n", ns_addr(), "-b", broker_a_addr()}),
                   "deleteSubGroup");
}

TEST_F(MqadminSubGroupTest, SubscriptionGroupApi) {
  auto admin = NewAdmin();
  admin::SubscriptionGroupConfig config;
  config.group_name = "ApiGroup";
  config.retry_max_times = 3;
  config.consume_enable = false;
  admin->createAndUpdateSubscriptionGroupConfig(broker_b_addr(), config);
  std::optional<admin::SubscriptionGroupConfig> got =
      admin->examineSubscriptionGroupConfig(broker_b_addr(), "ApiGroup");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->retry_max_times, 3);
  EXPECT_FALSE(got->consume_enable);
  EXPECT_EQ(admin::ToString(*got),
            "SubscriptionGroupConfig [groupName=ApiGroup, consumeEnable=false, "
            "consumeFromMinEnable=true, consumeBroadcastEnable=true, retryQueueNums=1, "
            "retryMaxTimes=3, brokerId=0, whichBrokerWhenConsumeSlowly=1, "
            "notifyConsumerIdsChangedEnable=true]");
  EXPECT_EQ(admin->getAllSubscriptionGroup(broker_b_addr(), 3000)
                .subscription_group_table.count("ApiGroup"),
            1u);
  admin->deleteSubscriptionGroup(broker_b_addr(), "ApiGroup", /*remove_offset=*/true);
  EXPECT_FALSE(admin->examineSubscriptionGroupConfig(broker_b_addr(), "ApiGroup").has_value());
  EXPECT_THROW(admin->examineSubscriptionGroupConfig("127.0.0.1:1", "ApiGroup"), MQException);
}

}  // namespace
}  // namespace rocketmq::test
