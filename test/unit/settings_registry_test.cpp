// The settings registry: string keys with type and range checks, unknown keys, the public
// set()/get() of the producers, and the generated docs/settings.md.
#include <gtest/gtest.h>

#include "client/client_settings.h"
#include "client/settings_registry.h"
#include "producer/producer_settings.h"
#include "rocketmq/rocketmq.h"

namespace rocketmq {
namespace {

using client::RenderSettingsDoc;
using client::SettingsRegistry;
using client::SettingsTable;
using client::SettingType;

struct Toy {
  int32_t count = 7;
  uint64_t big = 1;
  bool on = false;
  std::string name = "x";
  std::string mode = "CLUSTERING";
};

SettingsRegistry<Toy> ToyRegistry() {
  SettingsRegistry<Toy> r("Toy");
  r.Section("Toys");
  r.Int("count", RMQ_SETTING(count), -5, 100, "how many");
  r.Int("big", RMQ_SETTING(big), 0, std::numeric_limits<int64_t>::max(), "a | pipe");
  r.Bool("on", RMQ_SETTING(on), "switch");
  r.String("name", RMQ_SETTING(name), "no spaces", nullptr, [](const std::string& v) {
    return v.find(' ') == std::string::npos ? Status::OK()
                                            : Status::InvalidArgument("name has a space");
  });
  r.Choice("mode", RMQ_SETTING(mode), {"CLUSTERING", "BROADCASTING"}, "message model");
  return r;
}

TEST(SettingsRegistryTest, TypesAndRanges) {
  SettingsRegistry<Toy> r = ToyRegistry();
  Toy t;
  EXPECT_TRUE(r.Set(t, "count", "-5").ok());
  EXPECT_EQ(t.count, -5);
  EXPECT_TRUE(r.Set(t, "count", "100").ok());
  EXPECT_EQ(t.count, 100);
  for (const char* bad : {"101", "-6", "", "1.5", "12a", " 3", "+3", "-", "99999999999999999999"}) {
    Status st = r.Set(t, "count", bad);
    EXPECT_TRUE(st.IsInvalidArgument()) << bad;
    EXPECT_NE(st.message().find("count"), std::string::npos) << st.message();
  }
  EXPECT_EQ(t.count, 100);  // unchanged by the rejected values
  EXPECT_TRUE(r.Set(t, "big", "9223372036854775807").ok());
  EXPECT_EQ(t.big, 9223372036854775807ull);

  EXPECT_TRUE(r.Set(t, "on", "TRUE").ok());
  EXPECT_TRUE(t.on);
  EXPECT_TRUE(r.Set(t, "on", "false").ok());
  EXPECT_FALSE(t.on);
  for (const char* bad : {"yes", "1", "", "on"}) EXPECT_FALSE(r.Set(t, "on", bad).ok()) << bad;

  EXPECT_TRUE(r.Set(t, "name", "abc").ok());
  EXPECT_EQ(t.name, "abc");
  EXPECT_FALSE(r.Set(t, "name", "a b").ok());
  EXPECT_EQ(t.name, "abc");

  EXPECT_TRUE(r.Set(t, "mode", "BROADCASTING").ok());
  EXPECT_EQ(t.mode, "BROADCASTING");
  Status st = r.Set(t, "mode", "broadcasting");
  EXPECT_NE(st.message().find("CLUSTERING, BROADCASTING"), std::string::npos) << st.message();

  EXPECT_EQ(*r.Get(t, "count"), "100");
  EXPECT_EQ(*r.Get(t, "on"), "false");
  EXPECT_EQ(*r.Get(t, "mode"), "BROADCASTING");
}

TEST(SettingsRegistryTest, UnknownKeysAreRejected) {
  SettingsRegistry<Toy> r = ToyRegistry();
  Toy t;
  Status st = r.Set(t, "Count", "1");  // keys are case-sensitive, as Java's field names
  EXPECT_TRUE(st.IsInvalidArgument());
  EXPECT_NE(st.message().find("unknown setting \"Count\" for Toy"), std::string::npos);
  EXPECT_FALSE(r.Get(t, "nope").ok());
  EXPECT_FALSE(r.Has("nope"));
  EXPECT_TRUE(r.Has("count"));
}

TEST(SettingsRegistryTest, DescribeReadsDefaults) {
  std::vector<client::SettingInfo> d = ToyRegistry().Describe();
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].key, "count");
  EXPECT_EQ(d[0].default_value, "7");
  EXPECT_EQ(d[0].type, SettingType::kInt);
  EXPECT_EQ(d[0].section, "Toys");
  EXPECT_EQ(d[2].default_value, "false");
  EXPECT_EQ(d[4].choices.size(), 2u);
}

TEST(SettingsRegistryTest, ProducerDefaultsMatchJava) {
  const auto& r = producer::ProducerSettings();
  producer::ProducerConfig c;
  EXPECT_EQ(*r.Get(c, "sendMsgTimeout"), "3000");
  EXPECT_EQ(*r.Get(c, "retryTimesWhenSendFailed"), "2");
  EXPECT_EQ(*r.Get(c, "compressMsgBodyOverHowmuch"), "4096");
  EXPECT_EQ(*r.Get(c, "maxMessageSize"), "4194304");
  EXPECT_EQ(*r.Get(c, "createTopicKey"), "TBW102");
  EXPECT_EQ(*r.Get(c, "pollNameServerInterval"), "30000");
  EXPECT_FALSE(r.Has("checkThreadPoolMinSize"));
  const auto& t = producer::TransactionProducerSettings();
  EXPECT_EQ(*t.Get(c, "checkThreadPoolMinSize"), "1");
  EXPECT_EQ(*t.Get(c, "checkThreadPoolMaxSize"), "1");
  EXPECT_EQ(*t.Get(c, "checkRequestHoldMax"), "2000");
  EXPECT_TRUE(t.Has("sendMsgTimeout"));
}

TEST(SettingsRegistryTest, NamesrvAddrIsChecked) {
  const auto& r = client::ClientSettings();
  client::ClientConfig c;
  EXPECT_TRUE(r.Set(c, "namesrvAddr", "127.0.0.1:9876;10.0.0.2:9876").ok());
  EXPECT_FALSE(r.Set(c, "namesrvAddr", "127.0.0.1").ok());
  EXPECT_FALSE(r.Set(c, "namesrvAddr", "host:98x").ok());
  EXPECT_EQ(c.namesrv_addr, "127.0.0.1:9876;10.0.0.2:9876");
}

TEST(SettingsRegistryTest, PublicProducerSetAndGet) {
  DefaultMQProducer p("settings_group");
  p.set("sendMsgTimeout", "5000");
  EXPECT_EQ(p.getSendMsgTimeout(), 5000);
  EXPECT_EQ(p.get("sendMsgTimeout"), "5000");
  p.setRetryTimesWhenSendFailed(4);
  EXPECT_EQ(p.get("retryTimesWhenSendFailed"), "4");
  p.set("sendLatencyFaultEnable", "true");
  EXPECT_TRUE(p.isSendLatencyFaultEnable());
  p.set("namesrvAddr", "127.0.0.1:9876");
  EXPECT_EQ(p.getNamesrvAddr(), "127.0.0.1:9876");
  p.set("accessKey", "ak");
  p.set("secretKey", "sk");
  EXPECT_EQ(p.getSessionCredentials().getAccessKey(), "ak");
  EXPECT_EQ(p.getSessionCredentials().getSecretKey(), "sk");
  p.setSessionCredentials("ak2", "sk2");
  EXPECT_EQ(p.get("accessKey"), "ak2");
  EXPECT_EQ(p.get("producerGroup"), "settings_group");

  try {
    p.set("sendMsgTimeoutt", "1");
    FAIL() << "unknown key accepted";
  } catch (const MQClientException& e) {
    EXPECT_NE(std::string(e.what()).find("unknown setting \"sendMsgTimeoutt\""), std::string::npos);
    EXPECT_EQ(e.getResponseCode(), kCodeInvalidArgument);
  }
  EXPECT_THROW(p.set("sendMsgTimeout", "0"), MQClientException);
  EXPECT_THROW(p.set("sendMsgTimeout", "fast"), MQClientException);
  EXPECT_THROW(p.set("compressLevel", "10"), MQClientException);
  EXPECT_THROW(p.set("checkThreadPoolMinSize", "2"), MQClientException);  // not transactional
  EXPECT_THROW(p.get("nope"), MQClientException);
  EXPECT_EQ(p.getSendMsgTimeout(), 5000);

  p.shutdown();
  EXPECT_THROW(p.set("sendMsgTimeout", "10"), MQClientException);  // only before start()
}

TEST(SettingsRegistryTest, TransactionProducerKeys) {
  TransactionMQProducer p("settings_tx_group");
  p.set("checkThreadPoolMinSize", "3");
  p.set("checkThreadPoolMaxSize", "8");
  p.set("checkRequestHoldMax", "100");
  EXPECT_EQ(p.getCheckThreadPoolMinSize(), 3);
  EXPECT_EQ(p.getCheckThreadPoolMaxSize(), 8);
  EXPECT_EQ(p.getCheckRequestHoldMax(), 100);
  EXPECT_EQ(p.get("sendMsgTimeout"), "3000");
  EXPECT_THROW(p.set("checkThreadPoolMinSize", "0"), MQClientException);

  // min > max is refused at start().
  TransactionMQProducer q("settings_tx_group2");
  q.setNamesrvAddr("127.0.0.1:1");
  q.set("checkThreadPoolMinSize", "4");
  q.set("checkThreadPoolMaxSize", "2");
  EXPECT_THROW(q.start(), MQClientException);
}

TEST(SettingsRegistryTest, DocListsEverySectionOnce) {
  SettingsRegistry<Toy> r = ToyRegistry();
  std::string doc = RenderSettingsDoc({{"Toy", r.Describe()}, {"Toy2", r.Describe()}});
  EXPECT_NE(doc.find("## Toys\n"), std::string::npos);
  EXPECT_EQ(doc.find("## Toys\n"), doc.rfind("## Toys\n"));
  EXPECT_NE(doc.find("| `count` | int | `7` | -5 .. 100 | Toy, Toy2 | how many |"),
            std::string::npos)
      << doc;
  EXPECT_NE(doc.find("0 .. 2^63-1"), std::string::npos);
  EXPECT_NE(doc.find("a \\| pipe"), std::string::npos);
  EXPECT_NE(doc.find("`CLUSTERING`, `BROADCASTING`"), std::string::npos);

  std::string real = RenderSettingsDoc(
      {{"DefaultMQProducer", producer::ProducerSettings().Describe()},
       {"TransactionMQProducer", producer::TransactionProducerSettings().Describe()}});
  EXPECT_NE(real.find("## Client (every producer and consumer)"), std::string::npos);
  EXPECT_NE(real.find("## Producer"), std::string::npos);
  EXPECT_NE(real.find("## TransactionMQProducer"), std::string::npos);
  EXPECT_NE(real.find("| `sendMsgTimeout` | int | `3000` | 1 .. 2^31-1 | DefaultMQProducer, "
                      "TransactionMQProducer |"),
            std::string::npos);
  EXPECT_NE(real.find("| `checkThreadPoolMinSize` | int | `1` | 1 .. 1024 | "
                      "TransactionMQProducer |"),
            std::string::npos);
}

}  // namespace
}  // namespace rocketmq
