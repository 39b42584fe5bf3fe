// TLS on the remoting port (protocol.md §10.2): first-byte detection in permissive, enforcing and
// disabled server modes, with plain and TLS clients.
#include <gtest/gtest.h>

#include "remoting_test_util.h"

namespace rocketmq::remoting::test {
namespace {

struct Endpoints {
  std::unique_ptr<RemotingServer> server;
  std::unique_ptr<RemotingClient> plain;
  std::unique_ptr<RemotingClient> tls;
};

Endpoints StartAll(TlsMode mode) {
  Endpoints e;
  auto options = LocalServerOptions();
  options.tls_mode = mode;
  e.server = std::make_unique<RemotingServer>(options);
  RegisterEchoProcessors(*e.server);
  EXPECT_TRUE(e.server->Start().ok());
  e.plain = std::make_unique<RemotingClient>();
  EXPECT_TRUE(e.plain->Start().ok());
  RemotingClientOptions tls_options;
  tls_options.use_tls = true;
  e.tls = std::make_unique<RemotingClient>(tls_options);
  EXPECT_TRUE(e.tls->Start().ok());
  return e;
}

void ExpectEcho(RemotingClient& client, const std::string& addr, const std::string& body) {
  auto r = client.InvokeSync(addr, EchoRequest(body), 5000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body(), body);
  EXPECT_EQ(r->ext_fields().GetOr("tag"), body);
}

TEST(RemotingTlsTest, PermissiveServerServesPlainAndTlsClients) {
  Endpoints e = StartAll(TlsMode::kPermissive);
  const std::string addr = Addr(e.server->port());
  ExpectEcho(*e.plain, addr, "plain");
  ExpectEcho(*e.tls, addr, "over tls");
  // A larger body crosses several TLS records.
  ExpectEcho(*e.tls, addr, std::string(1 << 20, 'b'));
  // Async over TLS as well.
  std::promise<Result<RemotingCommand>> p;
  e.tls->InvokeAsync(addr, EchoRequest("async tls"), 5000,
                     [&](Result<RemotingCommand> r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body(), "async tls");
}

TEST(RemotingTlsTest, EnforcingServerRefusesPlainClients) {
  Endpoints e = StartAll(TlsMode::kEnforcing);
  const std::string addr = Addr(e.server->port());
  auto r = e.plain->InvokeSync(addr, EchoRequest("plain"), 3000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), kCodeNotConnected) << r.status().ToString();
  ExpectEcho(*e.tls, addr, "over tls");
}

TEST(RemotingTlsTest, DisabledServerRefusesTlsClients) {
  Endpoints e = StartAll(TlsMode::kDisabled);
  const std::string addr = Addr(e.server->port());
  ExpectEcho(*e.plain, addr, "plain");
  auto r = e.tls->InvokeSync(addr, EchoRequest("tls"), 3000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), kCodeNotConnected) << r.status().ToString();
}

TEST(RemotingTlsTest, ModeNamesParseLikeJava) {
  EXPECT_EQ(ParseTlsMode("disabled"), TlsMode::kDisabled);
  EXPECT_EQ(ParseTlsMode("ENFORCING"), TlsMode::kEnforcing);
  EXPECT_EQ(ParseTlsMode("permissive"), TlsMode::kPermissive);
  EXPECT_EQ(ParseTlsMode("bogus"), TlsMode::kPermissive);
}

}  // namespace
}  // namespace rocketmq::remoting::test
