// Request-reply on the bundled broker: SEND_REPLY_MESSAGE(_V2) pushed to the requester with
// PUSH_REPLY_MESSAGE_TO_CLIENT and stored in <cluster>_REPLY_TOPIC, as Java 4.9.x does. One
// RemotingClient plays the requester (registered as a producer), another the replier.
#include <mutex>

#include "common/message_id.h"
#include "common/time_util.h"
#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

constexpr char kReplyTopic[] = "DefaultCluster_REPLY_TOPIC";
constexpr char kRequesterId[] = "127.0.0.1@requester";

class ReplyTest : public BrokerFixture {
 protected:
  void SetUp() override {
    BrokerFixture::SetUp();
    ASSERT_TRUE(replier_.Start().ok());
  }
  void TearDown() override {
    replier_.Shutdown();
    BrokerFixture::TearDown();
  }

  // The requester: a producer of group req_pg whose client id the replies name.
  void RegisterRequester(int32_t answer_code = ResponseCode::kSuccess) {
    client_.RegisterProcessor(
        RequestCode::kPushReplyMessageToClient,
        remoting::MakeProcessor([this, answer_code](const std::shared_ptr<remoting::Channel>&,
                                                    RemotingCommand& req) {
          {
            std::lock_guard<std::mutex> lock(mu_);
            pushes_.push_back(req);
          }
          return std::optional<RemotingCommand>(RemotingCommand::CreateResponse(req, answer_code));
        }));
    HeartbeatData hb;
    hb.client_id = kRequesterId;
    ProducerData pd;
    pd.group_name = "req_pg";
    hb.producer_data_set.push_back(pd);
    ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, hb.ToJson())).code(),
              ResponseCode::kSuccess);
  }

  RemotingCommand SendReply(const std::string& props, const std::string& body,
                            int32_t code = RequestCode::kSendReplyMessageV2) {
    const bool v2 = code == RequestCode::kSendReplyMessageV2;
    auto n = [v2](const char* s, const char* l) { return std::string(v2 ? s : l); };
    RemotingCommand req = Request(code,
                                  {{n("a", "producerGroup"), "replier_pg"},
                                   {n("b", "topic"), kReplyTopic},
                                   {n("c", "defaultTopic"), "TBW102"},
                                   {n("d", "defaultTopicQueueNums"), "4"},
                                   {n("e", "queueId"), "0"},
                                   {n("f", "sysFlag"), "0"},
                                   {n("g", "bornTimestamp"), "1700000000123"},
                                   {n("h", "flag"), "3"},
                                   {n("i", "properties"), props},
                                   {n("j", "reconsumeTimes"), "0"},
                                   {n("k", "unitMode"), "false"}},
                                  body);
    Result<RemotingCommand> r = replier_.InvokeSync(BrokerAddr(), std::move(req), 15000);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : RemotingCommand();
  }

  std::vector<RemotingCommand> Pushes() {
    std::lock_guard<std::mutex> lock(mu_);
    return pushes_;
  }

  std::vector<MessageExt> StoredReplies() {
    EXPECT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
    store::GetMessageResult r = broker_->message_store().GetMessage("t", kReplyTopic, 0, 0, 32);
    if (r.status != store::GetMessageStatus::kFound) return {};
    Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r.data);
    EXPECT_TRUE(msgs.ok());
    return msgs.ok() ? *msgs : std::vector<MessageExt>{};
  }

  remoting::RemotingClient replier_;
  std::mutex mu_;
  std::vector<RemotingCommand> pushes_;
};

TEST_F(ReplyTest, ReplyReachesTheRequesterAndIsStored) {
  RegisterRequester();
  const std::string props = Props({{"CORRELATION_ID", "corr-1"},
                                   {"REPLY_TO_CLIENT", kRequesterId},
                                   {"MSG_TYPE", "reply"},
                                   {"UNIQ_KEY", "UNIQ-REPLY-1"},
                                   {"WAIT", "true"}});
  RemotingCommand resp = SendReply(props, "the answer");
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_EQ(resp.ext_fields().GetOr("MSG_REGION"), "DefaultRegion");
  EXPECT_EQ(resp.ext_fields().GetOr("TRACE_ON"), "true");
  EXPECT_EQ(resp.ext_fields().GetOr("queueId"), "0");
  EXPECT_EQ(resp.ext_fields().GetOr("queueOffset"), "0");
  Result<OffsetMessageId> id = DecodeOffsetMessageId(resp.ext_fields().GetOr("msgId"));
  ASSERT_TRUE(id.ok()) << resp.ext_fields().GetOr("msgId");

  std::vector<RemotingCommand> pushes = Pushes();
  ASSERT_EQ(pushes.size(), 1u);
  const RemotingCommand& push = pushes[0];
  EXPECT_EQ(push.code(), RequestCode::kPushReplyMessageToClient);
  EXPECT_EQ(push.body(), "the answer");
  EXPECT_EQ(ExtKeys(push),
            (std::vector<std::string>{"producerGroup", "topic", "defaultTopic",
                                      "defaultTopicQueueNums", "queueId", "sysFlag",
                                      "bornTimestamp", "flag", "properties", "reconsumeTimes",
                                      "unitMode", "bornHost", "storeHost", "storeTimestamp"}));
  EXPECT_EQ(push.ext_fields().GetOr("producerGroup"), "replier_pg");
  EXPECT_EQ(push.ext_fields().GetOr("topic"), kReplyTopic);
  EXPECT_EQ(push.ext_fields().GetOr("bornTimestamp"), "1700000000123");
  EXPECT_EQ(push.ext_fields().GetOr("flag"), "3");
  EXPECT_EQ(push.ext_fields().GetOr("unitMode"), "false");
  EXPECT_EQ(push.ext_fields().GetOr("storeHost"), broker_->store_host().ToString());
  EXPECT_EQ(push.ext_fields().GetOr("bornHost").rfind("127.0.0.1:", 0), 0u);
  MessageProperties pushed = MessageProperties::Decode(push.ext_fields().GetOr("properties"));
  EXPECT_EQ(pushed.Get("CORRELATION_ID"), "corr-1");
  EXPECT_FALSE(pushed.Get("PUSH_REPLY_TIME").empty());
  EXPECT_EQ(push.ext_fields().GetOr("properties"), EncodeInJavaHashMapOrder(pushed));

  // Stored as sent: properties verbatim (WAIT kept, no CLUSTER), sysFlag 0.
  std::vector<MessageExt> stored = StoredReplies();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].body(), "the answer");
  EXPECT_EQ(stored[0].properties().Encode(), props);
  EXPECT_EQ(stored[0].sys_flag(), 0);
  EXPECT_EQ(stored[0].flag(), 3);
  EXPECT_EQ(stored[0].commit_log_offset(), id->offset);
}

TEST_F(ReplyTest, V1HeaderWorksToo) {
  RegisterRequester();
  RemotingCommand resp =
      SendReply(Props({{"REPLY_TO_CLIENT", kRequesterId}}), "v1", RequestCode::kSendReplyMessage);
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  ASSERT_EQ(Pushes().size(), 1u);
  EXPECT_EQ(Pushes()[0].body(), "v1");
}

TEST_F(ReplyTest, RequesterGoneOrUnnamedGetsJavaRemarks) {
  RemotingCommand gone =
      SendReply(Props({{"REPLY_TO_CLIENT", "10.0.0.9@gone"}, {"CORRELATION_ID", "c2"}}), "x");
  EXPECT_EQ(gone.code(), ResponseCode::kSystemError);
  EXPECT_EQ(gone.remark().value_or(""),
            "push reply message fail, channel of <10.0.0.9@gone> not found.");
  // storeReplyMessageEnable (default true): stored all the same, and the header says where.
  EXPECT_TRUE(DecodeOffsetMessageId(gone.ext_fields().GetOr("msgId")).ok());

  RemotingCommand unnamed = SendReply(Props({{"CORRELATION_ID", "c3"}}), "y");
  EXPECT_EQ(unnamed.code(), ResponseCode::kSystemError);
  EXPECT_EQ(unnamed.remark().value_or(""), "reply message properties[REPLY_TO_CLIENT] is null");
  EXPECT_EQ(StoredReplies().size(), 2u);
}

TEST_F(ReplyTest, RequesterRefusingThePushFails) {
  RegisterRequester(ResponseCode::kSystemError);
  RemotingCommand resp = SendReply(Props({{"REPLY_TO_CLIENT", kRequesterId}}), "z");
  EXPECT_EQ(resp.code(), ResponseCode::kSystemError);
  EXPECT_EQ(resp.remark().value_or(""),
            std::string("push reply message to ") + kRequesterId + "fail.");
}

class ReplyNoStoreTest : public ReplyTest {
 protected:
  Properties BrokerProps() override {
    Properties p = ReplyTest::BrokerProps();
    p.Set("storeReplyMessageEnable", "false");
    return p;
  }
};

TEST_F(ReplyNoStoreTest, PushedButNotStored) {
  RegisterRequester();
  RemotingCommand resp = SendReply(Props({{"REPLY_TO_CLIENT", kRequesterId}}), "only pushed");
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess);
  EXPECT_EQ(resp.ext_fields().GetOr("msgId"), "0");
  EXPECT_EQ(Pushes().size(), 1u);
  EXPECT_TRUE(StoredReplies().empty());

  RemotingCommand gone = SendReply(Props({{"REPLY_TO_CLIENT", "x@gone"}}), "lost");
  EXPECT_EQ(gone.code(), ResponseCode::kSystemError);
  EXPECT_FALSE(gone.ext_fields().Has("msgId"));
}

}  // namespace
}  // namespace rocketmq::test
