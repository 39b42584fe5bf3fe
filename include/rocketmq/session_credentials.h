// SessionCredentials: the ACL account a client signs its requests with (ACL 1.0 "plain":
// HMAC-SHA1 over the request fields and body, sent as AccessKey / Signature extFields).
#pragma once

#include <string>
#include <utility>

namespace rocketmq {

class SessionCredentials {
 public:
  SessionCredentials() = default;
  // `auth_channel` is kept for source compatibility with the official C++ client; the Java
  // brokers ignore it and it is not sent.
  SessionCredentials(std::string access_key, std::string secret_key,
                     std::string auth_channel = "ALIYUN")
      : access_key_(std::move(access_key)),
        secret_key_(std::move(secret_key)),
        auth_channel_(std::move(auth_channel)) {}

  const std::string& getAccessKey() const { return access_key_; }
  void setAccessKey(const std::string& v) { access_key_ = v; }
  const std::string& getSecretKey() const { return secret_key_; }
  void setSecretKey(const std::string& v) { secret_key_ = v; }
  const std::string& getAuthChannel() const { return auth_channel_; }
  void setAuthChannel(const std::string& v) { auth_channel_ = v; }
  // Optional STS token, sent as SecurityToken when not empty.
  const std::string& getSecurityToken() const { return security_token_; }
  void setSecurityToken(const std::string& v) { security_token_ = v; }

  // Official C++ client fields, kept for source compatibility: the library computes each
  // request's signature itself and never reads these.
  const std::string& getSignature() const { return signature_; }
  void setSignature(const std::string& v) { signature_ = v; }
  const std::string& getSignatureMethod() const { return signature_method_; }
  void setSignatureMethod(const std::string& v) { signature_method_ = v; }

  // The request field names of ACL signing (official C++ client constants).
  static inline const std::string AccessKey{"AccessKey"};
  static inline const std::string SecretKey{"SecretKey"};
  static inline const std::string Signature{"Signature"};
  static inline const std::string SignatureMethod{"SignatureMethod"};
  static inline const std::string ONSChannelKey{"OnsChannel"};

  // True when both keys are set (only then are requests signed).
  bool isValid() const { return !access_key_.empty() && !secret_key_.empty(); }

 private:
  std::string access_key_;
  std::string secret_key_;
  std::string auth_channel_ = "ALIYUN";
  std::string security_token_;
  std::string signature_;
  std::string signature_method_;
};

}  // namespace rocketmq
