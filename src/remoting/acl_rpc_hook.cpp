#include "remoting/acl_rpc_hook.h"

#include <algorithm>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "common/response_code.h"

namespace rocketmq::remoting {

std::string AclSignatureContent(const RemotingCommand& request, bool skip_unique_key_query) {
  std::vector<const ExtFields::Entry*> fields;
  fields.reserve(request.ext_fields().size());
  for (const auto& entry : request.ext_fields().entries()) {
    if (entry.first == kAclSignature) continue;
    if (skip_unique_key_query && entry.first == kUniqueMsgQueryFlag) continue;
    fields.push_back(&entry);
  }
  // Java TreeMap<String,String> order; std::string compares bytes, which matches for ASCII keys.
  std::sort(fields.begin(), fields.end(), [](const ExtFields::Entry* a, const ExtFields::Entry* b) {
    return a->first < b->first;
  });
  std::string content;
  for (const auto* entry : fields) content += entry->second;
  content += request.body();
  return content;
}

std::string AclSign(std::string_view content, std::string_view secret_key) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  HMAC(EVP_sha1(), secret_key.data(), static_cast<int>(secret_key.size()),
       reinterpret_cast<const unsigned char*>(content.data()), content.size(), digest, &digest_len);
  // EVP_EncodeBlock writes 4 characters per 3 input bytes plus a terminating NUL.
  std::string encoded(4 * ((digest_len + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), digest,
                                static_cast<int>(digest_len));
  encoded.resize(static_cast<size_t>(n));
  return encoded;
}

Status VerifyAclSignature(const RemotingCommand& request, std::string_view secret_key) {
  const std::string* received = request.ext_fields().Find(kAclSignature);
  if (received == nullptr) {
    return Status(ResponseCode::kNoPermission, "request carries no Signature");
  }
  const bool skip_unique_key_query = request.version() <= kVersionV4_9_3;
  const std::string expected =
      AclSign(AclSignatureContent(request, skip_unique_key_query), secret_key);
  if (received->size() != expected.size() ||
      CRYPTO_memcmp(received->data(), expected.data(), expected.size()) != 0) {
    return Status(ResponseCode::kNoPermission, "signature check failed");
  }
  return Status::OK();
}

void AclRpcHook::DoBeforeRequest(const std::string& /*remote_addr*/, RemotingCommand& request) {
  request.SetExtField(kAclAccessKey, credentials_.access_key);
  if (!credentials_.security_token.empty()) {
    request.SetExtField(kAclSecurityToken, credentials_.security_token);
  }
  request.SetExtField(kAclSignature,
                      AclSign(AclSignatureContent(request), credentials_.secret_key));
}

void AclRpcHook::DoAfterResponse(const std::string& /*remote_addr*/,
                                 const RemotingCommand& /*request*/,
                                 RemotingCommand& /*response*/) {}

}  // namespace rocketmq::remoting
