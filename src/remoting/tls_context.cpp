#include "remoting/tls_context.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>

#include "common/logging.h"

namespace rocketmq::remoting {
namespace {

struct EvpPkeyDeleter {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct X509Deleter {
  void operator()(X509* x) const { X509_free(x); }
};
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

// A self-signed certificate for CN=rocketmq-test, valid for ten years, with an EC P-256 key.
Status InstallSelfSigned(SSL_CTX* ctx) {
  EvpPkeyPtr key(EVP_EC_gen("P-256"));
  if (!key) return Status::IOError("EC key generation failed: " + OpenSslErrorString());
  X509Ptr cert(X509_new());
  if (!cert) return Status::IOError("X509_new failed");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("rocketmq-test"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    return Status::IOError("X509_sign failed: " + OpenSslErrorString());
  }
  if (SSL_CTX_use_certificate(ctx, cert.get()) != 1 ||
      SSL_CTX_use_PrivateKey(ctx, key.get()) != 1) {
    return Status::IOError("installing self-signed certificate failed: " + OpenSslErrorString());
  }
  return Status::OK();
}

}  // namespace

std::string OpenSslErrorString() {
  unsigned long err = ERR_get_error();  // NOLINT(runtime/int): OpenSSL's type
  if (err == 0) return "no OpenSSL error";
  char buf[256];
  ERR_error_string_n(err, buf, sizeof(buf));
  ERR_clear_error();
  return buf;
}

TlsMode ParseTlsMode(const std::string& text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "disabled") return TlsMode::kDisabled;
  if (lower == "enforcing") return TlsMode::kEnforcing;
  return TlsMode::kPermissive;
}

const char* TlsModeName(TlsMode mode) {
  switch (mode) {
    case TlsMode::kDisabled:
      return "disabled";
    case TlsMode::kEnforcing:
      return "enforcing";
    case TlsMode::kPermissive:
      break;
  }
  return "permissive";
}

Result<std::shared_ptr<TlsContext>> TlsContext::CreateServer(const TlsServerConfig& config) {
  SslCtxPtr ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx) return Status::IOError("SSL_CTX_new failed: " + OpenSslErrorString());
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  if (config.cert_path.empty() && config.key_path.empty()) {
    ROCKETMQ_RETURN_IF_ERROR(InstallSelfSigned(ctx.get()));
  } else {
    if (SSL_CTX_use_certificate_chain_file(ctx.get(), config.cert_path.c_str()) != 1) {
      return Status::IOError("cannot load certificate " + config.cert_path + ": " +
                             OpenSslErrorString());
    }
    if (SSL_CTX_use_PrivateKey_file(ctx.get(), config.key_path.c_str(), SSL_FILETYPE_PEM) != 1) {
      return Status::IOError("cannot load private key " + config.key_path + ": " +
                             OpenSslErrorString());
    }
    if (SSL_CTX_check_private_key(ctx.get()) != 1) {
      return Status::InvalidArgument("private key does not match certificate " + config.cert_path);
    }
  }
  return std::shared_ptr<TlsContext>(new TlsContext(std::move(ctx)));
}

Result<std::shared_ptr<TlsContext>> TlsContext::CreateClient(const TlsClientConfig& config) {
  SslCtxPtr ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx) return Status::IOError("SSL_CTX_new failed: " + OpenSslErrorString());
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  if (config.verify_server) {
    if (config.trust_cert_path.empty()) {
      SSL_CTX_set_default_verify_paths(ctx.get());
    } else if (SSL_CTX_load_verify_locations(ctx.get(), config.trust_cert_path.c_str(), nullptr) !=
               1) {
      return Status::IOError("cannot load trust certificates " + config.trust_cert_path + ": " +
                             OpenSslErrorString());
    }
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);
  } else {
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
  }
  return std::shared_ptr<TlsContext>(new TlsContext(std::move(ctx)));
}

SSL* TlsContext::NewSsl() const {
  SSL* ssl = SSL_new(ctx_.get());
  if (ssl == nullptr) RMQ_LOG(kError) << "SSL_new failed: " << OpenSslErrorString();
  return ssl;
}

}  // namespace rocketmq::remoting
