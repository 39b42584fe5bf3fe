// Group and message operations of mqadmin / the admin API against the bundled cluster with the
// capture's traffic (AdminClusterFixture): deleteSubGroup -r (DELETE_SUBSCRIPTIONGROUP with
// removeOffset), queryConsumeTimeSpan (QUERY_CONSUME_TIME_SPAN), getConsumeStatus
// (INVOKE_BROKER_TO_GET_CONSUMER_STATUS, which the broker answers by asking each client with
// GET_CONSUMER_STATUS_FROM_CLIENT), cloneGroupOffset (CLONE_GROUP_OFFSET), queryMsgById -s true
// (the resend) and queryCq -g (the subscription in Java's HashSet order).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "integration/admin_cluster_util.h"
#include "mqadmin_config_test_util.h"

namespace rocketmq::test {
namespace {

constexpr char kSlaveRefusal[] =
    "Can't modify topic or subscription group from slave broker, please execute it from master "
    "broker.";

class AdminGroupOpsTest : public MqadminConfigFixture {
 protected:
  // The group's committed offsets per queue, as GET_CONSUME_STATS reports them; empty when no
  // broker has any (Java's admin throws then).
  std::map<MQMessageQueue, int64_t> CommittedOffsets(const std::string& group) {
    auto admin = NewAdmin();
    std::map<MQMessageQueue, int64_t> offsets;
    try {
      for (const auto& [mq, w] : admin->examineConsumeStats(group).offset_table) {
        offsets[mq] = w.consumer_offset;
      }
    } catch (const MQException&) {
    }
    return offsets;
  }
  static size_t QueuesOf(const std::map<MQMessageQueue, int64_t>& offsets,
                         const std::string& broker_name) {
    size_t n = 0;
    for (const auto& [mq, offset] : offsets) n += mq.getBrokerName() == broker_name ? 1 : 0;
    return n;
  }
};

TEST_F(AdminGroupOpsTest, DeleteSubGroupRemovesOffsetsOnlyWithR) {
  ASSERT_EQ(QueuesOf(CommittedOffsets(kBacklogGroup), "broker-a"), 8u);
  ASSERT_EQ(QueuesOf(CommittedOffsets(kBacklogGroup), "broker-b"), 8u);
  const std::string line = "delete subscription group [" + std::string(kBacklogGroup) +
                           "] from broker [" + broker_a_addr() + "] success.\n";

  // Without -r, and with -r false: the config goes, the offsets stay.
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, std::vector<std::string>{"-r", "false"}}) {
    std::vector<std::string> args = {"deleteSubGroup", "-n", ns_addr(),    "-b",
                                     broker_a_addr(),  "-g", kBacklogGroup};
    args.insert(args.end(), extra.begin(), extra.end());
    MqadminRun run = RunMqadmin(args);
    ASSERT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(run.out, line);
    EXPECT_EQ(QueuesOf(CommittedOffsets(kBacklogGroup), "broker-a"), 8u);
  }

  // -r true: broker-a forgets every offset of the group; broker-b and the other groups keep
  // theirs.
  const std::map<MQMessageQueue, int64_t> consumer_before = CommittedOffsets(kConsumerGroup);
  MqadminRun run = RunMqadmin({"deleteSubGroup", "-n", ns_addr(), "-b", broker_a_addr(), "-g",
                               kBacklogGroup, "-r", " TRUE "});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, line);
  std::map<MQMessageQueue, int64_t> after = CommittedOffsets(kBacklogGroup);
  EXPECT_EQ(QueuesOf(after, "broker-a"), 0u);
  EXPECT_EQ(QueuesOf(after, "broker-b"), 8u);
  EXPECT_EQ(CommittedOffsets(kConsumerGroup), consumer_before);

  // A slave refuses (Java validateSlave), whatever -r says.
  run = RunMqadmin({"deleteSubGroup", "-n", ns_addr(), "-b", broker_a_slave_addr(), "-g",
                    kBacklogGroup, "-r", "true"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "deleteSubGroup", kSlaveRefusal);

  // The cluster form with -r true: every master forgets them.
  run = RunMqadmin(
      {"deleteSubGroup", "-n", ns_addr(), "-c", kCluster, "-g", kBacklogGroup, "-r", "true"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_TRUE(CommittedOffsets(kBacklogGroup).empty());
  EXPECT_EQ(CommittedOffsets(kConsumerGroup), consumer_before);
}

TEST_F(AdminGroupOpsTest, SlaveRefusesTopicAndGroupChanges) {
  auto admin = NewAdmin();
  admin::TopicConfig tc;
  tc.topic_name = "SlaveTopic";
  tc.read_queue_nums = 2;
  tc.write_queue_nums = 2;
  try {
    admin->createAndUpdateTopicConfig(broker_a_slave_addr(), tc);
    ADD_FAILURE() << "the slave created a topic";
  } catch (const MQException& e) {
    EXPECT_EQ(e.getResponseCode(), 1);
    EXPECT_NE(std::string(e.what()).find(kSlaveRefusal), std::string::npos) << e.what();
  }
  admin::SubscriptionGroupConfig group;
  group.group_name = "SlaveGroup";
  try {
    admin->createAndUpdateSubscriptionGroupConfig(broker_a_slave_addr(), group);
    ADD_FAILURE() << "the slave created a subscription group";
  } catch (const MQException& e) {
    EXPECT_EQ(e.getResponseCode(), 1);
  }
  try {
    admin->deleteTopicInBroker({broker_a_slave_addr()}, kTopic);
    ADD_FAILURE() << "the slave deleted a topic";
  } catch (const MQException& e) {
    EXPECT_EQ(e.getResponseCode(), 1);
  }
  // The master still serves the topic, and so does the slave's copy of it.
  EXPECT_EQ(admin->examineTopicRouteInfo(kTopic).queue_datas.size(), 2u);
}

TEST_F(AdminGroupOpsTest, QueryConsumeTimeSpan) {
  auto admin = NewAdmin();
  // The online group consumed everything: each queue's consume time is its last message's.
  std::vector<admin::QueueTimeSpan> spans = admin->queryConsumeTimeSpan(kTopic, kConsumerGroup);
  ASSERT_EQ(spans.size(), 2u * kQueuesPerBroker);
  std::map<std::string, std::set<int>> queues;
  for (const admin::QueueTimeSpan& s : spans) {
    EXPECT_EQ(s.message_queue.getTopic(), kTopic);
    queues[s.message_queue.getBrokerName()].insert(s.message_queue.getQueueId());
    EXPECT_GT(s.min_time_stamp, 0);
    EXPECT_LE(s.min_time_stamp, s.max_time_stamp);
    EXPECT_EQ(s.consume_time_stamp, s.max_time_stamp);
    EXPECT_EQ(s.delay_time, 0);
  }
  const std::set<int> all = {0, 1, 2, 3, 4, 5, 6, 7};
  EXPECT_EQ(queues["broker-a"], all);
  EXPECT_EQ(queues["broker-b"], all);

  // The backlog group stopped half way: behind on every queue holding more than one message.
  spans = admin->queryConsumeTimeSpan(kTopic, kBacklogGroup);
  ASSERT_EQ(spans.size(), 2u * kQueuesPerBroker);
  int behind = 0;
  for (const admin::QueueTimeSpan& s : spans) {
    EXPECT_GE(s.consume_time_stamp, s.min_time_stamp);
    EXPECT_LE(s.consume_time_stamp, s.max_time_stamp);
    const int64_t max = admin->maxOffset(s.message_queue);
    if (max / 2 < max) {
      ++behind;
      EXPECT_GT(s.delay_time, 0) << s.message_queue.toString();
    }
  }
  EXPECT_EQ(behind, 2 * kQueuesPerBroker);  // 200 messages over 16 queues: none is empty

  try {
    admin->queryConsumeTimeSpan("NoSuchTopic", kConsumerGroup);
    ADD_FAILURE() << "no route, no spans";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 17);
  }
}

TEST_F(AdminGroupOpsTest, GetConsumeStatusAsksTheOnlineClient) {
  auto admin = NewAdmin();
  std::map<std::string, std::map<MQMessageQueue, int64_t>> status =
      admin->getConsumeStatus(kTopic, kConsumerGroup, "");
  ASSERT_EQ(status.size(), 1u);
  ASSERT_EQ(status.begin()->first, online_client_id());
  const std::map<MQMessageQueue, int64_t>& offsets = status.begin()->second;
  ASSERT_EQ(offsets.size(), 2u * kQueuesPerBroker);
  for (const auto& [mq, offset] : offsets) {
    EXPECT_EQ(mq.getTopic(), kTopic);
    EXPECT_EQ(offset, admin->maxOffset(mq)) << mq.toString();  // all consumed
  }
  // Naming the client gives the same; naming another nobody answers.
  EXPECT_EQ(admin->getConsumeStatus(kTopic, kConsumerGroup, online_client_id()), status);
  EXPECT_TRUE(admin->getConsumeStatus(kTopic, kConsumerGroup, "127.0.0.1@Nobody").empty());
  // An offline group: the broker's SYSTEM_ERROR.
  try {
    admin->getConsumeStatus(kTopic, kBacklogGroup, "");
    ADD_FAILURE() << "an offline group has no status";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 1);
    EXPECT_NE(std::string(e.what()).find("No Any Consumer online in the consumer group: [" +
                                         std::string(kBacklogGroup) + "]"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(AdminGroupOpsTest, CloneGroupOffsetOfAnOfflineGroup) {
  // The offline form (mqadmin's cloneGroupOffset -o true) of the offline backlog group: every
  // broker of its retry topic copies its offsets of the topic to the new group.
  auto admin = NewAdmin();
  admin->cloneGroupOffset(kBacklogGroup, "CapCloneApiGroup", kTopic, true);
  const std::map<MQMessageQueue, int64_t> source = CommittedOffsets(kBacklogGroup);
  ASSERT_EQ(source.size(), 2u * kQueuesPerBroker);
  // The destination never connected (no retry topic, no consume stats): ask each broker for its
  // committed offset (QUERY_CONSUMER_OFFSET).
  remoting::RemotingClient raw;
  ASSERT_TRUE(raw.Start().ok());
  client::ClientApi api(&raw, {ns_addr()});
  for (const auto& [mq, offset] : source) {
    const std::string addr = mq.getBrokerName() == "broker-a" ? broker_a_addr() : broker_b_addr();
    Result<int64_t> cloned = api.QueryConsumerOffset(
        addr, "CapCloneApiGroup", MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId()),
        3000);
    ASSERT_TRUE(cloned.ok()) << cloned.status().ToString();
    EXPECT_EQ(*cloned, offset) << mq.toString();
  }
  raw.Shutdown();
  // A source group without a retry topic route: the NameServer's code 17.
  try {
    admin->cloneGroupOffset("NoSuchGroup", "X", kTopic, true);
    ADD_FAILURE() << "no route for the source group";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 17);
  }
}

TEST_F(AdminGroupOpsTest, QueryMsgByIdResendsTheMessage) {
  const std::string offset_id = seed_offset_ids()[7];
  const std::string uniq = seed_ids()[7];
  MqadminRun run = RunMqadmin({"queryMsgById", "-n", ns_addr(), "-i", offset_id, "-s", "true"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  // queryMsgById-resend.txt: the two printf's glued, no newline at the end; the resend keeps the
  // message's UNIQ_KEY.
  std::smatch m;
  ASSERT_TRUE(std::regex_match(
      run.out, m,
      std::regex("^prepare resend msg\\. originalMsgId=" + offset_id +
                 "SendResult \\[sendStatus=SEND_OK, msgId=" + uniq +
                 ", offsetMsgId=([0-9A-F]{32}), messageQueue=MessageQueue \\[topic=CapTopic, "
                 "brokerName=broker-[ab], queueId=[0-7]\\], queueOffset=[0-9]+\\]$")))
      << run.out;
  auto admin = NewAdmin();
  const MQMessageExt copy = admin->viewMessage(m[1].str());
  EXPECT_NE(m[1].str(), offset_id);
  EXPECT_EQ(copy.getBody(), "cap body 7");
  EXPECT_EQ(copy.getTags(), "TagD");
  EXPECT_EQ(copy.getKeys(), "CAP_KEY_7");
  EXPECT_EQ(copy.getMsgId(), uniq);

  // -s false: nothing at all (Java's resend flag off, and no query either).
  run = RunMqadmin({"queryMsgById", "-n", ns_addr(), "-i", offset_id, "-s", "false"});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "");
  // An id that names no message: one stderr line, nothing resent.
  run = RunMqadmin(
      {"queryMsgById", "-n", ns_addr(), "-i", "7F000001000000010000000000000000", "-s", "true"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST_F(AdminGroupOpsTest, QueryCqWithGroupPrintsTagsInJavaHashSetOrder) {
  // A second online group subscribed to four tags.
  DefaultMQPushConsumer tagged("CapTagGroup");
  tagged.setNamesrvAddr(ns_addr());
  tagged.setClientIP("127.0.0.1");
  tagged.setInstanceName("CapTagged");
  tagged.subscribe(kTopic, "TagA || TagB || TagC || TagD");
  class Ignore : public MessageListenerConcurrently {
    ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>&) override {
      return CONSUME_SUCCESS;
    }
  } listener;
  tagged.registerMessageListener(&listener);
  tagged.start();
  MqadminRun run;
  ASSERT_TRUE(remoting::test::WaitFor([&] {
    run = RunMqadmin({"queryCq", "-n", ns_addr(), "-t", kTopic, "-q", "1", "-i", "0", "-c", "1",
                      "-b", broker_b_addr(), "-g", "CapTagGroup"});
    return run.exit_status == 0 && run.out.rfind("Subscription data: \n", 0) == 0;
  })) << run.out
      << run.err;
  tagged.shutdown();
  // Java prints JSON.toJSONString(subscriptionData, true): the HashSets on one line in their
  // iteration order (String.hashCode buckets: TagA 0, TagD 13, TagC 14, TagB 15; the Integer
  // codes likewise), not sorted.
  const std::vector<std::string> lines = run.lines();
  ASSERT_GE(lines.size(), 10u) << run.out;
  EXPECT_EQ(lines[1], "{");
  EXPECT_EQ(lines[2], "\t\"classFilterMode\":false,");
  EXPECT_EQ(lines[3], "\t\"codeSet\":[2598919,2598922,2598921,2598920],");
  EXPECT_EQ(lines[4], "\t\"expressionType\":\"TAG\",");
  EXPECT_EQ(lines[5], "\t\"subString\":\"TagA || TagB || TagC || TagD\",");
  EXPECT_TRUE(std::regex_match(lines[6], std::regex("^\t\"subVersion\":[0-9]+,$"))) << lines[6];
  EXPECT_EQ(lines[7], "\t\"tagsSet\":[\"TagA\",\"TagD\",\"TagC\",\"TagB\"],");
  EXPECT_EQ(lines[8], "\t\"topic\":\"CapTopic\"");
  EXPECT_EQ(lines[9], "}");
  EXPECT_EQ(lines[10], "======================================");
}

}  // namespace
}  // namespace rocketmq::test
