// Sends -m messages, then reads every queue of the topic from offset 0 with
// DefaultMQPullConsumer, as the official PullConsumer example; stores and reads back the
// offsets, and makes one asynchronous pull.
#include <condition_variable>
#include <iostream>
#include <map>
#include <mutex>
#include <vector>

#include "common.h"

using namespace rocketmq;

std::map<MQMessageQueue, uint64_t> g_offseTable;

void putMessageQueueOffset(MQMessageQueue mq, uint64_t offset) { g_offseTable[mq] = offset; }

uint64_t getMessageQueueOffset(MQMessageQueue mq) {
  map<MQMessageQueue, uint64_t>::iterator it = g_offseTable.find(mq);
  if (it != g_offseTable.end()) {
    return it->second;
  }
  return 0;
}

class MyPullCallback : public PullCallback {
 public:
  virtual void onSuccess(MQMessageQueue& mq, PullResult& result, bool bProducePullRequest) {
    (void)bProducePullRequest;
    std::unique_lock<std::mutex> lck(mtx);
    std::cout << "async " << mq.toString() << " " << result.toString() << std::endl;
    found = result.msgFoundList.size();
    done = true;
    cv.notify_one();
  }
  virtual void onException(MQException& e) {
    std::unique_lock<std::mutex> lck(mtx);
    std::cout << "async pull failed: " << e << std::endl;
    done = true;
    cv.notify_one();
  }
  std::mutex mtx;
  std::condition_variable cv;
  bool done = false;
  size_t found = 0;
};

class MyQueueListener : public MQueueListener {
 public:
  virtual void messageQueueChanged(const std::string& topic, std::vector<MQMessageQueue>& mqAll,
                                   std::vector<MQMessageQueue>& mqDivided) {
    std::cout << "queues of " << topic << ": " << mqAll.size() << " all, " << mqDivided.size()
              << " mine" << std::endl;
    told = static_cast<int>(mqAll.size());
  }
  int told = 0;
};

int main(int argc, char* argv[]) {
  CompatArgs info;
  if (!ParseCompatArgs(argc, argv, &info)) return 2;
  {
    DefaultMQProducer producer("please_rename_unique_group_name");
    producer.setNamesrvAddr(info.namesrv);
    producer.start();
    for (int i = 0; i < info.msg_count; ++i) {
      MQMessage msg(info.topic, "*", info.body);
      producer.send(msg);
    }
    producer.shutdown();
  }

  DefaultMQPullConsumer consumer("please_rename_unique_group_name");
  consumer.setNamesrvAddr(info.namesrv);
  consumer.setNamesrvDomain(info.namesrv_domain);
  consumer.setGroupName(info.groupname);
  consumer.setInstanceName(info.groupname);
  MyQueueListener queueListener;
  consumer.registerMessageQueueListener(info.topic, &queueListener);
  consumer.start();
  std::vector<MQMessageQueue> mqs;

  try {
    consumer.fetchSubscribeMessageQueues(info.topic, mqs);
    auto iter = mqs.begin();
    for (; iter != mqs.end(); ++iter) {
      std::cout << "mq:" << (*iter).toString() << endl;
    }
  } catch (MQException& e) {
    std::cout << e << endl;
    return 1;
  }

  int total = 0;
  auto iter = mqs.begin();
  for (; iter != mqs.end(); ++iter) {
    MQMessageQueue mq = (*iter);
    bool noNewMsg = false;
    do {
      try {
        PullResult result = consumer.pull(mq, "*", getMessageQueueOffset(mq), 32);
        total += result.msgFoundList.size();
        if (result.pullStatus != BROKER_TIMEOUT) {
          putMessageQueueOffset(mq, result.nextBeginOffset);
          std::cout << result.toString() << std::endl;
        } else {
          cout << "broker timeout occur" << endl;
        }
        switch (result.pullStatus) {
          case FOUND:
          case NO_MATCHED_MSG:
          case OFFSET_ILLEGAL:
          case BROKER_TIMEOUT:
            break;
          case NO_NEW_MSG:
            noNewMsg = true;
            break;
          default:
            break;
        }
      } catch (MQClientException& e) {
        std::cout << e << std::endl;
        return 1;
      }
    } while (!noNewMsg);
    consumer.updateConsumeOffset(mq, getMessageQueueOffset(mq));
  }
  consumer.persistConsumerOffset();
  bool offsets_ok = true;
  for (const MQMessageQueue& mq : mqs) {
    int64 stored = consumer.fetchConsumeOffset(mq, true);
    if (stored != static_cast<int64>(getMessageQueueOffset(mq))) {
      std::cout << "stored offset " << stored << " != " << getMessageQueueOffset(mq) << " for "
                << mq.toString() << std::endl;
      offsets_ok = false;
    }
  }

  MyPullCallback callback;
  consumer.pull(mqs[0], "*", 0, 32, &callback);
  {
    std::unique_lock<std::mutex> lck(callback.mtx);
    callback.cv.wait_until(lck, Deadline(info), [&] { return callback.done; });
  }
  const bool async_ok = callback.done && callback.found == getMessageQueueOffset(mqs[0]);

  consumer.shutdown();
  std::cout << "pulled=" << total << " of " << info.msg_count << " offsets "
            << (offsets_ok ? "stored" : "WRONG") << " async " << (async_ok ? "ok" : "WRONG")
            << " listener told " << queueListener.told << std::endl;
  return total == info.msg_count && offsets_ok && async_ok &&
                 queueListener.told == static_cast<int>(mqs.size())
             ? 0
             : 1;
}
