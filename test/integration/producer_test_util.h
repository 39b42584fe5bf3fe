// Helpers of the producer integration tests: a BrokerFixture with a producer factory and a
// reader that pulls a queue back through ClientApi.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "client/client_api.h"
#include "client/request_headers.h"
#include "common/message_decoder.h"
#include "integration/broker_test_util.h"
#include "remoting/remoting_client.h"
#include "rocketmq/rocketmq.h"

namespace rocketmq::test {

// A PULL_MESSAGE header for every tag of `topic`/`queue` from `offset`, 32 messages at most.
inline client::PullMessageRequestHeader PullHeader(const std::string& group,
                                                   const std::string& topic, int queue,
                                                   int64_t offset) {
  client::PullMessageRequestHeader h;
  h.consumer_group = group;
  h.topic = topic;
  h.queue_id = queue;
  h.queue_offset = offset;
  h.max_msg_nums = 32;
  h.sys_flag = client::BuildPullSysFlag(false, false, true, false);
  h.subscription = "*";
  h.expression_type = "TAG";
  return h;
}

// The number of entries in `dir` (/proc/self/task: threads, /proc/self/fd: descriptors).
inline int CountEntries(const char* dir) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    (void)e;
    ++n;
  }
  return n;
}

class ProducerFixture : public BrokerFixture {
 protected:
  std::string NamesrvAddr() const { return "127.0.0.1:" + std::to_string(namesrv_->port()); }

  std::unique_ptr<DefaultMQProducer> MakeProducer(const std::string& group,
                                                  const std::string& instance = "") {
    auto p = std::make_unique<DefaultMQProducer>(group);
    p->setNamesrvAddr(NamesrvAddr());
    p->setInstanceName(instance.empty() ? group : instance);
    return p;
  }

  // Every message stored in `queue` of `topic` on broker `addr`, from offset 0, decompressed.
  std::vector<MessageExt> PullAll(const std::string& addr, const std::string& topic, int queue,
                                  size_t expected = 0) {
    client::ClientApi api(&client_, {});
    // A send is answered once stored, before the ConsumeQueue entry is dispatched: wait for the
    // dispatcher, or a pull may see only part of what was acknowledged.
    if (broker_) {
      EXPECT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
    }
    std::vector<MessageExt> out;
    int64_t offset = 0;
    for (int attempt = 0; attempt < 50; ++attempt) {
      Result<client::PullResponse> r =
          api.PullMessageSync(addr, PullHeader("pull_checker", topic, queue, offset), 5000);
      if (!r.ok()) {
        ADD_FAILURE() << r.status().ToString();
        return out;
      }
      if (r->status == client::PullStatus::kFound) {
        MessageDecodeOptions opts;
        opts.decompress_body = true;
        auto msgs = DecodeStoredMessages(r->message_binary, opts);
        EXPECT_TRUE(msgs.ok()) << msgs.status().ToString();
        if (!msgs.ok()) return out;
        for (auto& m : *msgs) out.push_back(std::move(m));
        offset = r->next_begin_offset;
        continue;
      }
      if (out.size() >= expected) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return out;
  }
};

}  // namespace rocketmq::test
