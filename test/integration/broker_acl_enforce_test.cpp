// ACL 1.0 enforcement on the bundled broker (aclEnable=true): every rule of Java 4.9.8's
// PlainAccessValidator / PlainPermissionManager, checked with raw signed requests (exact remarks),
// with our producer, push consumer and admin API signing as an account, and the file reload.
// After every refusal the CommitLog, the topic table and the offsets must be unchanged.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "integration/consumer_test_util.h"
#include "integration/producer_test_util.h"
#include "mockbroker/broker/acl/plain_access_validator.h"
#include "remoting/acl_rpc_hook.h"
#include "rocketmq/admin.h"
#include "rocketmq/rocketmq.h"

namespace rocketmq::test {
namespace {

namespace fs = std::filesystem;

constexpr char kAclYml[] = R"(globalWhiteRemoteAddresses:
  - 10.10.103.*
  - 192.168.0.{1,2}

accounts:
  - accessKey: AdminUser1
    secretKey: AdminSecret1
    admin: true
  - accessKey: NormalUser1
    secretKey: NormalSecret1
    admin: false
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - TopicPubSub=PUB|SUB
      - TopicPubOnly=PUB
      - TopicSubOnly=SUB
      - TopicDeny=DENY
    groupPerms:
      - GroupDeny=DENY
      - GroupSub=SUB
      - GroupPub=PUB
  - accessKey: DefaultUser1
    secretKey: DefaultSecret1
    defaultTopicPerm: PUB|SUB
    defaultGroupPerm: SUB
  - accessKey: LocalUser1
    secretKey: LocalSecret1
    whiteRemoteAddress: 127.0.0-5.*
    defaultTopicPerm: DENY
)";

constexpr char kRemarkPrefix[] = "org.apache.rocketmq.acl.common.AclException: ";
constexpr char kValidateFrame[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:";
constexpr char kCheckPermFrame[] =
    "org.apache.rocketmq.acl.plain.PlainPermissionManager.checkPerm(PlainPermissionManager.java:";

std::string ValidateRemark(const std::string& message, int line) {
  return kRemarkPrefix + message + ", " + kValidateFrame + std::to_string(line) + ")";
}
std::string CheckPermRemark(const std::string& message, int line) {
  return kRemarkPrefix + message + ", " + kCheckPermFrame + std::to_string(line) + ")";
}

// What a refused request must leave untouched.
struct StoreState {
  int64_t commit_log_max = 0;
  size_t topics = 0;
  std::string offsets;
  bool operator==(const StoreState& o) const {
    return commit_log_max == o.commit_log_max && topics == o.topics && offsets == o.offsets;
  }
};

class BrokerAclEnforceTest : public ConsumerFixture {
 protected:
  void SetUp() override {
    home_ = dir_.path() + "/home";
    fs::create_directories(home_ + "/conf");
    WriteAcl(kAclYml);
    BrokerFixture::SetUp();
    for (const char* topic :
         {"TopicPubSub", "TopicPubOnly", "TopicSubOnly", "TopicDeny", "TopicOther"}) {
      RemotingCommand r = Call(Sign(CreateTopicRequest(topic, 2), "AdminUser1", "AdminSecret1"));
      ASSERT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
    }
  }
  Properties BrokerProps() override {
    Properties p = ConsumerFixture::BrokerProps();
    p.Set("aclEnable", "true");
    p.Set("rocketmqHome", home_);
    return p;
  }

  std::string AclFile() const { return home_ + "/conf/plain_acl.yml"; }
  void WriteAcl(const std::string& text) const {
    const std::string tmp = AclFile() + ".new";
    std::ofstream(tmp) << text;
    fs::rename(tmp, AclFile());
  }

  static RemotingCommand CreateTopicRequest(const std::string& topic, int queues) {
    return Request(RequestCode::kUpdateAndCreateTopic, {{"topic", topic},
                                                        {"defaultTopic", "TBW102"},
                                                        {"readQueueNums", std::to_string(queues)},
                                                        {"writeQueueNums", std::to_string(queues)},
                                                        {"perm", "6"},
                                                        {"topicFilterType", "SINGLE_TAG"},
                                                        {"topicSysFlag", "0"},
                                                        {"order", "false"}});
  }

  // Signs as the Java AclClientRPCHook does.
  static RemotingCommand Sign(RemotingCommand r, const std::string& ak, const std::string& sk) {
    remoting::AclRpcHook hook(remoting::SessionCredentials{ak, sk, ""});
    hook.DoBeforeRequest("", r);
    return r;
  }

  RemotingCommand Send(const std::string& topic, const std::string& body,
                       const std::string& group = "pg") {
    RemotingCommand r = SendV2(topic, 0, Props({{"WAIT", "true"}}), body);
    r.SetExtField("a", group);
    return r;
  }

  StoreState State() {
    StoreState s;
    s.commit_log_max = broker_->message_store().GetMaxPhyOffset();
    s.topics = broker_->topic_config_manager().BuildSerializeWrapper().topic_config_table.size();
    s.offsets = broker_->consumer_offset_manager().Snapshot().ToJson();
    return s;
  }

  // Sends `request` and expects Java's refusal with `remark`, nothing stored.
  void ExpectRefused(RemotingCommand request, const std::string& remark) {
    const StoreState before = State();
    RemotingCommand r = Call(std::move(request));
    EXPECT_EQ(r.code(), ResponseCode::kSystemError);
    EXPECT_EQ(r.remark().value_or(""), remark);
    EXPECT_TRUE(State() == before) << "a refused request changed the store";
  }

  std::string home_;
};

TEST_F(BrokerAclEnforceTest, UnsignedUnknownKeyAndWrongSignatureAreRefused) {
  ExpectRefused(Send("TopicPubSub", "unsigned"), ValidateRemark("No accessKey is configured", 664));
  ExpectRefused(Sign(Send("TopicPubSub", "unknown"), "Nobody1234", "NobodySecret"),
                ValidateRemark("No acl config for Nobody1234", 668));
  ExpectRefused(Sign(Send("TopicPubSub", "wrong key"), "NormalUser1", "NotTheSecret"),
                ValidateRemark("Check signature failed for accessKey=NormalUser1", 684));
  // Signed correctly, then changed: the body and a header field are covered.
  RemotingCommand tampered = Sign(Send("TopicPubSub", "original"), "NormalUser1", "NormalSecret1");
  tampered.set_body("tampered");
  ExpectRefused(std::move(tampered),
                ValidateRemark("Check signature failed for accessKey=NormalUser1", 684));
  RemotingCommand moved = Sign(Send("TopicPubSub", "original"), "NormalUser1", "NormalSecret1");
  moved.SetExtField("b", "TopicDeny");
  ExpectRefused(std::move(moved),
                ValidateRemark("Check signature failed for accessKey=NormalUser1", 684));
  // A request without any extFields is refused the same way.
  ExpectRefused(Request(RequestCode::kGetBrokerRuntimeInfo),
                ValidateRemark("No accessKey is configured", 664));

  // The same request signed correctly is served and stored.
  RemotingCommand ok = Call(Sign(Send("TopicPubSub", "signed"), "NormalUser1", "NormalSecret1"));
  ASSERT_EQ(ok.code(), ResponseCode::kSuccess) << ok.remark().value_or("");
  // The consume queue is built by the store's dispatcher, a moment after the answer.
  EXPECT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  EXPECT_EQ(broker_->message_store().GetMaxOffsetInQueue("TopicPubSub", 0), 1);
}

TEST_F(BrokerAclEnforceTest, TopicPermissions) {
  auto as_normal = [](RemotingCommand r) {
    return Sign(std::move(r), "NormalUser1", "NormalSecret1");
  };
  // PUB needed: DENY and SUB-only topics are refused, PUB and PUB|SUB pass.
  ExpectRefused(as_normal(Send("TopicDeny", "x")),
                CheckPermRemark("No default permission for topic:TopicDeny", 611));
  ExpectRefused(as_normal(Send("TopicSubOnly", "x")),
                CheckPermRemark("No default permission for topic:TopicSubOnly", 611));
  // Not listed: defaultTopicPerm DENY.
  ExpectRefused(as_normal(Send("TopicOther", "x")),
                CheckPermRemark("No default permission for topic:TopicOther", 606));
  for (const char* topic : {"TopicPubOnly", "TopicPubSub"}) {
    RemotingCommand r = Call(as_normal(Send(topic, "ok")));
    EXPECT_EQ(r.code(), ResponseCode::kSuccess) << topic << ": " << r.remark().value_or("");
  }
  // The old SEND_MESSAGE header and batches are checked the same way.
  RemotingCommand v1 = Request(RequestCode::kSendMessage,
                               {{"producerGroup", "pg"},
                                {"topic", "TopicDeny"},
                                {"defaultTopic", "TBW102"},
                                {"defaultTopicQueueNums", "4"},
                                {"queueId", "0"},
                                {"sysFlag", "0"},
                                {"bornTimestamp", "1"},
                                {"flag", "0"},
                                {"reconsumeTimes", "0"},
                                {"unitMode", "false"},
                                {"batch", "false"}},
                               "v1");
  ExpectRefused(as_normal(std::move(v1)),
                CheckPermRemark("No default permission for topic:TopicDeny", 611));
  RemotingCommand batch =
      SendV2("TopicSubOnly", 0, "", "", "TBW102", RequestCode::kSendBatchMessage);
  ExpectRefused(as_normal(std::move(batch)),
                CheckPermRemark("No default permission for topic:TopicSubOnly", 611));

  // SUB needed: a pull of a PUB-only topic is refused, of a SUB topic with a SUB group served.
  ExpectRefused(as_normal(Pull("GroupSub", "TopicPubOnly", 0, 0)),
                CheckPermRemark("No default permission for topic:TopicPubOnly", 611));
  RemotingCommand pulled = Call(as_normal(Pull("GroupSub", "TopicSubOnly", 0, 0)));
  EXPECT_NE(pulled.code(), ResponseCode::kSystemError) << pulled.remark().value_or("");
  RemotingCommand query = as_normal(Request(RequestCode::kQueryMessage, {{"topic", "TopicPubOnly"},
                                                                         {"key", "k"},
                                                                         {"maxNum", "32"},
                                                                         {"beginTimestamp", "0"},
                                                                         {"endTimestamp", "1"}}));
  ExpectRefused(std::move(query),
                CheckPermRemark("No default permission for topic:TopicPubOnly", 611));
}

TEST_F(BrokerAclEnforceTest, GroupPermissionsAndRetryTopics) {
  auto as_normal = [](RemotingCommand r) {
    return Sign(std::move(r), "NormalUser1", "NormalSecret1");
  };
  // A pull needs SUB on the topic and on the group. When both are refused, the one Java's
  // HashMap iterates first is reported (checked against a JVM: the group for these names, the
  // topic for TopicPubOnly).
  ExpectRefused(as_normal(Pull("GroupDeny", "TopicSubOnly", 0, 0)),
                CheckPermRemark("No default permission for group:GroupDeny", 611));
  ExpectRefused(as_normal(Pull("GroupDeny", "TopicDeny", 0, 0)),
                CheckPermRemark("No default permission for group:GroupDeny", 611));
  ExpectRefused(as_normal(Pull("GroupDeny", "TopicPubOnly", 0, 0)),
                CheckPermRemark("No default permission for topic:TopicPubOnly", 611));
  // A group listed PUB has no SUB.
  ExpectRefused(as_normal(Pull("GroupPub", "TopicSubOnly", 0, 0)),
                CheckPermRemark("No default permission for group:GroupPub", 611));
  // Not listed: defaultGroupPerm SUB.
  RemotingCommand other = Call(as_normal(Pull("GroupOther", "TopicSubOnly", 0, 0)));
  EXPECT_NE(other.code(), ResponseCode::kSystemError) << other.remark().value_or("");

  // A send to a %RETRY% topic needs SUB on the group, not PUB on the topic.
  ExpectRefused(as_normal(Send("%RETRY%GroupDeny", "retry", "GroupDeny")),
                CheckPermRemark("No default permission for group:GroupDeny", 611));
  RemotingCommand retry = Call(as_normal(Send("%RETRY%GroupSub", "retry", "GroupSub")));
  EXPECT_NE(retry.code(), ResponseCode::kSystemError) << retry.remark().value_or("");
  ExpectRefused(
      as_normal(Request(RequestCode::kConsumerSendMsgBack, {{"group", "GroupDeny"},
                                                            {"offset", "0"},
                                                            {"delayLevel", "0"},
                                                            {"originMsgId", "x"},
                                                            {"originTopic", "TopicSubOnly"},
                                                            {"unitMode", "false"},
                                                            {"maxReconsumeTimes", "16"}})),
      CheckPermRemark("No default permission for group:GroupDeny", 611));

  // Offsets and the group's consumer list.
  ExpectRefused(
      as_normal(Request(RequestCode::kUpdateConsumerOffset, {{"consumerGroup", "GroupDeny"},
                                                             {"topic", "TopicSubOnly"},
                                                             {"queueId", "0"},
                                                             {"commitOffset", "5"}})),
      CheckPermRemark("No default permission for group:GroupDeny", 611));
  ExpectRefused(
      as_normal(Request(RequestCode::kUpdateConsumerOffset, {{"consumerGroup", "GroupSub"},
                                                             {"topic", "TopicPubOnly"},
                                                             {"queueId", "0"},
                                                             {"commitOffset", "5"}})),
      CheckPermRemark("No default permission for topic:TopicPubOnly", 611));
  ExpectRefused(
      as_normal(Request(RequestCode::kGetConsumerListByGroup, {{"consumerGroup", "GroupDeny"}})),
      CheckPermRemark("No default permission for group:GroupDeny", 611));
  ExpectRefused(as_normal(Request(RequestCode::kUnregisterClient,
                                  {{"clientID", "c1"}, {"consumerGroup", "GroupDeny"}})),
                CheckPermRemark("No default permission for group:GroupDeny", 611));

  // HEART_BEAT: the group and every subscribed topic need SUB; nothing is registered on refusal.
  ExpectRefused(as_normal(Request(RequestCode::kHeartBeat, {},
                                  HeartbeatBody("c1", "GroupDeny", "TopicSubOnly", "*"))),
                CheckPermRemark("No default permission for group:GroupDeny", 611));
  ExpectRefused(as_normal(Request(RequestCode::kHeartBeat, {},
                                  HeartbeatBody("c1", "GroupSub", "TopicPubOnly", "*"))),
                CheckPermRemark("No default permission for topic:TopicPubOnly", 611));
  EXPECT_FALSE(broker_->consumer_manager().GetGroup("GroupDeny").has_value());
  EXPECT_FALSE(broker_->consumer_manager().GetGroup("GroupSub").has_value());
  RemotingCommand hb = Call(as_normal(
      Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "GroupSub", "TopicSubOnly", "*"))));
  EXPECT_EQ(hb.code(), ResponseCode::kSuccess) << hb.remark().value_or("");
  EXPECT_TRUE(broker_->consumer_manager().GetGroup("GroupSub").has_value());
  // A heartbeat whose body cannot be read is refused by the parse step, as in Java.
  ExpectRefused(as_normal(Request(RequestCode::kHeartBeat)),
                std::string("org.apache.rocketmq.acl.common.AclException, ") +
                    "org.apache.rocketmq.acl.plain.PlainAccessValidator.parse("
                    "PlainAccessValidator.java:134)");
}

TEST_F(BrokerAclEnforceTest, AdminCodesAndDefaultPerms) {
  // UPDATE_AND_CREATE_TOPIC (17) and the other admin codes need admin: true.
  ExpectRefused(Sign(CreateTopicRequest("TopicNew", 4), "NormalUser1", "NormalSecret1"),
                CheckPermRemark("Need admin permission for request code=17, but accessKey="
                                "NormalUser1 is not",
                                581));
  EXPECT_FALSE(broker_->topic_config_manager().Select("TopicNew").has_value());
  ExpectRefused(Sign(Request(RequestCode::kDeleteTopicInBroker, {{"topic", "TopicPubSub"}}),
                     "DefaultUser1", "DefaultSecret1"),
                CheckPermRemark("Need admin permission for request code=215, but accessKey="
                                "DefaultUser1 is not",
                                581));
  EXPECT_TRUE(broker_->topic_config_manager().Select("TopicPubSub").has_value());
  // An admin without topic/group lists may do anything.
  RemotingCommand created =
      Call(Sign(CreateTopicRequest("TopicNew", 4), "AdminUser1", "AdminSecret1"));
  EXPECT_EQ(created.code(), ResponseCode::kSuccess) << created.remark().value_or("");
  RemotingCommand pulled =
      Call(Sign(Pull("GroupDeny", "TopicDeny", 0, 0), "AdminUser1", "AdminSecret1"));
  EXPECT_NE(pulled.code(), ResponseCode::kSystemError) << pulled.remark().value_or("");

  // defaultTopicPerm PUB|SUB and defaultGroupPerm SUB with no lists.
  RemotingCommand sent = Call(Sign(Send("TopicOther", "d"), "DefaultUser1", "DefaultSecret1"));
  EXPECT_EQ(sent.code(), ResponseCode::kSuccess) << sent.remark().value_or("");
  RemotingCommand pulled2 =
      Call(Sign(Pull("AnyGroup", "TopicOther", 0, 0), "DefaultUser1", "DefaultSecret1"));
  EXPECT_NE(pulled2.code(), ResponseCode::kSystemError) << pulled2.remark().value_or("");
  // Codes that carry no resource only need a valid signature.
  RemotingCommand info =
      Call(Sign(Request(RequestCode::kGetBrokerRuntimeInfo), "DefaultUser1", "DefaultSecret1"));
  EXPECT_EQ(info.code(), ResponseCode::kSuccess) << info.remark().value_or("");
}

TEST_F(BrokerAclEnforceTest, WhiteAddressesPassWithoutSignature) {
  // LocalUser1's white range 127.0.0-5.* covers 127.0.0.1: its AccessKey alone is enough, even
  // for a topic its perms deny (Java returns before the signature and permission checks).
  RemotingCommand r = Send("TopicDeny", "white");
  r.SetExtField("AccessKey", "LocalUser1");
  RemotingCommand ok = Call(std::move(r));
  EXPECT_EQ(ok.code(), ResponseCode::kSuccess) << ok.remark().value_or("");

  // A global white address admits anything, unsigned: add 127.0.0.1 and wait for the reload.
  std::string yml = kAclYml;
  yml.replace(yml.find("  - 10.10.103.*"), 0, "  - 127.0.0.{1,2}\n");
  WriteAcl(yml);
  ASSERT_TRUE(WaitFor([&] {
    Result<RemotingCommand> c =
        client_.InvokeSync(BrokerAddr(), Send("TopicDeny", "global-white"), 5000);
    return c.ok() && c->code() == ResponseCode::kSuccess;
  })) << "the edited plain_acl.yml was not picked up";
  RemotingCommand admin = Call(CreateTopicRequest("TopicByWhite", 1));
  EXPECT_EQ(admin.code(), ResponseCode::kSuccess) << admin.remark().value_or("");
}

TEST_F(BrokerAclEnforceTest, ReloadsEditedAndAddedFiles) {
  auto send = [&](const std::string& ak, const std::string& sk) {
    Result<RemotingCommand> c =
        client_.InvokeSync(BrokerAddr(), Sign(Send("TopicDeny", "reload"), ak, sk), 5000);
    return c.ok() ? c->code() : -1;
  };
  ASSERT_EQ(send("NormalUser1", "NormalSecret1"), ResponseCode::kSystemError);
  // Edited in place: TopicDeny becomes PUB.
  std::string yml = kAclYml;
  yml.replace(yml.find("TopicDeny=DENY"), 14, "TopicDeny=PUB");
  WriteAcl(yml);
  ASSERT_TRUE(
      WaitFor([&] { return send("NormalUser1", "NormalSecret1") == ResponseCode::kSuccess; }));

  // A new file under conf/acl/ adds an account; removing it takes the account away.
  const std::string extra = home_ + "/conf/acl/team.yml";
  fs::create_directories(home_ + "/conf/acl");
  std::ofstream(extra) << "accounts:\n- accessKey: TeamUser1\n  secretKey: TeamSecret1\n"
                          "  defaultTopicPerm: PUB\n";
  ASSERT_TRUE(WaitFor([&] { return send("TeamUser1", "TeamSecret1") == ResponseCode::kSuccess; }));
  fs::remove(extra);
  ASSERT_TRUE(
      WaitFor([&] { return send("TeamUser1", "TeamSecret1") == ResponseCode::kSystemError; }));

  // A broken file keeps the rules in force.
  WriteAcl("accounts: [ {accessKey: \n");
  const int64_t reloads = broker_->plain_permission_manager()->watcher_reloads();
  ASSERT_TRUE(
      WaitFor([&] { return broker_->plain_permission_manager()->watcher_reloads() > reloads; }));
  EXPECT_EQ(send("NormalUser1", "NormalSecret1"), ResponseCode::kSuccess);
  EXPECT_EQ(send("NormalUser1", "wrong-secret"), ResponseCode::kSystemError);
}

TEST_F(BrokerAclEnforceTest, ProducerConsumerAndAdminSignWithTheirAccount) {
  // Unsigned producer: every send attempt refused, the caller sees the broker's remark.
  {
    auto p = std::make_unique<DefaultMQProducer>("AclPG");
    p->setNamesrvAddr(NamesrvAddr());
    p->setInstanceName("acl-unsigned");
    p->start();
    MQMessage m("TopicPubSub", "TagA", "unsigned");
    try {
      p->send(m);
      ADD_FAILURE() << "an unsigned send was accepted";
    } catch (const MQException& e) {
      EXPECT_EQ(e.getResponseCode(), ResponseCode::kSystemError) << e.what();
      EXPECT_NE(std::string(e.what()).find("No accessKey is configured"), std::string::npos)
          << e.what();
    }
    p->shutdown();
  }
  // A producer with the wrong secret is refused too.
  {
    auto p = std::make_unique<DefaultMQProducer>("AclPG");
    p->setNamesrvAddr(NamesrvAddr());
    p->setInstanceName("acl-wrong");
    p->setSessionCredentials("NormalUser1", "WrongSecret1");
    p->start();
    MQMessage m("TopicPubSub", "TagA", "wrong");
    EXPECT_THROW(p->send(m), MQException);
    p->shutdown();
  }
  EXPECT_EQ(broker_->message_store().GetMaxPhyOffset(), 0);

  // Signed: NormalUser1 may publish to TopicPubSub and consume it as GroupSub.
  auto p = std::make_unique<DefaultMQProducer>("AclPG");
  p->setNamesrvAddr(NamesrvAddr());
  p->setInstanceName("acl-signed");
  p->setSessionCredentials("NormalUser1", "NormalSecret1");
  p->start();
  for (int i = 0; i < 10; ++i) {
    MQMessage m("TopicPubSub", "TagA", "acl-" + std::to_string(i));
    SendResult r = p->send(m);
    ASSERT_EQ(r.getSendStatus(), SEND_OK);
  }
  p->shutdown();

  Recorder rec;
  RecordingListener listener("c", &rec);
  auto c = MakeConsumer("GroupSub", "acl-consumer", "TopicPubSub");
  c->setSessionCredentials("NormalUser1", "NormalSecret1");
  c->registerMessageListener(&listener);
  c->start();
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 10; }, std::chrono::seconds(30)))
      << rec.distinct();
  c->shutdown();

  // The same consumer without credentials gets nothing (its heartbeat and pulls are refused).
  Recorder rec2;
  RecordingListener listener2("u", &rec2);
  auto u = MakeConsumer("GroupSub2", "acl-consumer-unsigned", "TopicPubSub");
  u->registerMessageListener(&listener2);
  u->start();
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(rec2.total(), 0u);
  EXPECT_FALSE(broker_->consumer_manager().GetGroup("GroupSub2").has_value());
  u->shutdown();

  // Admin API: a non-admin account cannot create a topic, an admin can.
  admin::TopicConfig cfg;
  cfg.topic_name = "TopicFromAdmin";
  cfg.read_queue_nums = cfg.write_queue_nums = 2;
  {
    DefaultMQAdminExt admin;
    admin.setNamesrvAddr(NamesrvAddr());
    admin.setSessionCredentials(SessionCredentials("NormalUser1", "NormalSecret1"));
    admin.start();
    try {
      admin.createAndUpdateTopicConfig(BrokerAddr(), cfg);
      ADD_FAILURE() << "a non-admin account created a topic";
    } catch (const MQException& e) {
      EXPECT_EQ(e.getResponseCode(), ResponseCode::kSystemError);
      EXPECT_NE(std::string(e.what()).find("Need admin permission for request code=17"),
                std::string::npos)
          << e.what();
    }
    admin.shutdown();
  }
  EXPECT_FALSE(broker_->topic_config_manager().Select("TopicFromAdmin").has_value());
  DefaultMQAdminExt admin;
  admin.setNamesrvAddr(NamesrvAddr());
  admin.setSessionCredentials(SessionCredentials("AdminUser1", "AdminSecret1"));
  admin.start();
  admin.createAndUpdateTopicConfig(BrokerAddr(), cfg);
  EXPECT_TRUE(broker_->topic_config_manager().Select("TopicFromAdmin").has_value());
  admin.shutdown();
}

// The NameServer does not check ACL (4.9.8 has no validator there): unsigned route queries work
// while the broker refuses the same client.
TEST_F(BrokerAclEnforceTest, NameServerStaysOpen) {
  Result<RemotingCommand> route = client_.InvokeSync(
      NamesrvAddr(), Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "TopicPubSub"}}), 5000);
  ASSERT_TRUE(route.ok()) << route.status().ToString();
  EXPECT_EQ(route->code(), ResponseCode::kSuccess) << route->remark().value_or("");
}

// Many threads checking while the rules are swapped underneath: no refusal of a valid request,
// no admission of an invalid one.
TEST_F(BrokerAclEnforceTest, ChecksStayCorrectDuringReloads) {
  std::atomic<bool> stop{false};
  std::thread editor([&] {
    int i = 0;
    while (!stop.load()) {
      std::string yml = kAclYml;
      yml += "  - accessKey: Churn" + std::to_string(i++ % 5) + "xx\n    secretKey: ChurnSecret1\n";
      WriteAcl(yml);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  for (int i = 0; i < 200; ++i) {
    RemotingCommand ok =
        Call(Sign(Request(RequestCode::kGetBrokerRuntimeInfo), "NormalUser1", "NormalSecret1"));
    EXPECT_EQ(ok.code(), ResponseCode::kSuccess) << ok.remark().value_or("");
    RemotingCommand bad = Call(Request(RequestCode::kGetBrokerRuntimeInfo));
    EXPECT_EQ(bad.code(), ResponseCode::kSystemError);
  }
  stop = true;
  editor.join();
}

}  // namespace
}  // namespace rocketmq::test
