// The official C++ client (rocketmq-client-cpp 2.2.0) names: what the compatibility members do
// without a server. The programs of test/compat cover them against a broker.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "common/logging.h"
#include "rocketmq/Arg_helper.h"
#include "rocketmq/DefaultMQProducer.h"
#include "rocketmq/DefaultMQPullConsumer.h"
#include "rocketmq/DefaultMQPushConsumer.h"
#include "rocketmq/MQClientException.h"
#include "rocketmq/TransactionMQProducer.h"
#include "rocketmq/select_message_queue_by_hash.h"
#include "rocketmq/version.h"

namespace rocketmq {
namespace {

static_assert(std::is_same_v<ConsumeOrderlyStatus, ConsumeStatus>);
static_assert(std::is_same_v<ConsumeConcurrentlyStatus, ConsumeStatus>);
static_assert(SUCCESS == CONSUME_SUCCESS && SUSPEND_CURRENT_QUEUE_A_MOMENT == RECONSUME_LATER);
static_assert(UNKNOWN == UNKNOW && BROKER_TIMEOUT == 4);

class PlainListener : public MQMessageListener {
 public:
  explicit PlainListener(MessageListenerType type) : type_(type) {}
  ConsumeStatus consumeMessage(const std::vector<MQMessageExt>&) override {
    return CONSUME_SUCCESS;
  }
  MessageListenerType getMessageListenerType() override { return type_; }

 private:
  MessageListenerType type_;
};

class OfficialOrderly : public MessageListenerOrderly {
 public:
  ConsumeStatus consumeMessage(const std::vector<MQMessageExt>&) override {
    return RECONSUME_LATER;
  }
};

class OfficialCallback : public AutoDeleteSendCallBack {
 public:
  void onSuccess(SendResult&) override {}
  void onException(MQException&) override {}
};

TEST(CompatApiTest, ArgHelperReadsOptionsAndValues) {
  Arg_helper args("prog -n 127.0.0.1:9876 -t Topic -v");
  EXPECT_EQ(args.get_option(0), "prog");
  EXPECT_EQ(args.get_option(9), "");
  EXPECT_EQ(args.get_option_value("-n"), "127.0.0.1:9876");
  EXPECT_EQ(args.get_option_value("-t"), "Topic");
  EXPECT_EQ(args.get_option_value("-v"), "");  // last word: no value
  EXPECT_EQ(args.get_option_value("-x"), "");
  EXPECT_TRUE(args.is_enable_option("-v"));
  EXPECT_FALSE(args.is_enable_option("-x"));
  char a0[] = "p", a1[] = "-g", a2[] = "G";
  char* argv[] = {a0, a1, a2};
  EXPECT_EQ(Arg_helper(3, argv).get_option_value("-g"), "G");
}

TEST(CompatApiTest, ExceptionsCarryFileLineAndPrintTheirType) {
  try {
    THROW_MQEXCEPTION(MQClientException, "bad thing", -7);
  } catch (const MQException& e) {
    EXPECT_EQ(e.GetError(), -7);
    EXPECT_STREQ(e.GetType(), "MQClientException");
    EXPECT_NE(std::string(e.GetFile()).find("compat_api_test.cpp"), std::string::npos);
    EXPECT_GT(e.GetLine(), 0);
    std::ostringstream os;
    os << e;
    EXPECT_EQ(os.str(), "Type: MQClientException , CODE: -7  DESC: bad thing");
  }
  RemotingException r = NEW_MQEXCEPTION(RemotingException, "down", 3);
  EXPECT_STREQ(r.GetType(), "RemotingException");
  MQBrokerException b("remark", 17, nullptr, 0);
  EXPECT_STREQ(b.GetFile(), "");
  EXPECT_EQ(b.getResponseCode(), 17);
}

TEST(CompatApiTest, ProducerKeepsSettingsWithoutEffectAndRefusesADomain) {
  DefaultMQProducer producer("compat_group");
  EXPECT_EQ(producer.getTcpTransportConnectTimeout(), 3000u);
  producer.setTcpTransportConnectTimeout(400);
  producer.setTcpTransportTryLockTimeout(1000);
  producer.setTcpTransportPullThreadNum(3);
  producer.setNamesrvDomain("");
  EXPECT_EQ(producer.getTcpTransportConnectTimeout(), 400u);
  EXPECT_EQ(producer.getTcpTransportTryLockTimeout(), 1000u);
  EXPECT_EQ(producer.getTcpTransportPullThreadNum(), 3);
  EXPECT_THROW(producer.setNamesrvDomain("jmenv.tbsite.net"), MQClientException);
  EXPECT_EQ(producer.getNamesrvDomain(), "");
  EXPECT_THROW(producer.setLogFileSizeAndNum(0, 100), MQClientException);
  producer.setNameSpace("ns1");
  EXPECT_EQ(producer.getNamespace(), "ns1");
  producer.setUnitName("unit1");
  EXPECT_EQ(producer.getUnitName(), "unit1");
  producer.setCompressLevel(7);
  EXPECT_EQ(producer.getCompressLevel(), 7);
  producer.setEnableSsl(true);
  EXPECT_TRUE(producer.getEnableSsl());
  EXPECT_EQ(producer.version(), Version());
}

TEST(CompatApiTest, LogLevelMapsToTheLibraryLevel) {
  const LogLevel saved = GetLogLevel();
  DefaultMQProducer producer("compat_group");
  producer.setLogLevel(eLOG_LEVEL_DEBUG);
  EXPECT_EQ(GetLogLevel(), LogLevel::kDebug);
  EXPECT_EQ(producer.getLogLevel(), eLOG_LEVEL_DEBUG);
  producer.setLogLevel(eLOG_LEVEL_FATAL);
  EXPECT_EQ(producer.getLogLevel(), eLOG_LEVEL_ERROR);
  EXPECT_THROW(producer.setLogLevel(eLOG_LEVEL_LEVEL_NUM), MQClientException);
  SetLogLevel(saved);
}

TEST(CompatApiTest, SendsBeforeStartFailAsClientErrors) {
  DefaultMQProducer producer("compat_group");
  MQMessage msg("T", "*", "body");
  EXPECT_THROW(producer.send(msg, true), MQClientException);
  EXPECT_THROW(producer.sendOneway(msg, false), MQClientException);
  SelectMessageQueueByHash selector;
  std::string key = "k";
  EXPECT_THROW(producer.send(msg, &selector, &key, 3, false), MQClientException);
  EXPECT_THROW(producer.send(msg, nullptr, &key, 3), MQClientException);
}

TEST(CompatApiTest, AutoDeleteCallbacksSayWhoDeletesThem) {
  SendCallback* cb = new OfficialCallback();
  EXPECT_EQ(cb->getSendCallbackType(), autoDeleteSendCallback);
  delete cb;
}

TEST(CompatApiTest, PushConsumerAcceptsEveryListenerKind) {
  DefaultMQPushConsumer consumer("compat_group");
  EXPECT_EQ(consumer.getMessageListenerType(), messageListenerDefaultly);
  PlainListener plain(messageListenerDefaultly);
  consumer.registerMessageListener(&plain);
  EXPECT_EQ(consumer.getMessageListenerType(), messageListenerDefaultly);
  PlainListener plain_orderly(messageListenerOrderly);
  consumer.registerMessageListener(static_cast<MQMessageListener*>(&plain_orderly));
  EXPECT_EQ(consumer.getMessageListenerType(), messageListenerOrderly);
  OfficialOrderly orderly;
  consumer.registerMessageListener(static_cast<MQMessageListener*>(&orderly));
  EXPECT_EQ(consumer.getMessageListenerType(), messageListenerOrderly);
  EXPECT_THROW(consumer.registerMessageListener(static_cast<MQMessageListener*>(nullptr)),
               MQClientException);

  consumer.setMaxCacheMsgSizePerQueue(500);
  EXPECT_EQ(consumer.getMaxCacheMsgSizePerQueue(), 500);
  EXPECT_EQ(consumer.get("pullThresholdForQueue"), "500");
  EXPECT_THROW(consumer.setMaxCacheMsgSizePerQueue(0), MQClientException);
  consumer.setConsumeThreadCount(7);
  EXPECT_EQ(consumer.getConsumeThreadCount(), 7);
  consumer.setSessionCredentials("ak", "sk", "ALIYUN");
  EXPECT_EQ(consumer.getSessionCredentials().getAccessKey(), "ak");
  consumer.setAsyncPull(false);
  consumer.setPullMsgThreadPoolCount(4);
  EXPECT_EQ(consumer.getPullMsgThreadPoolCount(), 4);
}

TEST(CompatApiTest, PullConsumerKeepsOffsetsAndNeedsStart) {
  DefaultMQPullConsumer consumer("compat_group");
  MQMessageQueue mq("T", "broker-a", 1);
  consumer.updateConsumeOffset(mq, 42);
  EXPECT_EQ(consumer.fetchConsumeOffset(mq, false), 42);
  EXPECT_THROW(consumer.updateConsumeOffset(mq, -1), MQClientException);
  consumer.removeConsumeOffset(mq);
  EXPECT_THROW(consumer.fetchConsumeOffset(mq, false), MQClientException);  // not started
  EXPECT_THROW(consumer.pull(mq, "*", 0, 32), MQClientException);
  std::vector<MQMessageQueue> mqs;
  EXPECT_THROW(consumer.fetchSubscribeMessageQueues("T", mqs), MQClientException);
  consumer.setNameSpace("ns");
  EXPECT_EQ(consumer.getNameSpace(), "ns");
  EXPECT_EQ(consumer.getConsumeFromWhere(), CONSUME_FROM_LAST_OFFSET);
  consumer.shutdown();
  EXPECT_THROW(consumer.start(), MQClientException);
}

TEST(CompatApiTest, OfficialValueTypesConstructAndPrint) {
  PullResult r(FOUND, 10, 0, 12, std::vector<MQMessageExt>(2));
  EXPECT_EQ(r.toString(),
            "PullResult [ pullStatus=FOUND, nextBeginOffset=10, minOffset=0, maxOffset=12, "
            "msgFoundList=2 ]");
  EXPECT_EQ(PullResult(BROKER_TIMEOUT).toString().find("BROKER_TIMEOUT") != std::string::npos,
            true);
  // The official header's status names, as its examples print them.
  EXPECT_STREQ(EnumStrings[NO_MATCHED_MSG], "NO_MATCHED_MSG");
  EXPECT_STREQ(EnumStrings[BROKER_TIMEOUT], "BROKER_TIMEOUT");
  SendResult s(SEND_OK, "id", "offset-id", MQMessageQueue("T", "b", 0), 5, "region");
  EXPECT_EQ(s.getRegionId(), "region");
  TransactionSendResult t(SEND_OK, "id", "offset-id", MQMessageQueue("T", "b", 0), 5);
  EXPECT_EQ(t.getLocalTransactionState(), UNKNOWN);
  MQMessage m;
  m.setTopic("TopicXYZ", 5);
  EXPECT_EQ(m.getTopic(), "Topic");
  m.setProperty(MQMessage::PROPERTY_KEYS, "k1");
  EXPECT_EQ(m.getKeys(), "k1");
  m.setSysFlag(1);
  EXPECT_EQ(m.getSysFlag(), 1);
  SessionCredentials c("ak", "sk", "ALIYUN");
  c.setSignature("sig");
  EXPECT_EQ(c.getSignature(), "sig");
  EXPECT_EQ(SessionCredentials::AccessKey, "AccessKey");
}

}  // namespace
}  // namespace rocketmq
