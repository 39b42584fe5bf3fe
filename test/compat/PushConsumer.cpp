// A concurrent push consumer plus a producer sending -m messages, as the official PushConsumer
// example: every message must be consumed once.
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common.h"

std::mutex g_mtx;
std::condition_variable g_finished;
std::set<std::string> g_bodies;  // guarded by g_mtx
std::atomic<int> g_consumed(0);

using namespace rocketmq;

class MyMsgListener : public MessageListenerConcurrently {
 public:
  MyMsgListener() {}
  virtual ~MyMsgListener() {}
  virtual ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) {
    std::unique_lock<std::mutex> lck(g_mtx);
    for (size_t i = 0; i < msgs.size(); ++i) {
      g_bodies.insert(msgs[i].getBody());
      ++g_consumed;
    }
    g_finished.notify_one();
    return CONSUME_SUCCESS;
  }
};

int main(int argc, char* argv[]) {
  CompatArgs info;
  if (!ParseCompatArgs(argc, argv, &info)) return 2;
  DefaultMQPushConsumer consumer("please_rename_unique_group_name");
  DefaultMQProducer producer("please_rename_unique_group_name");
  producer.setSessionCredentials("AccessKey", "SecretKey", "ALIYUN");
  producer.setTcpTransportTryLockTimeout(1000);
  producer.setTcpTransportConnectTimeout(400);
  producer.setNamesrvDomain(info.namesrv_domain);
  producer.setNamesrvAddr(info.namesrv);
  producer.setGroupName("msg-persist-group_producer_sandbox");
  producer.start();

  consumer.setNamesrvAddr(info.namesrv);
  consumer.setGroupName(info.groupname);
  consumer.setSessionCredentials("AccessKey", "SecretKey", "ALIYUN");
  consumer.setConsumeThreadCount(4);
  consumer.setNamesrvDomain(info.namesrv_domain);
  consumer.setConsumeFromWhere(CONSUME_FROM_LAST_OFFSET);
  consumer.setAsyncPull(false);
  consumer.setInstanceName(info.groupname);
  consumer.subscribe(info.topic, "*");
  consumer.setTcpTransportTryLockTimeout(1000);
  consumer.setTcpTransportConnectTimeout(400);
  MyMsgListener msglistener;
  consumer.registerMessageListener(&msglistener);
  if (consumer.getMessageListenerType() != messageListenerConcurrently) {
    std::cout << "wrong listener type" << std::endl;
    return 1;
  }
  try {
    consumer.start();
  } catch (MQClientException& e) {
    std::cout << e << std::endl;
    return 1;
  }

  for (int i = 0; i < info.msg_count; ++i) {
    MQMessage msg(info.topic,  // topic
                  "*",         // tag
                  info.body + "-" + std::to_string(i));
    try {
      producer.send(msg);
    } catch (MQException& e) {
      std::cout << e << std::endl;
    }
  }
  {
    std::unique_lock<std::mutex> lck(g_mtx);
    g_finished.wait_until(lck, Deadline(info),
                          [&] { return static_cast<int>(g_bodies.size()) >= info.msg_count; });
  }
  producer.shutdown();
  consumer.shutdown();
  std::cout << "consumed distinct=" << g_bodies.size() << " deliveries=" << g_consumed.load()
            << " of " << info.msg_count << std::endl;
  return static_cast<int>(g_bodies.size()) == info.msg_count ? 0 : 1;
}
