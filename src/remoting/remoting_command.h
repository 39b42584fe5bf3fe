// RemotingCommand: one RocketMQ remoting frame (protocol.md §1), request or response.
//
// Frame on the wire: int32 length (bytes after itself) | uint8 serialize type | uint24 header
// length | header (JSON or ROCKETMQ binary) | body. Decoding accepts both header types; encoding
// uses the command's serialize_type (JSON by default).
//
// A RemotingCommand is a plain value: not thread-safe, cheap to move.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace rocketmq::remoting {

enum class SerializeType : uint8_t { kJson = 0, kRocketMQ = 1 };

// LanguageCode (protocol.md §1.2). JSON headers carry the name, binary headers the number.
enum class LanguageCode : uint8_t {
  kJava = 0,
  kCpp = 1,
  kDotnet = 2,
  kPython = 3,
  kDelphi = 4,
  kErlang = 5,
  kRuby = 6,
  kOther = 7,
  kHttp = 8,
  kGo = 9,
  kPhp = 10,
  kOms = 11,
  kRust = 12,
  kNodeJs = 13,
};
const char* LanguageName(LanguageCode code);                        // "CPP"
bool ParseLanguageName(std::string_view name, LanguageCode* code);  // false if unknown

// MQVersion ordinal we put in every frame we send: V4_9_8. It is >= 401, so NameServers answer
// route queries in standard JSON (protocol.md §1.6), and < 476, so 5.x servers never answer
// GO_AWAY.
constexpr int32_t kCurrentVersion = 409;

constexpr int32_t kFlagResponse = 0x1;  // RPC_TYPE bit
constexpr int32_t kFlagOneway = 0x2;    // RPC_ONEWAY bit

// Netty's default maxFrameLength: a frame longer than this (length field included) closes the
// connection.
constexpr uint32_t kMaxFrameLength = 16 * 1024 * 1024;

// The "extFields" string map. Keeps insertion order (Java writes HashMap order; keeping the order
// we decoded lets a decoded frame re-encode to the same bytes). Setting an existing key replaces
// its value in place.
class ExtFields {
 public:
  using Entry = std::pair<std::string, std::string>;

  void Set(std::string key, std::string value);
  const std::string* Find(std::string_view key) const;  // nullptr if absent
  bool Has(std::string_view key) const { return Find(key) != nullptr; }
  // The value, or `fallback` when absent.
  std::string GetOr(std::string_view key, std::string fallback = std::string()) const;
  bool Erase(std::string_view key);
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }
  bool operator==(const ExtFields& o) const { return entries_ == o.entries_; }

  // Builds the map from entries read off the wire, in O(n): a repeated key keeps the position of
  // its first occurrence and the value of its last (what a Java HashMap ends up holding).
  static ExtFields FromEntries(std::vector<Entry> entries);

 private:
  std::vector<Entry> entries_;
};

// Bytes sent after a command's body without being copied into it (a PULL response's records,
// straight from the mapped CommitLog, as Java's FileRegion does). `owner` keeps them alive and
// unchanged until they are written or dropped.
struct BodyRef {
  std::shared_ptr<const void> owner;
  const char* data = nullptr;
  size_t size = 0;
};

class RemotingCommand {
 public:
  RemotingCommand() = default;

  // A request with the given code, language CPP, version kCurrentVersion, opaque 0 (the
  // RemotingClient assigns the opaque when sending).
  static RemotingCommand CreateRequest(int32_t code);
  // A response to `request`: same opaque, response flag set, the given code and remark.
  static RemotingCommand CreateResponse(const RemotingCommand& request, int32_t code,
                                        std::optional<std::string> remark = std::nullopt);

  // --- header fields (protocol.md §1.2) ---
  int32_t code() const { return code_; }
  void set_code(int32_t c) { code_ = c; }
  LanguageCode language() const { return language_; }
  void set_language(LanguageCode l) { language_ = l; }
  int32_t version() const { return version_; }
  void set_version(int32_t v) { version_ = v; }
  int32_t opaque() const { return opaque_; }
  void set_opaque(int32_t o) { opaque_ = o; }
  int32_t flag() const { return flag_; }
  void set_flag(int32_t f) { flag_ = f; }
  const std::optional<std::string>& remark() const { return remark_; }
  void set_remark(std::optional<std::string> r) { remark_ = std::move(r); }

  bool IsResponse() const { return (flag_ & kFlagResponse) != 0; }
  bool IsOneway() const { return (flag_ & kFlagOneway) != 0; }
  void MarkResponse() { flag_ |= kFlagResponse; }
  void MarkOneway() { flag_ |= kFlagOneway; }

  // extFields. A command's extFields are either null (the key is absent from a JSON header) or a
  // map, possibly empty (written as "extFields":{}). Any Set makes them non-null.
  const ExtFields& ext_fields() const { return ext_fields_; }
  ExtFields& mutable_ext_fields() {
    ext_fields_null_ = false;
    return ext_fields_;
  }
  bool ext_fields_null() const { return ext_fields_null_; }
  void set_ext_fields_null() {
    ext_fields_ = ExtFields();
    ext_fields_null_ = true;
  }
  void SetExtField(std::string key, std::string value) {
    mutable_ext_fields().Set(std::move(key), std::move(value));
  }
  // Typed reads of a header field (all travel as strings, §1.10). NotFound when absent,
  // InvalidArgument when unparseable.
  Result<std::string> GetExtString(std::string_view key) const;
  Result<int64_t> GetExtInt64(std::string_view key) const;
  Result<int32_t> GetExtInt32(std::string_view key) const;
  // Java Boolean.parseBoolean: true only for case-insensitive "true"; `fallback` when absent.
  bool GetExtBool(std::string_view key, bool fallback = false) const;

  const std::string& body() const { return body_; }
  std::string& mutable_body() { return body_; }
  void set_body(std::string b) { body_ = std::move(b); }

  // Body bytes kept by reference: on the wire they follow body() (the frame's body is body()
  // followed by every ref, in order). Refs of size 0 are ignored. Decode() never produces refs.
  void AddBodyRef(BodyRef ref) {
    if (ref.size == 0) return;
    body_refs_size_ += ref.size;
    body_refs_.push_back(std::move(ref));
  }
  const std::vector<BodyRef>& body_refs() const { return body_refs_; }
  // Moves the refs out (for the transport, which writes them in place).
  std::vector<BodyRef> TakeBodyRefs() {
    body_refs_size_ = 0;
    return std::move(body_refs_);
  }
  // body().size() plus the refs.
  size_t body_size() const { return body_.size() + body_refs_size_; }

  // How Encode() writes the header. Decode() records the type the frame used.
  SerializeType serialize_type() const { return serialize_type_; }
  void set_serialize_type(SerializeType t) { serialize_type_ = t; }

  // --- codec ---
  // The header bytes alone, in serialize_type(). JSON: compact, keys in fastjson's alphabetical
  // order (code, extFields, flag, language, opaque, remark, serializeTypeCurrentRPC, version);
  // extFields in their stored order; strings escaped as fastjson does.
  std::string EncodeHeader() const;
  // The whole frame, including the leading 4-byte length. Precondition: the header is shorter
  // than 16 MiB (its length travels in 24 bits).
  std::string Encode() const;
  // The frame without its body refs (whose bytes it counts in its length field): what a
  // transport writes before writing the refs themselves. Equal to Encode() when there are none.
  std::string EncodeHead() const;
  // Decodes the bytes that follow the 4-byte length field (Netty strips it): serialize-type
  // word, header and body. Corruption on any inconsistency (header longer than the frame, unknown
  // serialize type, malformed JSON, binary lengths that are negative or run past the header).
  // JSON: keys in any order, extFields kept in text order, numeric extFields values kept as their
  // literal text, an unknown language name becomes OTHER, a missing language JAVA (Java's field
  // default). Binary: remark and extFields of length 0 decode as null, as in Java.
  static Result<RemotingCommand> Decode(std::string_view frame_without_length);

  // One line for logs: code, opaque, flag, remark, extFields (not the body).
  std::string ToString() const;

 private:
  int32_t code_ = 0;
  LanguageCode language_ = LanguageCode::kCpp;
  int32_t version_ = kCurrentVersion;
  int32_t opaque_ = 0;
  int32_t flag_ = 0;
  std::optional<std::string> remark_;
  ExtFields ext_fields_;
  bool ext_fields_null_ = true;
  std::string body_;
  std::vector<BodyRef> body_refs_;
  size_t body_refs_size_ = 0;
  SerializeType serialize_type_ = SerializeType::kJson;
};

// Splits a byte stream into frames. Feed() appends bytes; Next() yields each complete frame as the
// bytes after its length field (ready for RemotingCommand::Decode). Like Netty's
// LengthFieldBasedFrameDecoder(max, 0, 4, 0, 4) on the Java side, the limit applies to the whole
// frame including its 4-byte length field: a length field above max_frame_length - 4 (or below 4,
// too short to hold the serialize-type word) puts the decoder in a sticky error state (error()
// becomes Corruption, Next() returns false from then on): the connection must be closed.
// Not thread-safe; one decoder per connection.
class FrameDecoder {
 public:
  explicit FrameDecoder(uint32_t max_frame_length = kMaxFrameLength)
      : max_frame_length_(max_frame_length) {}
  void Feed(std::string_view bytes);
  // true and a frame in *frame; false when no complete frame is buffered or on error.
  bool Next(std::string* frame);
  // As Next, without the copy: *frame points into the decoder's buffer, valid until the next
  // Feed().
  bool NextView(std::string_view* frame);
  const Status& error() const { return error_; }
  size_t buffered() const { return buffer_.size() - consumed_; }

 private:
  uint32_t max_frame_length_;
  std::string buffer_;
  size_t consumed_ = 0;
  Status error_;
};

}  // namespace rocketmq::remoting
