// Sends -m messages one by one, as the official SyncProducer example does.
#include <stdio.h>

#include <iostream>

#include "common.h"

using namespace rocketmq;

int main(int argc, char* argv[]) {
  CompatArgs info;
  if (!ParseCompatArgs(argc, argv, &info)) return 2;
  DefaultMQProducer producer("please_rename_unique_group_name");
  producer.setNamesrvAddr(info.namesrv);
  producer.setNamesrvDomain(info.namesrv_domain);
  producer.setGroupName(info.groupname);
  producer.setInstanceName(info.groupname);
  producer.setSessionCredentials("mq acesskey", "mq secretkey", "ALIYUN");
  producer.setSendMsgTimeout(3000);
  producer.setTcpTransportTryLockTimeout(1000);
  producer.setTcpTransportConnectTimeout(400);
  producer.setLogLevel(eLOG_LEVEL_WARN);
  producer.start();
  int ok = 0;
  for (int i = 0; i < info.msg_count; ++i) {
    MQMessage msg(info.topic,  // topic
                  "*",         // tag
                  info.body + "-" + std::to_string(i));
    try {
      SendResult sendResult = producer.send(msg, info.select_unactive_broker);
      if (sendResult.getSendStatus() == SEND_OK) ++ok;
      if (i == 0) std::cout << "first msgid: " << sendResult.getMsgId() << std::endl;
    } catch (const MQException& e) {
      std::cout << "send failed: " << e << std::endl;
    }
  }
  producer.shutdown();
  std::cout << "sent ok=" << ok << " of " << info.msg_count << std::endl;
  return ok == info.msg_count ? 0 : 1;
}
