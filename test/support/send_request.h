// SEND_MESSAGE_V2 as Java's producer sends it (one-letter header fields a..m), for tests that talk
// to a broker below the client API.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "remoting/remoting_command.h"
#include "remoting/request_code.h"

namespace rocketmq::test {

// `properties`: the encoded message properties (MessageProperties::Encode()).
inline remoting::RemotingCommand SendMessageV2Request(const std::string& group,
                                                      const std::string& topic, int queue,
                                                      const std::string& properties,
                                                      std::string body) {
  remoting::RemotingCommand req =
      remoting::RemotingCommand::CreateRequest(remoting::RequestCode::kSendMessageV2);
  const std::vector<std::pair<const char*, std::string>> fields = {
      {"a", group}, {"b", topic},      {"c", "TBW102"}, {"d", "4"}, {"e", std::to_string(queue)},
      {"f", "0"},   {"g", "1"},        {"h", "0"},      {"i", properties},
      {"j", "0"},   {"k", "false"},    {"m", "false"}};
  for (const auto& [k, v] : fields) req.SetExtField(k, v);
  req.set_body(std::move(body));
  return req;
}

}  // namespace rocketmq::test
