// A program written for the official C++ client (rocketmq-client-cpp 2.2.0), built outside the
// tree against the installed headers. Its users compile with -I<prefix>/include/rocketmq and
// write #include "DefaultMQProducer.h"; with find_package the include directory is <prefix>/include
// and the same headers are <rocketmq/DefaultMQProducer.h>. It needs no server: it checks what
// the client does before anything is sent.
#include <stdio.h>

#include <iostream>
#include <string>

#ifdef COMPAT_ANGLE_INCLUDES
#include <rocketmq/DefaultMQProducer.h>
#include <rocketmq/DefaultMQPullConsumer.h>
#include <rocketmq/DefaultMQPushConsumer.h>
#include <rocketmq/TransactionMQProducer.h>
#else
#include "DefaultMQProducer.h"
#include "DefaultMQPullConsumer.h"
#include "DefaultMQPushConsumer.h"
#include "TransactionMQProducer.h"
#endif

using namespace rocketmq;

class MyMsgListener : public MessageListenerOrderly {
 public:
  virtual ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) {
    return msgs.empty() ? RECONSUME_LATER : CONSUME_SUCCESS;
  }
};

int main() {
  DefaultMQProducer producer("please_rename_unique_group_name");
  producer.setNamesrvAddr("127.0.0.1:1");
  producer.setNamesrvDomain("");
  producer.setSessionCredentials("AccessKey", "SecretKey", "ALIYUN");
  producer.setTcpTransportTryLockTimeout(1000);
  producer.setTcpTransportConnectTimeout(400);
  producer.setLogLevel(eLOG_LEVEL_WARN);
  if (producer.getTcpTransportConnectTimeout() != 400 ||
      producer.getLogLevel() != eLOG_LEVEL_WARN) {
    return 1;
  }
  MQMessage msg("TopicTest", "TagA", "hello");
  msg.setProperty("property1", "value1");
  try {
    producer.send(msg, false);  // before start(): a client error
    return 2;
  } catch (MQClientException& e) {
    std::cout << "send before start: " << e << std::endl;
  }

  DefaultMQPushConsumer consumer("please_rename_unique_group_name");
  MyMsgListener listener;
  consumer.registerMessageListener(&listener);
  consumer.setConsumeFromWhere(CONSUME_FROM_LAST_OFFSET);
  consumer.setMessageModel(CLUSTERING);
  if (consumer.getMessageListenerType() != messageListenerOrderly) return 3;

  DefaultMQPullConsumer pull_consumer("please_rename_unique_group_name");
  PullResult empty(NO_NEW_MSG);
  std::cout << empty.toString() << " " << producer.version() << std::endl;
  return 0;
}
