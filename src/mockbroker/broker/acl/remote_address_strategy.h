// RemoteAddressStrategy: one whiteRemoteAddress / globalWhiteRemoteAddresses item of an ACL file,
// compiled once at load and matched against the client IP of every request (Java 4.9.8
// acl/plain/RemoteAddressStrategyFactory and the address helpers of acl/common/AclUtils).
//
// Forms, as Java reads them:
//   blank (absent, "", spaces)          matches nothing
//   "*", "*.*.*.*", "*:*:*:*:*:*:*:*"   matches every address
//   "192.168.0.{1,2}", "1::{a,b}"        a set: the prefix before '{' + each comma item
//   "192.168.0.1,192.168.0.2"            a set of whole addresses (items are not trimmed)
//   "192.168.1.*", "192.168.1-20.*",     a range in the first octet (IPv4) / group (IPv6) that
//   "192.168.1.1-200", "1:2:3:4:5:6:7:*" is "*" or "a-b"; the octets before it must match exactly
//   "192.168.0.1", "::1"                 exactly that address (IPv6 compared fully expanded)
// A malformed item is an error at compile time (Java throws AclException while loading).
//
// Thread-safety: immutable after Compile(); Match() may run on any number of threads at once.
#pragma once

#include <set>
#include <string>

#include "common/status.h"

namespace rocketmq::broker::acl {

class RemoteAddressStrategy {
 public:
  // A strategy that matches nothing (Java's BlankRemoteAddressStrategy).
  RemoteAddressStrategy() = default;

  // Compiles one address item; InvalidArgument with Java's text for a malformed one.
  static Result<RemoteAddressStrategy> Compile(const std::string& item);

  // `ip` is the client's address without port ("127.0.0.1", "0:0:0:0:0:0:0:1").
  bool Match(const std::string& ip) const;

 private:
  enum class Kind { kBlank, kAny, kSet, kOne, kRange };

  Kind kind_ = Kind::kBlank;
  std::set<std::string> set_;  // kSet: IPv4 as written, IPv6 expanded upper case
  std::string one_;            // kOne: the address expanded to 8 groups, upper case
  // kRange: the exact prefix (IPv4 "192.168.1.", IPv6 expanded "0001:0002:...:"), which octet
  // or group holds the range, and its bounds.
  std::string head_;
  bool ipv6_ = false;
  int index_ = 0;
  int start_ = 0;
  int end_ = 0;
};

// commons-validator InetAddressValidator: four dotted decimal octets 0-255, no leading zeros.
bool IsValidIpv4(const std::string& s);
// A literal IPv6 address (inet_pton).
bool IsValidIpv6(const std::string& s);
// AclUtils.expandIP: upper case, "::" widened so the address has `parts` groups, every group
// left-padded to four digits.
std::string ExpandIp(const std::string& address, int parts);

}  // namespace rocketmq::broker::acl
