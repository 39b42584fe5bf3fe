// EmbeddedClusterAccess: the servers behind an EmbeddedCluster, for the project's own tests
// (test/integration), which inspect broker internals. Not installed: applications see only the
// public header.
#pragma once

#include <string>

#include "mockbroker/broker/broker_controller.h"
#include "mockbroker/namesrv/namesrv_controller.h"
#include "rocketmq/testing/embedded_cluster.h"

namespace rocketmq::testing {

struct EmbeddedClusterAccess {
  // The running NameServer; null before Start() and after Stop().
  static namesrv::NamesrvController* Namesrv(EmbeddedCluster& cluster);
  // Broker `name`/`id` while it runs; null when it is stopped or killed. Throws
  // MQClientException for a broker the layout does not have.
  static broker::BrokerController* Broker(EmbeddedCluster& cluster, const std::string& name,
                                          int id = 0);
};

}  // namespace rocketmq::testing
