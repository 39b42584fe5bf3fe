// The producer's TLS switch against a broker that refuses plain text (Java's
// tls.server.mode=enforcing); the NameServer stays permissive, as in a mixed deployment.
#include <gtest/gtest.h>

#include "integration/producer_test_util.h"

namespace rocketmq::test {
namespace {

class ProducerTlsTest : public ProducerFixture {
 protected:
  void SetUp() override {
    broker_tls_mode_ = remoting::TlsMode::kEnforcing;
    ProducerFixture::SetUp();
  }
};

TEST_F(ProducerTlsTest, TlsProducerSendsToAnEnforcingBroker) {
  // The fixture's admin client speaks plain text, so the topic is auto-created via TBW102.
  auto producer = MakeProducer("tls_pg");
  producer->setUseTLS(true);
  producer->start();
  for (int i = 0; i < 5; ++i) {
    MQMessage msg("TlsTopic", "TagT", "tls-body-" + std::to_string(i));
    SendResult r = producer->send(msg);
    EXPECT_EQ(r.getSendStatus(), SEND_OK);
  }
  producer->shutdown();

  // The same producer without TLS cannot reach the broker.
  auto plain = MakeProducer("plain_pg");
  plain->setSendMsgTimeout(1500);
  plain->start();
  MQMessage msg("TlsTopic", "TagT", "plain");
  EXPECT_THROW(plain->send(msg), MQException);
  plain->shutdown();
}

}  // namespace
}  // namespace rocketmq::test
