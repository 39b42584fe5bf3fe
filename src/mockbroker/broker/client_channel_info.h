// ClientChannelInfo: one client connection as the broker's producer/consumer tables see it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "remoting/channel.h"
#include "remoting/remoting_command.h"

namespace rocketmq::broker {

struct ClientChannelInfo {
  std::shared_ptr<remoting::Channel> channel;
  std::string client_id;
  remoting::LanguageCode language = remoting::LanguageCode::kJava;
  int32_t version = 0;
  int64_t last_update_timestamp = 0;  // epoch ms of the last heartbeat
};

}  // namespace rocketmq::broker
