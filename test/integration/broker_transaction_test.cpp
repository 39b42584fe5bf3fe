// Transactions on the bundled broker: END_TRANSACTION commit/rollback/unknown, the check service
// asking the producer (CHECK_TRANSACTION_STATE) and giving up after transactionCheckMax, checked
// against what Java 4.9.x writes. A RemotingClient plays the producer.
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "common/message_id.h"
#include "common/time_util.h"
#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

constexpr char kGroup[] = "tx_pg";
constexpr char kTopic[] = "TxTopic";

class TransactionTest : public BrokerFixture {
 protected:
  Properties BrokerProps() override {
    Properties p = BrokerFixture::BrokerProps();
    p.Set("transactionCheckInterval", "150");
    p.Set("transactionTimeOut", "400");
    p.Set("transactionCheckMax", "3");
    return p;
  }

  void SetUp() override {
    BrokerFixture::SetUp();
    ASSERT_EQ(CreateTopic(kTopic, 4).code(), ResponseCode::kSuccess);
  }

  struct Half {
    int64_t queue_offset = 0;
    int64_t commit_log_offset = 0;
    std::string offset_msg_id;
    std::string uniq_key;
  };

  // SEND_MESSAGE_V2 of a half message as the Java TransactionMQProducer sends it.
  Half SendHalf(int queue, const std::string& body, const std::string& uniq_key,
                int64_t born = NowMillis()) {
    const std::string props = Props({{"TRAN_MSG", "true"},
                                     {"PGROUP", kGroup},
                                     {"UNIQ_KEY", uniq_key},
                                     {"WAIT", "true"},
                                     {"TAGS", "TagT"},
                                     {"KEYS", "order-1"}});
    RemotingCommand resp = Call(Request(RequestCode::kSendMessageV2,
                                        {{"a", kGroup},
                                         {"b", kTopic},
                                         {"c", "TBW102"},
                                         {"d", "4"},
                                         {"e", std::to_string(queue)},
                                         {"f", "4"},
                                         {"g", std::to_string(born)},
                                         {"h", "7"},
                                         {"i", props},
                                         {"j", "0"},
                                         {"k", "false"},
                                         {"m", "false"}},
                                        body));
    EXPECT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
    Half h;
    h.queue_offset = std::stoll(resp.ext_fields().GetOr("queueOffset", "-1"));
    h.offset_msg_id = resp.ext_fields().GetOr("msgId");
    Result<OffsetMessageId> id = DecodeOffsetMessageId(h.offset_msg_id);
    EXPECT_TRUE(id.ok());
    if (id.ok()) h.commit_log_offset = id->offset;
    h.uniq_key = uniq_key;
    return h;
  }

  static RemotingCommand EndTransaction(const Half& h, int verdict, bool from_check,
                                        const std::string& group = kGroup) {
    return Request(RequestCode::kEndTransaction,
                   {{"producerGroup", group},
                    {"tranStateTableOffset", std::to_string(h.queue_offset)},
                    {"commitLogOffset", std::to_string(h.commit_log_offset)},
                    {"commitOrRollback", std::to_string(verdict)},
                    {"fromTransactionCheck", from_check ? "true" : "false"},
                    {"msgId", h.uniq_key},
                    {"transactionId", h.uniq_key}});
  }

  void RegisterProducer() {
    HeartbeatData hb;
    hb.client_id = "127.0.0.1@tx";
    ProducerData pd;
    pd.group_name = kGroup;
    hb.producer_data_set.push_back(pd);
    ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, hb.ToJson())).code(),
              ResponseCode::kSuccess);
  }

  // Every record of a queue, read straight from the store.
  std::vector<MessageExt> ReadQueue(const std::string& topic, int queue) {
    EXPECT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
    store::GetMessageResult r = broker_->message_store().GetMessage("test", topic, queue, 0, 32);
    if (r.status != store::GetMessageStatus::kFound) return {};
    Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r.data);
    EXPECT_TRUE(msgs.ok());
    return msgs.ok() ? *msgs : std::vector<MessageExt>{};
  }

  // The raw properties string of the record at `commit_log_offset`.
  std::string RawProperties(int64_t commit_log_offset) {
    Result<std::string> rec = broker_->message_store().LookMessageByOffset(commit_log_offset);
    EXPECT_TRUE(rec.ok());
    if (!rec.ok()) return "";
    Result<MessageExt> m = DecodeStoredMessage(*rec);
    EXPECT_TRUE(m.ok());
    return m.ok() ? m->properties().Encode() : "";
  }

  struct Check {
    RemotingCommand request;
    MessageExt msg;
  };
  // Records every CHECK_TRANSACTION_STATE the broker sends this client; `answer` (if set) runs
  // for each.
  void CaptureChecks(std::function<void(const Check&)> answer = nullptr) {
    client_.RegisterProcessor(
        RequestCode::kCheckTransactionState,
        remoting::MakeProcessor(
            [this, answer](const std::shared_ptr<remoting::Channel>&, RemotingCommand& req) {
              Check c;
              c.request = req;
              Result<MessageExt> m = DecodeStoredMessage(req.body());
              EXPECT_TRUE(m.ok()) << m.status().ToString();
              if (m.ok()) c.msg = *m;
              {
                std::lock_guard<std::mutex> lock(checks_mu_);
                checks_.push_back(c);
              }
              if (answer) answer(c);
              return std::optional<RemotingCommand>();
            }));
  }
  size_t CheckCount() {
    std::lock_guard<std::mutex> lock(checks_mu_);
    return checks_.size();
  }
  std::vector<Check> Checks() {
    std::lock_guard<std::mutex> lock(checks_mu_);
    return checks_;
  }

  std::mutex checks_mu_;
  std::vector<Check> checks_;
};

TEST_F(TransactionTest, CommitStoresTheRealMessageAndAnOpRecord) {
  RegisterProducer();
  CaptureChecks();
  const Half h = SendHalf(2, "payload-1", "UNIQ-COMMIT-1");
  std::vector<MessageExt> halves = ReadQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0);
  ASSERT_EQ(halves.size(), 1u);
  const MessageExt& half = halves[0];
  EXPECT_EQ(half.queue_offset(), h.queue_offset);
  EXPECT_TRUE(ReadQueue(kTopic, 2).empty());

  RemotingCommand resp = Call(EndTransaction(h, 8, false));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_FALSE(resp.remark().has_value());

  std::vector<MessageExt> real = ReadQueue(kTopic, 2);
  ASSERT_EQ(real.size(), 1u);
  const MessageExt& m = real[0];
  EXPECT_EQ(m.topic(), kTopic);
  EXPECT_EQ(m.queue_id(), 2);
  EXPECT_EQ(m.queue_offset(), 0);
  EXPECT_EQ(m.body(), "payload-1");
  EXPECT_EQ(m.flag(), 7);
  EXPECT_EQ(TransactionType(m.sys_flag()), kSysFlagTransactionCommitType);
  EXPECT_EQ(m.prepared_transaction_offset(), h.commit_log_offset);
  EXPECT_EQ(m.born_timestamp(), half.born_timestamp());
  EXPECT_EQ(m.born_host(), half.born_host());
  EXPECT_EQ(m.store_host(), half.store_host());
  EXPECT_EQ(m.GetProperty("UNIQ_KEY"), "UNIQ-COMMIT-1");
  EXPECT_EQ(m.tags(), "TagT");
  // Java 4.9.x encodes the half's property map before clearing REAL_TOPIC/REAL_QID/TRAN_MSG, so
  // the committed record keeps them, re-ordered as a java.util.HashMap iterates them.
  EXPECT_EQ(m.properties().Encode(), EncodeInJavaHashMapOrder(half.properties()));
  EXPECT_EQ(m.GetProperty("REAL_TOPIC"), kTopic);
  EXPECT_EQ(m.GetProperty("REAL_QID"), "2");

  // The op record: tag "d", body = the half's queue offset, born at the broker.
  std::vector<MessageExt> ops = ReadQueue("RMQ_SYS_TRANS_OP_HALF_TOPIC", 0);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].body(), std::to_string(h.queue_offset));
  EXPECT_EQ(ops[0].tags(), "d");
  EXPECT_EQ(ops[0].properties().Encode(), EncodeInJavaHashMapOrder(MessageProperties::Decode(
                                              Props({{"TAGS", "d"}, {"WAIT", "true"}}))));
  EXPECT_EQ(ops[0].sys_flag(), 0);
  EXPECT_EQ(ops[0].born_host(), broker_->store_host());

  // A committed half message is never checked, and nothing else shows up in the real queue.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_EQ(CheckCount(), 0u);
  EXPECT_EQ(ReadQueue(kTopic, 2).size(), 1u);
  EXPECT_EQ(ReadQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0).size(), 1u);
  EXPECT_EQ(broker_->consumer_offset_manager().QueryOffset("CID_SYS_RMQ_TRANS",
                                                           "RMQ_SYS_TRANS_HALF_TOPIC", 0),
            1);
  EXPECT_EQ(broker_->consumer_offset_manager().QueryOffset("CID_SYS_RMQ_TRANS",
                                                           "RMQ_SYS_TRANS_OP_HALF_TOPIC", 0),
            1);

  // A consumer pulling the real topic gets the committed record.
  ASSERT_EQ(
      Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "G1", kTopic, "*"))).code(),
      ResponseCode::kSuccess);
  RemotingCommand pull = Call(Pull("G1", kTopic, 2, 0));
  ASSERT_EQ(pull.code(), ResponseCode::kSuccess);
  Result<std::vector<MessageExt>> pulled = DecodeStoredMessages(pull.body());
  ASSERT_TRUE(pulled.ok());
  ASSERT_EQ(pulled->size(), 1u);
  EXPECT_EQ((*pulled)[0], m);
}

TEST_F(TransactionTest, RollbackNeverShowsTheMessage) {
  RegisterProducer();
  CaptureChecks();
  const Half h = SendHalf(1, "payload-rb", "UNIQ-RB-1");
  RemotingCommand resp = Call(EndTransaction(h, 12, false));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  std::vector<MessageExt> ops = ReadQueue("RMQ_SYS_TRANS_OP_HALF_TOPIC", 0);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].body(), std::to_string(h.queue_offset));
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_TRUE(ReadQueue(kTopic, 1).empty());
  EXPECT_EQ(CheckCount(), 0u);
}

TEST_F(TransactionTest, EndTransactionValidatesLikeJava) {
  const Half h = SendHalf(0, "payload-v", "UNIQ-V-1");
  RemotingCommand wrong_group = Call(EndTransaction(h, 8, false, "other_pg"));
  EXPECT_EQ(wrong_group.code(), ResponseCode::kSystemError);
  EXPECT_EQ(wrong_group.remark().value_or(""), "The producer group wrong");

  Half bad_offset = h;
  bad_offset.queue_offset += 5;
  RemotingCommand wrong_offset = Call(EndTransaction(bad_offset, 12, false));
  EXPECT_EQ(wrong_offset.code(), ResponseCode::kSystemError);
  EXPECT_EQ(wrong_offset.remark().value_or(""), "The transaction state table offset wrong");

  Half nowhere = h;
  nowhere.commit_log_offset = 1 << 20;
  RemotingCommand missing = Call(EndTransaction(nowhere, 8, false));
  EXPECT_EQ(missing.code(), ResponseCode::kSystemError);
  EXPECT_EQ(missing.remark().value_or(""), "Find prepared transaction message failed");

  RemotingCommand bad_verdict = Call(EndTransaction(h, 5, false));
  EXPECT_EQ(bad_verdict.code(), ResponseCode::kSystemError);
  EXPECT_EQ(bad_verdict.remark().value_or(""), "commitOrRollback field wrong");

  // TRANSACTION_NOT_TYPE is not answered at all (Java returns null).
  Result<RemotingCommand> unknown =
      client_.InvokeSync(BrokerAddr(), EndTransaction(h, 0, false), 500);
  EXPECT_EQ(unknown.status().code(), kCodeTimeout) << unknown.status().ToString();
  EXPECT_TRUE(ReadQueue("RMQ_SYS_TRANS_OP_HALF_TOPIC", 0).empty());
  EXPECT_TRUE(ReadQueue(kTopic, 0).empty());
}

TEST_F(TransactionTest, UnknownIsCheckedAndCommittedFromTheCheck) {
  RegisterProducer();
  CaptureChecks([this](const Check& c) {
    Half from_check;
    from_check.queue_offset = std::stoll(c.request.ext_fields().GetOr("tranStateTableOffset"));
    from_check.commit_log_offset = std::stoll(c.request.ext_fields().GetOr("commitLogOffset"));
    from_check.uniq_key = c.msg.GetProperty("UNIQ_KEY");
    EXPECT_TRUE(client_.InvokeOneway(BrokerAddr(), EndTransaction(from_check, 8, true)).ok());
  });
  const Half h = SendHalf(3, "payload-check", "UNIQ-CHECK-1");
  ASSERT_TRUE(client_.InvokeOneway(BrokerAddr(), EndTransaction(h, 0, false)).ok());

  ASSERT_TRUE(WaitFor([&] { return ReadQueue(kTopic, 3).size() == 1; }, std::chrono::seconds(15)));
  std::vector<Check> checks = Checks();
  ASSERT_EQ(checks.size(), 1u);
  const Check& c = checks[0];
  // CheckTransactionStateRequestHeader (4.9.x field names).
  EXPECT_EQ(ExtKeys(c.request),
            (std::vector<std::string>{"tranStateTableOffset", "commitLogOffset", "msgId",
                                      "transactionId", "offsetMsgId"}));
  EXPECT_EQ(c.request.ext_fields().GetOr("msgId"), "UNIQ-CHECK-1");
  EXPECT_EQ(c.request.ext_fields().GetOr("transactionId"), "UNIQ-CHECK-1");
  // The check names the re-appended copy of the half message, not the original.
  std::vector<MessageExt> halves = ReadQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0);
  ASSERT_EQ(halves.size(), 2u);
  const MessageExt& copy = halves[1];
  EXPECT_EQ(c.request.ext_fields().GetOr("tranStateTableOffset"),
            std::to_string(copy.queue_offset()));
  EXPECT_EQ(c.request.ext_fields().GetOr("commitLogOffset"),
            std::to_string(copy.commit_log_offset()));
  EXPECT_EQ(c.request.ext_fields().GetOr("offsetMsgId"), copy.offset_msg_id());
  EXPECT_EQ(copy.GetProperty("TRANSACTION_CHECK_TIMES"), "1");
  EXPECT_EQ(copy.flag(), 0);  // Java's renewHalfMessageInner does not copy the flag
  EXPECT_EQ(copy.born_timestamp(), halves[0].born_timestamp());
  EXPECT_EQ(copy.properties().Encode(), RawProperties(copy.commit_log_offset()));
  // Body: the copy in the stored format, with the real topic and queue.
  EXPECT_EQ(c.msg.topic(), kTopic);
  EXPECT_EQ(c.msg.queue_id(), 3);
  EXPECT_EQ(c.msg.body(), "payload-check");
  EXPECT_EQ(c.msg.queue_offset(), copy.queue_offset());
  EXPECT_EQ(c.msg.commit_log_offset(), copy.commit_log_offset());
  // Java updates only the offsets and msg id of the decoded original: its store time stays.
  EXPECT_EQ(c.msg.store_timestamp(), halves[0].store_timestamp());
  EXPECT_EQ(c.msg.GetProperty("TRANSACTION_CHECK_TIMES"), "1");
  EXPECT_EQ(c.msg.GetProperty("PGROUP"), kGroup);
  EXPECT_EQ(c.msg.properties().Encode(), EncodeInJavaHashMapOrder(copy.properties()));
  EXPECT_EQ(c.request.body().substr(4, 4), std::string("\xDA\xA3\x20\xA7", 4));  // V1 magic

  std::vector<MessageExt> real = ReadQueue(kTopic, 3);
  EXPECT_EQ(real[0].body(), "payload-check");
  EXPECT_EQ(real[0].prepared_transaction_offset(), copy.commit_log_offset());
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  EXPECT_EQ(CheckCount(), 1u);
  EXPECT_EQ(ReadQueue(kTopic, 3).size(), 1u);
}

TEST_F(TransactionTest, NeverAnsweredHalfIsDiscardedAfterCheckMax) {
  RegisterProducer();
  CaptureChecks();
  SendHalf(0, "payload-lost", "UNIQ-LOST-1");
  ASSERT_TRUE(WaitFor([&] { return ReadQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0).size() == 1; },
                      std::chrono::seconds(20)));
  std::vector<Check> checks = Checks();
  ASSERT_EQ(checks.size(), 3u);  // transactionCheckMax
  for (size_t i = 0; i < checks.size(); ++i) {
    EXPECT_EQ(checks[i].msg.GetProperty("TRANSACTION_CHECK_TIMES"), std::to_string(i + 1));
  }
  std::vector<MessageExt> dead = ReadQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0);
  EXPECT_EQ(dead[0].body(), "payload-lost");
  EXPECT_EQ(dead[0].GetProperty("TRANSACTION_CHECK_TIMES"), "3");
  EXPECT_EQ(dead[0].GetProperty("REAL_TOPIC"), kTopic);
  EXPECT_TRUE(broker_->topic_config_manager().Select("TRANS_CHECK_MAX_TIME_TOPIC").has_value());

  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  EXPECT_EQ(CheckCount(), 3u);
  EXPECT_TRUE(ReadQueue(kTopic, 0).empty());
  EXPECT_EQ(ReadQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0).size(), 1u);
}

TEST_F(TransactionTest, NoProducerChannelMeansNoCheckButTheScanGoesOn) {
  // Nobody registered the group: checks are attempted and dropped; the half still counts them.
  SendHalf(0, "payload-orphan", "UNIQ-ORPHAN-1");
  ASSERT_TRUE(WaitFor([&] { return ReadQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0).size() == 1; },
                      std::chrono::seconds(20)));
  EXPECT_EQ(ReadQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0).size(), 4u);  // original + 3 copies
}

class SlaveTransactionTest : public BrokerFixture {
 protected:
  Properties BrokerProps() override {
    Properties p = BrokerFixture::BrokerProps();
    p.Set("brokerRole", "SLAVE");
    p.Set("brokerId", "1");
    return p;
  }
};

TEST_F(SlaveTransactionTest, SlaveRefusesEndTransaction) {
  RemotingCommand resp =
      Call(Request(RequestCode::kEndTransaction, {{"producerGroup", kGroup},
                                                  {"tranStateTableOffset", "0"},
                                                  {"commitLogOffset", "0"},
                                                  {"commitOrRollback", "8"},
                                                  {"fromTransactionCheck", "false"},
                                                  {"msgId", "UNIQ-SLAVE"}}));
  EXPECT_EQ(resp.code(), ResponseCode::kSlaveNotAvailable);
  EXPECT_FALSE(resp.remark().has_value());
}

}  // namespace
}  // namespace rocketmq::test
