// ACL 1.0 "plain" request signing (protocol.md §10.1): the client hook that signs every request
// and the server-side check the broker uses to verify it.
//
// Signature = Base64(HMAC-SHA1(key = secret key, data = content)), where content is the values of
// all extFields except "Signature", ordered by key (byte order), concatenated without separators,
// followed by the raw body.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "common/status.h"
#include "remoting/remoting_command.h"
#include "remoting/rpc_hook.h"

namespace rocketmq::remoting {

// extFields keys used by ACL (Java SessionCredentials constants).
inline constexpr char kAclAccessKey[] = "AccessKey";
inline constexpr char kAclSecurityToken[] = "SecurityToken";
inline constexpr char kAclSignature[] = "Signature";
// Added by 4.9.3-and-older clients after signing; servers leave it out of the content for
// requests with version <= V4_9_3.
inline constexpr char kUniqueMsgQueryFlag[] = "_UNIQUE_KEY_QUERY";
// MQVersion ordinal of V4_9_3.
inline constexpr int32_t kVersionV4_9_3 = 400;

// The account a client signs with. An empty security_token means none (the SecurityToken field is
// then not sent).
struct SessionCredentials {
  std::string access_key;
  std::string secret_key;
  std::string security_token;
};

// The signed content of `request` (see the file comment). When `skip_unique_key_query` is set,
// "_UNIQUE_KEY_QUERY" is left out as well (server-side compatibility with old clients).
std::string AclSignatureContent(const RemotingCommand& request, bool skip_unique_key_query = false);

// Base64(HMAC-SHA1(secret_key, content)), standard alphabet with '=' padding (28 characters).
std::string AclSign(std::string_view content, std::string_view secret_key);

// Server side: recomputes the signature of a received `request` with the `secret_key` of the
// account named by its AccessKey field and compares it with its Signature field in constant time.
// Like the 5.x broker, "_UNIQUE_KEY_QUERY" is excluded from the content when the request's version
// is <= V4_9_3. Returns OK when they match; NO_PERMISSION (16) with a reason when the Signature
// field is absent or does not match. Looking up the secret key (and rejecting an unknown or missing
// AccessKey) is the caller's job.
Status VerifyAclSignature(const RemotingCommand& request, std::string_view secret_key);

// The client hook: puts AccessKey (and SecurityToken when configured) into the request's
// extFields, then Signature over all extFields and the body. Install it last, after any hook that
// changes extFields or the body, because later changes invalidate the signature. Stateless after
// construction, so safe to call from several threads at once.
class AclRpcHook : public RpcHook {
 public:
  explicit AclRpcHook(SessionCredentials credentials) : credentials_(std::move(credentials)) {}

  void DoBeforeRequest(const std::string& remote_addr, RemotingCommand& request) override;
  // Does nothing: responses are not signed.
  void DoAfterResponse(const std::string& remote_addr, const RemotingCommand& request,
                       RemotingCommand& response) override;

  const SessionCredentials& credentials() const { return credentials_; }

 private:
  const SessionCredentials credentials_;
};

}  // namespace rocketmq::remoting
