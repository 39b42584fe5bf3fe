// A program outside the tree that uses only the installed headers and library: it must compile
// against <rocketmq/rocketmq.h> alone and see the library's behaviour without any server.
#include <cstdio>
#include <cstring>

#include <rocketmq/rocketmq.h>
#include <rocketmq/version.h>

int main() {
  if (std::strlen(rocketmq::Version()) == 0 || rocketmq::ProtocolVersion() < 401) return 1;

  rocketmq::MQMessage msg("TopicTest", "TagA", "hello");
  msg.setKeys("k1");
  if (msg.getTopic() != "TopicTest" || msg.getTags() != "TagA" || msg.getBody() != "hello") {
    return 2;
  }

  // Sending before start() is a client error, reported as the documented exception type.
  rocketmq::DefaultMQProducer producer("install_check_group");
  producer.setNamesrvAddr("127.0.0.1:1");
  try {
    producer.send(msg);
    return 3;
  } catch (const rocketmq::MQClientException& e) {
    std::printf("send before start: %s\n", e.what());
  }
  producer.shutdown();

  std::printf("rocketmq %s, protocol %d\n", rocketmq::Version(), rocketmq::ProtocolVersion());
  return 0;
}
