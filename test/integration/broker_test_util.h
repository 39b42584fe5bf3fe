// Shared fixture of the broker integration tests: an in-process NameServer and broker on
// 127.0.0.1 with ephemeral ports and a temporary store, plus request builders.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "common/message_decoder.h"
#include "common/message_properties.h"
#include "common/model/heartbeat_data.h"
#include "common/properties.h"
#include "common/response_code.h"
#include "integration/remoting_test_util.h"
#include "mockbroker/broker/broker_controller.h"
#include "mockbroker/namesrv/namesrv_controller.h"
#include "remoting/remoting_client.h"
#include "remoting/request_code.h"
#include "support/temp_dir.h"

namespace rocketmq::test {

using remoting::RemotingCommand;
using remoting::RequestCode;
using remoting::test::RawSocket;
using remoting::test::WaitFor;

class BrokerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    namesrv::NamesrvConfig ns = namesrv::NamesrvConfig::Defaults();
    ns.listen_port = 0;
    ns.kv_config_path = dir_.path() + "/kvConfig.json";
    ns.config_store_path = dir_.path() + "/namesrv.properties";
    namesrv_ = std::make_unique<namesrv::NamesrvController>(ns);
    ASSERT_TRUE(namesrv_->Start().ok());
    ASSERT_TRUE(client_.Start().ok());
    StartBroker();
  }
  void TearDown() override {
    client_.Shutdown();
    broker_.reset();
    namesrv_.reset();
  }

  virtual Properties BrokerProps() {
    Properties p;
    p.Set("brokerClusterName", "DefaultCluster");
    p.Set("brokerName", "broker-a");
    p.Set("brokerIP1", "127.0.0.1");
    p.Set("listenPort", "0");
    p.Set("namesrvAddr", "127.0.0.1:" + std::to_string(namesrv_->port()));
    p.Set("storePathRootDir", dir_.path() + "/store");
    p.Set("mappedFileSizeCommitLog", "1048576");
    p.Set("mappedFileSizeConsumeQueue", "6000");
    p.Set("maxMessageSize", "65536");
    return p;
  }

  void StartBroker(int64_t hold_check_ms = 5000) {
    auto cfg = std::make_shared<broker::BrokerConfiguration>();
    ASSERT_TRUE(cfg->Apply(BrokerProps(), nullptr).ok());
    broker::BrokerControllerOptions opts;
    opts.hold_check_interval_ms = hold_check_ms;
    opts.tls_mode = broker_tls_mode_;
    broker_ = std::make_unique<broker::BrokerController>(cfg, opts);
    Status st = broker_->Start();
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  void RestartBroker() {
    broker_->Shutdown();
    broker_.reset();
    StartBroker();
  }

  std::string BrokerAddr() const { return "127.0.0.1:" + std::to_string(broker_->port()); }

  RemotingCommand Call(RemotingCommand req, int64_t timeout_ms = 5000) {
    Result<RemotingCommand> r = client_.InvokeSync(BrokerAddr(), std::move(req), timeout_ms);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : RemotingCommand();
  }

  static RemotingCommand Request(int32_t code,
                                 std::vector<std::pair<std::string, std::string>> fields = {},
                                 std::string body = "") {
    RemotingCommand r = RemotingCommand::CreateRequest(code);
    for (auto& [k, v] : fields) r.SetExtField(k, v);
    r.set_body(std::move(body));
    return r;
  }

  static std::string Props(std::vector<std::pair<std::string, std::string>> kv) {
    MessageProperties p;
    for (auto& [k, v] : kv) p.Set(k, v);
    return p.Encode();
  }

  // SEND_MESSAGE_V2 as the Java producer sends it.
  static RemotingCommand SendV2(const std::string& topic, int queue, const std::string& props,
                                const std::string& body,
                                const std::string& default_topic = "TBW102",
                                int32_t code = RequestCode::kSendMessageV2) {
    return Request(code,
                   {{"a", "pg"},
                    {"b", topic},
                    {"c", default_topic},
                    {"d", "4"},
                    {"e", std::to_string(queue)},
                    {"f", "0"},
                    {"g", "1795305923829"},
                    {"h", "0"},
                    {"i", props},
                    {"j", "0"},
                    {"k", "false"},
                    {"m", code == RequestCode::kSendBatchMessage ? "true" : "false"},
                    {"n", "broker-a"}},
                   body);
  }

  RemotingCommand CreateTopic(const std::string& topic, int queues) {
    return Call(
        Request(RequestCode::kUpdateAndCreateTopic, {{"topic", topic},
                                                     {"defaultTopic", "TBW102"},
                                                     {"readQueueNums", std::to_string(queues)},
                                                     {"writeQueueNums", std::to_string(queues)},
                                                     {"perm", "6"},
                                                     {"topicFilterType", "SINGLE_TAG"},
                                                     {"topicSysFlag", "0"},
                                                     {"order", "false"}}));
  }

  static std::string HeartbeatBody(const std::string& client_id, const std::string& group,
                                   const std::string& topic, const std::string& sub,
                                   int64_t sub_version = 1000) {
    HeartbeatData hb;
    hb.client_id = client_id;
    ConsumerData cd;
    cd.group_name = group;
    cd.consume_type = "CONSUME_PASSIVELY";
    cd.message_model = "CLUSTERING";
    cd.consume_from_where = "CONSUME_FROM_FIRST_OFFSET";
    cd.subscription_data_set.push_back(SubscriptionData::Build(topic, sub, sub_version));
    hb.consumer_data_set.push_back(cd);
    return hb.ToJson();
  }

  static RemotingCommand Pull(const std::string& group, const std::string& topic, int queue,
                              int64_t offset, int32_t sys_flag = 0, int64_t suspend_ms = 0,
                              int64_t sub_version = 1000) {
    return Request(RequestCode::kPullMessage, {{"consumerGroup", group},
                                               {"topic", topic},
                                               {"queueId", std::to_string(queue)},
                                               {"queueOffset", std::to_string(offset)},
                                               {"maxMsgNums", "32"},
                                               {"sysFlag", std::to_string(sys_flag)},
                                               {"commitOffset", "0"},
                                               {"suspendTimeoutMillis", std::to_string(suspend_ms)},
                                               {"subVersion", std::to_string(sub_version)},
                                               {"expressionType", "TAG"}});
  }

  static std::vector<std::string> ExtKeys(const RemotingCommand& c) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : c.ext_fields().entries()) keys.push_back(k);
    return keys;
  }

  TempDir dir_{"broker_test"};
  std::unique_ptr<namesrv::NamesrvController> namesrv_;
  std::unique_ptr<broker::BrokerController> broker_;
  remoting::TlsMode broker_tls_mode_ = remoting::TlsMode::kPermissive;  // StartBroker()
  remoting::RemotingClient client_;
};

}  // namespace rocketmq::test
