// NamesrvProcessor: answers every NameServer request code (protocol.md §2.12-2.14), the way the
// 4.9.x Java DefaultRequestProcessor does: REGISTER_BROKER, UNREGISTER_BROKER,
// GET_ROUTEINFO_BY_TOPIC, GET_BROKER_CLUSTER_INFO, the topic lists (206, 224, 304, 311-313),
// DELETE_TOPIC_IN_NAMESRV, the KV config codes (100-102, 219), WIPE/ADD_WRITE_PERM_OF_BROKER,
// GET/UPDATE_NAMESRV_CONFIG, QUERY_DATA_VERSION and (5.x) REGISTER_TOPIC_IN_NAMESRV.
//
// Response shapes follow the captured Java frames: codes whose Java handler has a response header
// class answer with "extFields":{} even when it is empty; the others carry no extFields.
//
// Threads: ProcessRequest runs on the server's worker pool, concurrently; the processor keeps no
// state of its own (the managers it references are thread-safe).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "mockbroker/namesrv/kv_config_manager.h"
#include "mockbroker/namesrv/namesrv_config.h"
#include "mockbroker/namesrv/route_info_manager.h"
#include "remoting/channel.h"

namespace rocketmq::namesrv {

class NamesrvProcessor : public remoting::RequestProcessor {
 public:
  // The referenced objects must outlive the processor.
  NamesrvProcessor(RouteInfoManager& routes, KvConfigManager& kv,
                   NamesrvConfiguration& configuration);

  // Every request code this processor answers.
  static const std::vector<int32_t>& Codes();

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  using Command = remoting::RemotingCommand;
  Command RegisterBroker(const std::shared_ptr<remoting::Channel>& channel, const Command& req);
  Command UnregisterBroker(const Command& req);
  Command GetRouteInfoByTopic(const Command& req);
  Command PutKvConfig(const Command& req);
  Command GetKvConfig(const Command& req);
  Command DeleteKvConfig(const Command& req);
  Command GetKvListByNamespace(const Command& req);
  Command QueryDataVersion(const Command& req);
  Command WritePerm(const Command& req, bool wipe);
  Command DeleteTopic(const Command& req);
  Command UpdateConfig(const Command& req);
  Command GetConfig(const Command& req);
  Command RegisterTopic(const Command& req);

  RouteInfoManager& routes_;
  KvConfigManager& kv_;
  NamesrvConfiguration& configuration_;
};

}  // namespace rocketmq::namesrv
