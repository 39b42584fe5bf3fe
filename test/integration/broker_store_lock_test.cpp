// The store lock (Java DefaultMessageStore's <storePathRootDir>/lock): a second broker on a store
// in use must not start, and the store is free again once the first broker has shut down.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

class BrokerStoreLockTest : public BrokerFixture {
 protected:
  std::unique_ptr<broker::BrokerController> NewBrokerOnSameStore() {
    auto cfg = std::make_shared<broker::BrokerConfiguration>();
    Properties p = BrokerProps();
    p.Set("brokerName", "broker-b");  // a different broker, same storePathRootDir
    EXPECT_TRUE(cfg->Apply(p, nullptr).ok());
    return std::make_unique<broker::BrokerController>(cfg);
  }
};

TEST_F(BrokerStoreLockTest, SecondBrokerOnOneStoreFailsToStart) {
  std::ifstream in(dir_.path() + "/store/lock", std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), "lock");  // what Java writes into it

  std::unique_ptr<broker::BrokerController> second = NewBrokerOnSameStore();
  Status st = second->Start();
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.ToString().find("Lock failed,MQ already started"), std::string::npos)
      << st.ToString();
  EXPECT_EQ(second->port(), 0);  // nothing left serving
  second.reset();

  // The first broker is unharmed.
  ASSERT_EQ(CreateTopic("StillServing", 1).code(), ResponseCode::kSuccess);

  // Once it is down, another broker may take the store.
  broker_->Shutdown();
  broker_.reset();
  std::unique_ptr<broker::BrokerController> third = NewBrokerOnSameStore();
  st = third->Start();
  EXPECT_TRUE(st.ok()) << st.ToString();
}

}  // namespace
}  // namespace rocketmq::test
