// Helpers of the producer integration tests: a BrokerFixture with a producer factory and a
// reader that pulls a queue back through ClientApi.
#pragma once

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
    std::vector<MessageExt> out;
    int64_t offset = 0;
    for (int attempt = 0; attempt < 50; ++attempt) {
      client::PullMessageRequestHeader h;
      h.consumer_group = "pull_checker";
      h.topic = topic;
      h.queue_id = queue;
      h.queue_offset = offset;
      h.max_msg_nums = 32;
      h.sys_flag = client::BuildPullSysFlag(false, false, true, false);
      h.subscription = "*";
      h.expression_type = "TAG";
      Result<client::PullResponse> r = api.PullMessageSync(addr, h, 5000);
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
