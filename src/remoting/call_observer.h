// CallObserver: told about every request a RemotingClient sends and every connection that could
// not be made, for statistics (client/client_statistics.h implements it).
//
// Threads: OnCallStarted and OnCallFinished of a sync call run on the caller's thread; of an async
// call, on the calling thread and the callback pool; OnConnectFailed on the caller's or the loop
// thread. Implementations must be cheap and thread-safe, and never call back into the client.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"

namespace rocketmq::remoting {

class CallObserver {
 public:
  virtual ~CallObserver() = default;
  // false: the client skips the clock reads and the other calls (statistics are off).
  virtual bool enabled() const = 0;
  virtual void OnCallStarted(const std::string& addr) = 0;
  // `rtt_us`: from the start until the response or the failure. `status`: OK when a response
  // arrived (whatever its code), else why the call failed (Timeout, NotConnected, ...).
  virtual void OnCallFinished(const std::string& addr, int64_t rtt_us, const Status& status) = 0;
  // A connection to `addr` closed before it was ever established, or the address did not
  // resolve.
  virtual void OnConnectFailed(const std::string& addr) = 0;
};

}  // namespace rocketmq::remoting
