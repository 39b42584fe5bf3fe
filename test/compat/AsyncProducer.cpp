// Sends -m messages with one shared SendCallback and -m more with AutoDeleteSendCallBack objects
// the library deletes, as the official AsyncProducer example does (its -d option).
#include <condition_variable>
#include <iostream>
#include <mutex>

#include "common.h"

using namespace rocketmq;

std::mutex g_mtx;
std::condition_variable g_finished;
std::atomic<int> g_success(0);
std::atomic<int> g_failed(0);
std::atomic<int> g_deleted(0);

static void Done() {
  std::unique_lock<std::mutex> lck(g_mtx);
  g_finished.notify_one();
}

class MySendCallback : public SendCallback {
  virtual void onSuccess(SendResult& sendResult) {
    (void)sendResult;
    ++g_success;
    Done();
  }
  virtual void onException(MQException& e) {
    std::cout << "send Exception " << e << "\n";
    ++g_failed;
    Done();
  }
};

class MyAutoDeleteSendCallback : public AutoDeleteSendCallBack {
 public:
  virtual ~MyAutoDeleteSendCallback() { ++g_deleted; }
  virtual void onSuccess(SendResult& sendResult) {
    (void)sendResult;
    ++g_success;
    Done();
  }
  virtual void onException(MQException& e) {
    std::cout << "send Exception" << e << "\n";
    ++g_failed;
    Done();
  }
};

int main(int argc, char* argv[]) {
  CompatArgs info;
  if (!ParseCompatArgs(argc, argv, &info)) return 2;
  DefaultMQProducer producer("please_rename_unique_group_name");
  SendCallback* callback = new MySendCallback();
  producer.setNamesrvAddr(info.namesrv);
  producer.setGroupName(info.groupname);
  producer.setInstanceName(info.groupname);
  producer.setNamesrvDomain(info.namesrv_domain);
  producer.start();
  for (int i = 0; i < 2 * info.msg_count; ++i) {
    MQMessage msg(info.topic,  // topic
                  "*",         // tag
                  info.body);  // body
    try {
      if (i < info.msg_count) {
        producer.send(msg, callback);
      } else {
        producer.send(msg, new MyAutoDeleteSendCallback());  // deleted by the library
      }
    } catch (MQException& e) {
      std::cout << e << std::endl;
    }
  }
  const int expected = 2 * info.msg_count;
  {
    std::unique_lock<std::mutex> lck(g_mtx);
    g_finished.wait_until(lck, Deadline(info),
                          [&] { return g_success.load() + g_failed.load() >= expected; });
  }
  producer.shutdown();
  delete callback;
  std::cout << "async ok=" << g_success.load() << " failed=" << g_failed.load()
            << " auto-deleted=" << g_deleted.load() << std::endl;
  return g_success.load() == expected && g_deleted.load() == info.msg_count ? 0 : 1;
}
