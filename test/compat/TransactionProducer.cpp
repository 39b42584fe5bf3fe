// Sends -m transactional messages, as the official TransactionProducer example; the local
// transaction commits even-numbered ones and rolls back odd ones. A push consumer then must see
// exactly the committed ones.
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <set>
#include <string>

#include "DefaultMQPushConsumer.h"
#include "TransactionListener.h"
#include "TransactionMQProducer.h"
#include "TransactionSendResult.h"
#include "common.h"

using namespace rocketmq;

std::mutex g_mtx;
std::condition_variable g_finished;
std::set<std::string> g_consumed;  // guarded by g_mtx

class MyTransactionListener : public TransactionListener {
  virtual LocalTransactionState executeLocalTransaction(const MQMessage& msg, void* arg) {
    if (!arg) {
      std::cout << "executeLocalTransaction transactionId:" << msg.getTransactionId()
                << ", return state: COMMIT_MESAGE " << endl;
      return LocalTransactionState::COMMIT_MESSAGE;
    }
    LocalTransactionState state = (LocalTransactionState)(*(int*)arg % 3);
    return state;
  }
  virtual LocalTransactionState checkLocalTransaction(const MQMessageExt& msg) {
    std::cout << "checkLocalTransaction enter msg:" << msg.toString() << endl;
    return LocalTransactionState::ROLLBACK_MESSAGE;
  }
};

class MyMsgListener : public MessageListenerConcurrently {
 public:
  virtual ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) {
    std::unique_lock<std::mutex> lck(g_mtx);
    for (size_t i = 0; i < msgs.size(); ++i) g_consumed.insert(msgs[i].getBody());
    g_finished.notify_one();
    return CONSUME_SUCCESS;
  }
};

int main(int argc, char* argv[]) {
  CompatArgs info;
  if (!ParseCompatArgs(argc, argv, &info)) return 2;
  DefaultMQPushConsumer consumer(info.groupname + "_consumer");
  consumer.setNamesrvAddr(info.namesrv);
  consumer.setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
  consumer.subscribe(info.topic, "*");
  MyMsgListener msgListener;
  consumer.registerMessageListener(&msgListener);
  consumer.start();

  TransactionMQProducer producer("please_rename_unique_group_name");
  producer.setNamesrvAddr(info.namesrv);
  producer.setNamesrvDomain(info.namesrv_domain);
  producer.setGroupName(info.groupname);
  producer.setInstanceName(info.groupname);
  producer.setSessionCredentials("mq acesskey", "mq secretkey", "ALIYUN");
  producer.setSendMsgTimeout(3000);
  producer.setTcpTransportTryLockTimeout(1000);
  producer.setTcpTransportConnectTimeout(400);
  producer.setLogLevel(eLOG_LEVEL_WARN);
  MyTransactionListener txListener;
  producer.setTransactionListener(&txListener);
  producer.start();

  std::set<std::string> committed;
  for (int i = 0; i < info.msg_count; ++i) {
    const std::string body = info.body + "-" + std::to_string(i);
    MQMessage msg(info.topic,  // topic
                  "*",         // tag
                  body);
    try {
      // 0 % 3 = COMMIT_MESSAGE, 1 % 3 = ROLLBACK_MESSAGE
      int state = (i % 2 == 0) ? COMMIT_MESSAGE : ROLLBACK_MESSAGE;
      TransactionSendResult sendResult = producer.sendMessageInTransaction(msg, &state);
      if (sendResult.getLocalTransactionState() == COMMIT_MESSAGE) committed.insert(body);
    } catch (const MQException& e) {
      std::cout << "send failed: " << e.what() << std::endl;
    }
  }
  {
    std::unique_lock<std::mutex> lck(g_mtx);
    g_finished.wait_until(lck, Deadline(info),
                          [&] { return g_consumed.size() >= committed.size(); });
  }
  producer.shutdown();
  consumer.shutdown();
  std::cout << "committed=" << committed.size() << " consumed=" << g_consumed.size() << std::endl;
  return static_cast<int>(committed.size()) == (info.msg_count + 1) / 2 && g_consumed == committed
             ? 0
             : 1;
}
