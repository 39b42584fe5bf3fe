#include "mockbroker/broker/acl/remote_address_strategy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace rocketmq::broker::acl {

namespace {

// commons-lang StringUtils.split(s, c): tokens between runs of `c`, no empty tokens.
std::vector<std::string> SplitSkippingEmpty(const std::string& s, char c) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(c, start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// StringUtils.splitPreserveAllTokens(s, c): every token, empty ones included.
std::vector<std::string> SplitKeepingEmpty(const std::string& s, char c) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(c, start);
    if (end == std::string::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

std::string TrimAscii(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

bool IsBlank(const std::string& s) { return TrimAscii(s).empty(); }

// Integer.parseInt(s, radix) for the values an address can hold: an optional sign and digits,
// no overflow past int. False for anything else (Java throws NumberFormatException).
bool ParseJavaInt(const std::string& s, int radix, int* out) {
  if (s.empty()) return false;
  size_t i = 0;
  bool negative = false;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    i = 1;
    if (s.size() == 1) return false;
  }
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    const int c = std::tolower(static_cast<unsigned char>(s[i]));
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (radix == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (digit < 0 || digit >= radix) return false;
    v = v * radix + digit;
    if (v > 0x7fffffffLL + 1) return false;
  }
  v = negative ? -v : v;
  if (v > 0x7fffffffLL || v < -0x80000000LL) return false;
  *out = static_cast<int>(v);
  return true;
}

bool InScopeV4(int v) { return v >= 0 && v <= 255; }
bool InScopeV6(int v) { return v >= 0 && v <= 0xffff; }

Status ScopeError(const std::string& address) {
  return Status::InvalidArgument("Netaddress examine scope Exception netaddress is " + address);
}

// AclUtils.verify(address, index): the first `index` octets (groups) are numbers in range.
Status VerifyScope(const std::string& address, int index) {
  if (address.find(':') != std::string::npos) {
    std::vector<std::string> groups = SplitSkippingEmpty(ExpandIp(address, 8), ':');
    for (int i = 0; i < index; ++i) {
      int v = 0;
      if (i >= static_cast<int>(groups.size()) || !ParseJavaInt(groups[i], 16, &v) ||
          !InScopeV6(v)) {
        return ScopeError(address);
      }
    }
    return Status::OK();
  }
  std::vector<std::string> octets = SplitSkippingEmpty(address, '.');
  if (octets.size() != 4) return ScopeError(address);
  for (int i = 0; i < index; ++i) {
    int v = 0;
    if (!ParseJavaInt(TrimAscii(octets[i]), 10, &v) || !InScopeV4(v)) return ScopeError(address);
  }
  return Status::OK();
}

}  // namespace

bool IsValidIpv4(const std::string& s) {
  std::vector<std::string> octets = SplitKeepingEmpty(s, '.');
  if (octets.size() != 4) return false;
  for (const std::string& o : octets) {
    if (o.empty() || o.size() > 3) return false;
    if (!std::all_of(o.begin(), o.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    if (o.size() > 1 && o[0] == '0') return false;
    if (std::stoi(o) > 255) return false;
  }
  return true;
}

bool IsValidIpv6(const std::string& s) {
  unsigned char buf[16];
  return !s.empty() && inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

std::string ExpandIp(const std::string& address, int parts) {
  std::string s = address;
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const int separators = static_cast<int>(std::count(s.begin(), s.end(), ':'));
  const int pad = parts - separators;
  if (pad > 0) {
    const std::string wide(static_cast<size_t>(pad) + 1, ':');
    std::string widened;
    size_t pos = 0;
    for (size_t hit; (hit = s.find("::", pos)) != std::string::npos; pos = hit + 2) {
      widened.append(s, pos, hit - pos).append(wide);
    }
    widened.append(s, pos, std::string::npos);
    s = std::move(widened);
  }
  std::string out;
  std::vector<std::string> groups = SplitKeepingEmpty(s, ':');
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].size() < 4) out.append(4 - groups[i].size(), '0');
    out += groups[i];
    if (i + 1 != groups.size()) out += ':';
  }
  return out;
}

Result<RemoteAddressStrategy> RemoteAddressStrategy::Compile(const std::string& item) {
  RemoteAddressStrategy r;
  if (IsBlank(item)) return r;
  if (item == "*" || item == "*.*.*.*" || item == "*:*:*:*:*:*:*:*") {
    r.kind_ = Kind::kAny;
    return r;
  }
  const bool colon = item.find(':') != std::string::npos;
  std::vector<std::string> members;
  if (item.back() == '}') {
    std::vector<std::string> parts = SplitSkippingEmpty(item, colon ? ':' : '.');
    if (!colon && parts.size() < 4) {
      return Status::InvalidArgument(
          "MultipleRemoteAddressStrategy has got a/some wrong format IP(s) " + item);
    }
    const std::string& last = parts.back();
    if (last.empty() || last[0] != '{') {
      return Status::InvalidArgument(
          "MultipleRemoteAddressStrategy netaddress examine scope Exception netaddress " + item);
    }
    const std::string prefix = item.substr(0, item.find('{'));
    for (const std::string& tail : SplitSkippingEmpty(last.substr(1, last.size() - 2), ',')) {
      members.push_back(prefix + tail);
    }
  } else if (item.find(',') != std::string::npos) {
    members = SplitSkippingEmpty(item, ',');
  } else if (item.find('*') != std::string::npos || item.find('-') != std::string::npos) {
    r.kind_ = Kind::kRange;
    // Java RangeRemoteAddressStrategy: the first octet/group after the first that is "*" or
    // "a-b" holds the range.
    auto analyse = [&r, &item](const std::string& raw, bool v6) -> Result<bool> {
      const std::string value = TrimAscii(raw);
      if (value == "*") {
        r.start_ = 0;
        r.end_ = v6 ? 0xffff : 255;
      } else if (value.find('-') != std::string::npos) {
        if (value[0] == '-') {
          return Status::InvalidArgument(
              "RangeRemoteAddressStrategy netaddress examine scope Exception value " + value);
        }
        std::vector<std::string> bounds = SplitSkippingEmpty(value, '-');
        if (bounds.size() < 2 || !ParseJavaInt(bounds[0], v6 ? 16 : 10, &r.start_) ||
            !ParseJavaInt(bounds[1], v6 ? 16 : 10, &r.end_)) {
          return Status::InvalidArgument("RangeRemoteAddressStrategy cannot read range " + value +
                                         " of " + item);
        }
        const bool ok = v6 ? InScopeV6(r.start_) && InScopeV6(r.end_)
                           : InScopeV4(r.start_) && InScopeV4(r.end_);
        if (!ok || r.start_ > r.end_) {
          return Status::InvalidArgument(
              "RangeRemoteAddressStrategy netaddress examine scope Exception start is " +
              std::to_string(r.start_) + " , end is " + std::to_string(r.end_));
        }
      }
      return r.end_ > 0;
    };
    if (colon) {
      // AclUtils.IPv6AddressCheck: '*' only at the end, the range in the last (or, before a
      // trailing '*', the second last) group.
      const size_t asterisk = item.find('*');
      const size_t minus = item.find('-');
      if (asterisk != std::string::npos && asterisk != item.size() - 1) return ScopeError(item);
      if (minus != std::string::npos) {
        const size_t last_colon = item.rfind(':');
        const size_t bound =
            asterisk == std::string::npos
                ? last_colon
                : (last_colon == 0 ? std::string::npos : item.rfind(':', last_colon - 1));
        if (bound != std::string::npos && minus <= bound) return ScopeError(item);
      }
      std::vector<std::string> groups = SplitSkippingEmpty(item, ':');
      for (size_t i = 1; i < groups.size(); ++i) {
        Result<bool> found = analyse(groups[i], true);
        if (!found.ok()) return found.status();
        if (!*found) continue;
        ROCKETMQ_RETURN_IF_ERROR(VerifyScope(item, static_cast<int>(i) - 1));
        // AclUtils.v6ipProcess: the groups before the range, expanded.
        const bool star = asterisk != std::string::npos;
        const bool dash = minus != std::string::npos;
        std::string sub = item;
        int parts = 8;
        if (star && dash) {
          parts = 6;
          const size_t last_colon = item.rfind(':');
          sub = item.substr(0, item.substr(0, last_colon).rfind(':'));
        } else if (star || dash) {
          parts = 7;
          sub = item.substr(0, item.rfind(':'));
        }
        r.head_ = ExpandIp(sub, parts);
        r.index_ = static_cast<int>(SplitSkippingEmpty(r.head_, ':').size());
        r.ipv6_ = true;
        return r;
      }
      return Status::InvalidArgument("RangeRemoteAddressStrategy found no range in " + item);
    }
    std::vector<std::string> octets = SplitSkippingEmpty(item, '.');
    for (int i = 1; i <= 3; ++i) {
      if (i >= static_cast<int>(octets.size())) break;
      r.index_ = i;
      Result<bool> found = analyse(octets[i], false);
      if (!found.ok()) return found.status();
      if (!*found) continue;
      ROCKETMQ_RETURN_IF_ERROR(VerifyScope(item, i - 1));
      for (int j = 0; j < i; ++j) r.head_ += TrimAscii(octets[j]) + ".";
      return r;
    }
    return Status::InvalidArgument("RangeRemoteAddressStrategy found no range in " + item);
  } else {
    if (!IsValidIpv4(item) && !IsValidIpv6(item)) {
      return Status::InvalidArgument("Netaddress examine Exception netaddress is " + item);
    }
    r.kind_ = Kind::kOne;
    r.one_ = ExpandIp(item, 8);
    return r;
  }
  r.kind_ = Kind::kSet;
  for (const std::string& m : members) {
    if (IsValidIpv4(m)) {
      r.set_.insert(m);
    } else if (IsValidIpv6(m)) {
      r.set_.insert(ExpandIp(m, 8));
    } else {
      return Status::InvalidArgument("Netaddress examine Exception netaddress is " + m);
    }
  }
  return r;
}

bool RemoteAddressStrategy::Match(const std::string& ip) const {
  switch (kind_) {
    case Kind::kBlank:
      return false;
    case Kind::kAny:
      return true;
    case Kind::kSet:
      return set_.count(IsValidIpv6(ip) ? ExpandIp(ip, 8) : ip) != 0;
    case Kind::kOne:
      return ExpandIp(ip, 8) == one_;
    case Kind::kRange:
      break;
  }
  std::string value;
  int radix = 10;
  if (!ipv6_ && IsValidIpv4(ip)) {
    if (ip.compare(0, head_.size(), head_) != 0) return false;
    size_t end = ip.size();
    if (index_ <= 2) end = ip.rfind('.');
    if (index_ == 1) end = ip.rfind('.', end - 1);
    if (end == std::string::npos || end < head_.size()) return false;
    value = ip.substr(head_.size(), end - head_.size());
  } else if (ipv6_ && IsValidIpv6(ip)) {
    const std::string expanded = ExpandIp(ip, 8);
    if (expanded.compare(0, head_.size(), head_) != 0) return false;
    const size_t at = static_cast<size_t>(5 * index_);
    if (at + 4 > expanded.size()) return false;
    value = expanded.substr(at, 4);
    radix = 16;
  } else {
    return false;
  }
  int v = 0;
  return ParseJavaInt(value, radix, &v) && v >= start_ && v <= end_;
}

}  // namespace rocketmq::broker::acl
