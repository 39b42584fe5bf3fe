// RpcHook: a user-supplied interceptor the remoting transports call around every RPC (the
// counterpart of Java's org.apache.rocketmq.remoting.RPCHook). The ACL signer (acl_rpc_hook.h)
// is the standard implementation.
#pragma once

#include <string>

#include "common/status.h"
#include "remoting/remoting_command.h"

namespace rocketmq::remoting {

// Threading: the transports call the hook from any of their threads (the caller's thread, the
// event-loop thread, callback and processor pool threads), possibly concurrently for different
// requests, so an implementation must be thread-safe and should not block. The transport owns the
// commands; a hook only edits them in place during the call and keeps no reference afterwards.
class RpcHook {
 public:
  virtual ~RpcHook() = default;

  // Client side: called just before `request` is encoded and written to `remote_addr`
  // ("host:port"), after the opaque has been assigned (oneway requests included). Server side:
  // called with a received request before its processor runs. May add or change extFields and
  // the body (the ACL signer adds AccessKey and Signature).
  virtual void DoBeforeRequest(const std::string& remote_addr, RemotingCommand& request) = 0;

  // Client side: called when `response` to `request` has arrived from `remote_addr`, before it is
  // handed to the caller (`request` may no longer carry its body). Server side: called with the
  // processor's response before it is sent. Never called for oneway requests, timeouts or send
  // failures.
  virtual void DoAfterResponse(const std::string& remote_addr, const RemotingCommand& request,
                               RemotingCommand& response) = 0;
};

// Server side: admits or refuses each received request before any RpcHook or processor sees it
// (what a Java server RPCHook does by throwing, e.g. the broker's ACL check). A refused request is
// answered with SYSTEM_ERROR (1) and the status message as remark (nothing for a oneway request),
// exactly as Java's NettyRemotingAbstract answers a hook exception; its processor never runs.
// Threading: called on the processor pool threads, concurrently; must be thread-safe and fast.
class RequestValidator {
 public:
  virtual ~RequestValidator() = default;
  // `remote_addr` is the client's "host:port".
  virtual Status Validate(const std::string& remote_addr, const RemotingCommand& request) const = 0;
};

}  // namespace rocketmq::remoting
