// An orderly push consumer, as the official OrderlyPushConsumer example, fed the way its
// OrderProducer example sends: one order id, its own selector class named like the library's,
// and the (selector, arg, autoRetryTimes, selectActiveBroker) send. Every message must arrive in
// the order sent.
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <string>
#include <vector>

#include "common.h"

using namespace rocketmq;

std::condition_variable g_finished;
std::mutex g_mtx;
std::vector<std::string> g_seen;  // guarded by g_mtx

class MyMsgListener : public MessageListenerOrderly {
 public:
  MyMsgListener() {}
  virtual ~MyMsgListener() {}
  virtual ConsumeStatus consumeMessage(const vector<MQMessageExt>& msgs) {
    std::unique_lock<std::mutex> lK(g_mtx);
    for (size_t i = 0; i < msgs.size(); i++) g_seen.push_back(msgs[i].getBody());
    g_finished.notify_one();
    return CONSUME_SUCCESS;
  }
};

class SelectMessageQueueByHash : public MessageQueueSelector {
 public:
  MQMessageQueue select(const std::vector<MQMessageQueue>& mqs, const MQMessage& msg, void* arg) {
    (void)msg;
    int orderId = *static_cast<int*>(arg);
    int index = orderId % mqs.size();
    return mqs[index];
  }
};
SelectMessageQueueByHash g_mySelector;

int main(int argc, char* argv[]) {
  CompatArgs info;
  if (!ParseCompatArgs(argc, argv, &info)) return 2;
  DefaultMQPushConsumer consumer("please_rename_unique_group_name");
  DefaultMQProducer producer("please_rename_unique_group_name");
  producer.setNamesrvAddr(info.namesrv);
  producer.setGroupName("msg-persist-group_producer_sandbox");
  producer.start();

  consumer.setNamesrvAddr(info.namesrv);
  consumer.setNamesrvDomain(info.namesrv_domain);
  consumer.setGroupName(info.groupname);
  consumer.setConsumeFromWhere(CONSUME_FROM_LAST_OFFSET);
  consumer.subscribe(info.topic, "*");
  consumer.setConsumeThreadCount(2);
  consumer.setConsumeMessageBatchMaxSize(31);
  MyMsgListener msglistener;
  consumer.registerMessageListener(&msglistener);
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
    int orderId = 1;
    try {
      SendResult sendResult = producer.send(msg, &g_mySelector, static_cast<void*>(&orderId),
                                            info.retrytimes, info.select_unactive_broker);
      if (sendResult.getMessageQueue().getQueueId() != 1) std::cout << "wrong queue" << std::endl;
    } catch (MQException& e) {
      std::cout << e << std::endl;
    }
  }
  {
    std::unique_lock<std::mutex> lk(g_mtx);
    g_finished.wait_until(lk, Deadline(info),
                          [&] { return static_cast<int>(g_seen.size()) >= info.msg_count; });
  }
  producer.shutdown();
  consumer.shutdown();
  bool in_order = static_cast<int>(g_seen.size()) == info.msg_count;
  for (size_t i = 0; in_order && i < g_seen.size(); ++i) {
    in_order = g_seen[i] == info.body + "-" + std::to_string(i);
  }
  std::cout << "orderly consumed=" << g_seen.size() << " of " << info.msg_count
            << (in_order ? " in order" : " NOT in order") << std::endl;
  return in_order ? 0 : 1;
}
