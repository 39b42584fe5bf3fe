// UPDATE_BROKER_CONFIG / GET_BROKER_CONFIG on the bundled broker (Java 4.9.x
// AdminBrokerProcessor.updateBrokerConfig + Configuration.update/persist): the live values change,
// every key is written back to the broker's config file, the data version moves on, black-listed
// keys and unloadable bodies are refused with Java's answers, and a brokerPermission change is
// registered with the NameServer at once.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/json_reader.h"
#include "common/model/data_version.h"
#include "common/model/json_body.h"
#include "common/model/route_data.h"
#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

class BrokerConfigUpdateTest : public BrokerFixture {
 protected:
  void SetUp() override {
    BrokerFixture::SetUp();
    config_path_ = dir_.path() + "/conf/broker.conf";
    broker_->configuration().SetConfigFilePath(config_path_);
  }

  RemotingCommand Update(const std::string& body) {
    return Call(Request(RequestCode::kUpdateBrokerConfig, {}, body));
  }
  Properties GetConfig(DataVersion* version = nullptr) {
    RemotingCommand r = Call(Request(RequestCode::kGetBrokerConfig));
    EXPECT_EQ(r.code(), ResponseCode::kSuccess);
    if (version != nullptr) {
      Result<DataVersion> v = DecodeJsonBody<DataVersion>(r.ext_fields().GetOr("version"));
      EXPECT_TRUE(v.ok()) << r.ext_fields().GetOr("version");
      if (v.ok()) *version = *v;
    }
    return Properties::Parse(r.body());
  }
  // Perms of `topic` in the NameServer's route.
  std::vector<int32_t> RoutePerms(const std::string& topic) {
    RemotingCommand req = Request(RequestCode::kGetRouteinfoByTopic, {{"topic", topic}});
    Result<RemotingCommand> r =
        client_.InvokeSync("127.0.0.1:" + std::to_string(namesrv_->port()), std::move(req), 5000);
    std::vector<int32_t> perms;
    if (!r.ok() || r->code() != ResponseCode::kSuccess) return perms;
    Result<TopicRouteData> route = DecodeJsonBody<TopicRouteData>(r->body());
    if (!route.ok()) return perms;
    for (const QueueData& q : route->queue_datas) perms.push_back(q.perm);
    return perms;
  }

  std::string config_path_;
};

TEST_F(BrokerConfigUpdateTest, AppliesPersistsAndBumpsVersion) {
  DataVersion before;
  Properties initial = GetConfig(&before);
  EXPECT_EQ(before.counter, 0);
  ASSERT_EQ(*initial.Find("defaultQueryMaxNum"), "32");
  ASSERT_EQ(*initial.Find("fileReservedTime"), "72");

  RemotingCommand r = Update(
      "defaultQueryMaxNum=7\n"
      "fileReservedTime=99\n"
      "traceTopicEnable=TRUE\n"          // Boolean.parseBoolean
      "longPollingEnable=yes\n"          // ... anything but "true" is false
      "flushDelayOffsetInterval=soon\n"  // not an int: ignored, as Java's setter call fails
      "noSuchKey=1\n"                    // Java's configuration does not hold it: dropped
      "msgTraceTopicName=MyTrace\n");
  ASSERT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
  EXPECT_FALSE(r.remark().has_value());
  EXPECT_TRUE(r.ext_fields_null());

  DataVersion after;
  Properties now = GetConfig(&after);
  EXPECT_EQ(after.counter, before.counter + 1);
  EXPECT_GE(after.timestamp, before.timestamp);
  EXPECT_EQ(*now.Find("defaultQueryMaxNum"), "7");
  EXPECT_EQ(*now.Find("fileReservedTime"), "99");
  EXPECT_EQ(*now.Find("traceTopicEnable"), "true");
  EXPECT_EQ(*now.Find("longPollingEnable"), "false");
  EXPECT_EQ(*now.Find("flushDelayOffsetInterval"), "10000");
  EXPECT_EQ(*now.Find("msgTraceTopicName"), "MyTrace");
  EXPECT_EQ(now.Find("noSuchKey"), nullptr);
  EXPECT_EQ(now.size(), initial.size());

  // Live: the running broker reads the new values.
  EXPECT_EQ(broker_->broker_config().defaultQueryMaxNum, 7);
  EXPECT_EQ(broker_->configuration().store().fileReservedTime, 99);

  // Persisted: the whole configuration, exactly the GET_BROKER_CONFIG text.
  Result<Properties> file = Properties::Load(config_path_);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->entries(), now.entries());
  EXPECT_FALSE(std::filesystem::exists(config_path_ + ".bak"));

  ASSERT_EQ(Update("defaultQueryMaxNum=9").code(), ResponseCode::kSuccess);
  Result<Properties> bak = Properties::Load(config_path_ + ".bak");
  ASSERT_TRUE(bak.ok());
  EXPECT_EQ(*bak->Find("defaultQueryMaxNum"), "7");
  EXPECT_EQ(*Properties::Load(config_path_)->Find("defaultQueryMaxNum"), "9");

  // A restarted broker configured from that file comes back with the changes.
  auto reloaded = std::make_shared<broker::BrokerConfiguration>();
  ASSERT_TRUE(reloaded->Apply(*Properties::Load(config_path_), nullptr).ok());
  EXPECT_EQ(reloaded->broker().defaultQueryMaxNum, 9);
  EXPECT_EQ(reloaded->store().fileReservedTime, 99);
}

TEST_F(BrokerConfigUpdateTest, BlackListAndBadBodies) {
  DataVersion before;
  GetConfig(&before);
  // Java 4.9.8's fixed black list (brokerConfigPath, rocketmqHome, configBlackList) plus the
  // configured configBlackList.
  for (const char* body :
       {"brokerConfigPath=/tmp/elsewhere", "configBlackList=none", "rocketmqHome=/tmp/elsewhere",
        "defaultQueryMaxNum=5\nconfigBlackList=none"}) {
    RemotingCommand r = Update(body);
    EXPECT_EQ(r.code(), ResponseCode::kNoPermission) << body;
    EXPECT_EQ(r.remark().value_or(""), "Can not update config in black list.");
  }
  RemotingCommand bad = Update("defaultQueryMaxNum=\\u12x");
  EXPECT_EQ(bad.code(), ResponseCode::kSystemError);
  EXPECT_EQ(bad.remark().value_or(""), "string2Properties error");

  // Nothing changed, nothing written.
  DataVersion after;
  Properties now = GetConfig(&after);
  EXPECT_EQ(after, before);
  EXPECT_EQ(*now.Find("defaultQueryMaxNum"), "32");
  EXPECT_EQ(*now.Find("configBlackList"), "configBlackList;brokerConfigPath");
  EXPECT_FALSE(std::filesystem::exists(config_path_));

  // No body: SUCCESS and no change (Java skips a null body).
  RemotingCommand empty = Update("");
  EXPECT_EQ(empty.code(), ResponseCode::kSuccess);
  DataVersion still;
  GetConfig(&still);
  EXPECT_EQ(still, before);
}

TEST_F(BrokerConfigUpdateTest, ConfiguredBlackListAddsKeys) {
  // A broker.conf may black-list more keys; the fixed ones stay refused.
  ASSERT_TRUE(
      broker_->configuration()
          .Apply(Properties::Parse("configBlackList=fileReservedTime;;deleteWhen\n"), nullptr)
          .ok());
  for (const char* body : {"fileReservedTime=1", "deleteWhen=01", "brokerConfigPath=/tmp/x",
                           "rocketmqHome=/tmp/x", "configBlackList=x"}) {
    RemotingCommand r = Update(body);
    EXPECT_EQ(r.code(), ResponseCode::kNoPermission) << body;
    EXPECT_EQ(r.remark().value_or(""), "Can not update config in black list.") << body;
  }
  EXPECT_EQ(*GetConfig().Find("fileReservedTime"), "72");
  EXPECT_EQ(Update("defaultQueryMaxNum=5").code(), ResponseCode::kSuccess);
  EXPECT_EQ(*GetConfig().Find("defaultQueryMaxNum"), "5");
}

TEST_F(BrokerConfigUpdateTest, BrokerPermissionReRegistersAtOnce) {
  ASSERT_EQ(CreateTopic("PermTopic", 2).code(), ResponseCode::kSuccess);
  ASSERT_EQ(RoutePerms("PermTopic"), std::vector<int32_t>{6});
  const DataVersion topics_before = broker_->topic_config_manager().data_version();

  ASSERT_EQ(Update("brokerPermission=4").code(), ResponseCode::kSuccess);  // read only
  // Registered before the response went out: the route already shows it.
  EXPECT_EQ(RoutePerms("PermTopic"), std::vector<int32_t>{4});
  EXPECT_EQ(broker_->topic_config_manager().data_version().counter, topics_before.counter + 1);
  EXPECT_EQ(broker_->broker_config().brokerPermission, 4);

  ASSERT_EQ(Update("brokerPermission=6").code(), ResponseCode::kSuccess);
  EXPECT_EQ(RoutePerms("PermTopic"), std::vector<int32_t>{6});
}

}  // namespace
}  // namespace rocketmq::test
