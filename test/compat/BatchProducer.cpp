// Sends -m batches of three messages with user properties, as the official BatchProducer example.
#include <iostream>
#include <vector>

#include "common.h"

using namespace rocketmq;
using namespace std;

int main(int argc, char* argv[]) {
  CompatArgs info;
  if (!ParseCompatArgs(argc, argv, &info)) return 2;
  DefaultMQProducer producer("please_rename_unique_group_name");
  producer.setNamesrvAddr(info.namesrv);
  producer.setNamesrvDomain(info.namesrv_domain);
  producer.setGroupName(info.groupname);
  producer.setInstanceName(info.groupname);
  producer.setSendMsgTimeout(3000);
  producer.start();
  int ok = 0;
  for (int i = 0; i < info.msg_count; ++i) {
    vector<MQMessage> msgs;
    MQMessage msg1(info.topic, "*", info.body);
    msg1.setProperty("property1", "value1");
    MQMessage msg2(info.topic, "*", info.body);
    msg2.setProperty("property1", "value1");
    msg2.setProperty("property2", "value2");
    MQMessage msg3(info.topic, "*", info.body);
    msg3.setProperty("property1", "value1");
    msg3.setProperty("property2", "value2");
    msg3.setProperty("property3", "value3");
    msgs.push_back(msg1);
    msgs.push_back(msg2);
    msgs.push_back(msg3);
    try {
      SendResult sendResult = producer.send(msgs);
      if (sendResult.getSendStatus() == SEND_OK) ++ok;
    } catch (const MQException& e) {
      std::cout << "send failed: " << e.what() << std::endl;
    }
  }
  producer.shutdown();
  std::cout << "batches ok=" << ok << " of " << info.msg_count << std::endl;
  return ok == info.msg_count ? 0 : 1;
}
