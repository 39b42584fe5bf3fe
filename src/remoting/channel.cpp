#include "remoting/channel.h"

#include <utility>

namespace rocketmq::remoting {
namespace {

class FunctionProcessor final : public RequestProcessor {
 public:
  explicit FunctionProcessor(ProcessFunction fn) : fn_(std::move(fn)) {}
  std::optional<RemotingCommand> ProcessRequest(const std::shared_ptr<Channel>& channel,
                                                RemotingCommand& request) override {
    return fn_(channel, request);
  }

 private:
  ProcessFunction fn_;
};

}  // namespace

std::shared_ptr<RequestProcessor> MakeProcessor(ProcessFunction fn) {
  return std::make_shared<FunctionProcessor>(std::move(fn));
}

}  // namespace rocketmq::remoting
