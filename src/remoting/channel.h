// The seams between the remoting transport and the code that uses it: Channel (one live
// connection, as seen by a request processor), RequestProcessor (handles one request code) and
// ChannelEventListener (connection lifecycle).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "remoting/remoting_command.h"

namespace rocketmq::remoting {

// Receives the outcome of an asynchronous call: the response, or Timeout / NotConnected /
// ShutdownInProgress / SendFailed. Runs on the owner's callback thread pool, never on a loop
// thread (one exception: if that pool is already shut down it runs where the outcome is known).
using ResponseCallback = std::function<void(Result<RemotingCommand>)>;

// One connection to a peer. Processors receive it with each request and may keep it to answer
// later (long polling) or to send requests to the peer (broker → client calls). Every method is
// thread-safe; once the connection is closed, sends fail with NotConnected.
class Channel {
 public:
  virtual ~Channel() = default;

  // "ip:port" of the peer.
  virtual const std::string& RemoteAddress() const = 0;
  // False once closed (by either side, idle detection, a decode error or shutdown).
  virtual bool IsActive() const = 0;
  // A process-unique id for this connection (stable map key).
  virtual uint64_t id() const = 0;

  // Writes `response` as is, except that its serialize type is replaced by the owner's. Build
  // it with RemotingCommand::CreateResponse(request, ...). RPC hooks are not applied (Java's
  // delayed pull responses are written the same way).
  virtual Status SendResponse(RemotingCommand response) = 0;

  // Sends a request to the peer over this connection and waits up to `timeout_ms` for the answer.
  // The opaque is assigned here.
  virtual Result<RemotingCommand> InvokeSync(RemotingCommand request, int64_t timeout_ms) = 0;
  // As InvokeSync, but returns at once; `callback` receives the outcome exactly once.
  virtual void InvokeAsync(RemotingCommand request, int64_t timeout_ms,
                           ResponseCallback callback) = 0;
  // Sends with the oneway flag set; no answer is expected. OK means "queued for writing".
  virtual Status InvokeOneway(RemotingCommand request) = 0;

  // Closes the connection (asynchronously, on the loop thread). Pending calls fail.
  virtual void Close() = 0;
};

// Handles the requests of one or more request codes. ProcessRequest runs on the thread pool the
// processor was registered with, or on the connection's loop thread when RunsInLoop says so.
class RequestProcessor {
 public:
  virtual ~RequestProcessor() = default;

  // Returns the response to send now (its opaque and response flag are set by the transport), or
  // std::nullopt to send nothing now: the processor keeps `channel` and answers later with
  // Channel::SendResponse, or the request was oneway. Responses to oneway requests are dropped.
  virtual std::optional<RemotingCommand> ProcessRequest(const std::shared_ptr<Channel>& channel,
                                                        RemotingCommand& request) = 0;

  // True makes the transport answer SYSTEM_BUSY "[REJECTREQUEST]..." without queuing the
  // request (Java's NettyRequestProcessor.rejectRequest). Called on the loop thread: keep it cheap.
  virtual bool RejectRequest() const { return false; }

  // True when ProcessRequest(request) is short and cannot block (no disk sync, no remote call, no
  // long-held lock): the transport then runs it on the connection's loop thread instead of handing
  // it to the processor's pool and the answer back to the loop. Called on the loop thread: keep it
  // cheap. Default false.
  virtual bool RunsInLoop(const RemotingCommand& request) const {
    (void)request;
    return false;
  }
};

using ProcessFunction = std::function<std::optional<RemotingCommand>(
    const std::shared_ptr<Channel>& channel, RemotingCommand& request)>;

// A RequestProcessor around a function (handy for small handlers and tests).
std::shared_ptr<RequestProcessor> MakeProcessor(ProcessFunction fn);

// Connection lifecycle notifications. Calls arrive one at a time, in order, on a dedicated event
// thread (never a loop thread).
class ChannelEventListener {
 public:
  virtual ~ChannelEventListener() = default;
  // A connection was established (accepted by a server, connected by a client).
  virtual void OnChannelConnect(const std::string& remote_addr,
                                const std::shared_ptr<Channel>& channel) {
    (void)remote_addr;
    (void)channel;
  }
  // The connection is closed, whatever the cause (always the last call for a channel).
  virtual void OnChannelClose(const std::string& remote_addr,
                              const std::shared_ptr<Channel>& channel) {
    (void)remote_addr;
    (void)channel;
  }
  // No traffic for the idle limit; the connection is being closed (OnChannelClose follows).
  virtual void OnChannelIdle(const std::string& remote_addr,
                             const std::shared_ptr<Channel>& channel) {
    (void)remote_addr;
    (void)channel;
  }
  // A decode or socket error; the connection is being closed (OnChannelClose follows).
  virtual void OnChannelException(const std::string& remote_addr,
                                  const std::shared_ptr<Channel>& channel) {
    (void)remote_addr;
    (void)channel;
  }
};

}  // namespace rocketmq::remoting
