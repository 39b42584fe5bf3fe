// TLS on the remoting port (protocol.md §10.2): OpenSSL contexts for the server and the client.
//
// Server: a certificate and key from PEM files, or, when none is given, a self-signed certificate
// generated in memory (Java's tls.test.mode.enable). Client: verification of the server is off
// by default, as with Java's test mode; turn it on with a trust file.
//
// Thread-safety: a TlsContext is immutable after Create*(); NewSsl() may be called from any thread.
#pragma once

#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "common/status.h"

namespace rocketmq::remoting {

// How the server treats the first byte of each connection (tls.server.mode). With kPermissive a
// TLS ClientHello (0x16) gets TLS and anything else plain text; kEnforcing closes plain
// connections; kDisabled closes TLS ones.
enum class TlsMode { kDisabled, kPermissive, kEnforcing };

// Parses "disabled" | "permissive" | "enforcing"; anything else is permissive, as in Java.
TlsMode ParseTlsMode(const std::string& text);
const char* TlsModeName(TlsMode mode);

struct SslCtxDeleter {
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
struct SslDeleter {
  void operator()(SSL* ssl) const { SSL_free(ssl); }
};
using SslCtxPtr = std::unique_ptr<SSL_CTX, SslCtxDeleter>;
using SslPtr = std::unique_ptr<SSL, SslDeleter>;

struct TlsServerConfig {
  std::string cert_path;  // PEM; empty (with key_path empty) → self-signed in memory
  std::string key_path;   // PEM private key, unencrypted
};

struct TlsClientConfig {
  bool verify_server = false;   // tls.client.authServer; off like Java's test mode
  std::string trust_cert_path;  // PEM CA bundle used when verify_server
};

class TlsContext {
 public:
  static Result<std::shared_ptr<TlsContext>> CreateServer(const TlsServerConfig& config);
  static Result<std::shared_ptr<TlsContext>> CreateClient(const TlsClientConfig& config);

  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  // A fresh SSL object for one connection; the caller owns it (usually handing it to a
  // bufferevent that frees it). nullptr on failure, logged.
  SSL* NewSsl() const;
  SSL_CTX* ctx() const { return ctx_.get(); }

 private:
  explicit TlsContext(SslCtxPtr ctx) : ctx_(std::move(ctx)) {}
  SslCtxPtr ctx_;
};

// The last OpenSSL error as text (and clears the queue), for logs and Status messages.
std::string OpenSslErrorString();

}  // namespace rocketmq::remoting
