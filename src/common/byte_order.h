// Big-endian reading and writing (every multi-byte integer on the RocketMQ wire and disk is
// big-endian, protocol.md conventions). ByteWriter appends to a std::string; ByteReader walks a
// borrowed buffer and reports running past its end instead of reading garbage.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace rocketmq {

inline void EncodeFixed16BE(char* dst, uint16_t v) {
  dst[0] = static_cast<char>(v >> 8);
  dst[1] = static_cast<char>(v);
}
inline void EncodeFixed32BE(char* dst, uint32_t v) {
  for (int i = 3; i >= 0; --i, v >>= 8) dst[i] = static_cast<char>(v);
}
inline void EncodeFixed64BE(char* dst, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) dst[i] = static_cast<char>(v);
}
inline uint16_t DecodeFixed16BE(const char* p) {
  const auto* u = reinterpret_cast<const uint8_t*>(p);
  return static_cast<uint16_t>((u[0] << 8) | u[1]);
}
inline uint32_t DecodeFixed32BE(const char* p) {
  const auto* u = reinterpret_cast<const uint8_t*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | uint32_t{u[3]};
}
inline uint64_t DecodeFixed64BE(const char* p) {
  return (uint64_t{DecodeFixed32BE(p)} << 32) | DecodeFixed32BE(p + 4);
}

// Appends big-endian values to a string it does not own.
class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}
  void PutU8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void PutI16(int16_t v) { PutU16(static_cast<uint16_t>(v)); }
  void PutU16(uint16_t v) {
    char b[2];
    EncodeFixed16BE(b, v);
    out_->append(b, 2);
  }
  void PutI32(int32_t v) { PutU32(static_cast<uint32_t>(v)); }
  void PutU32(uint32_t v) {
    char b[4];
    EncodeFixed32BE(b, v);
    out_->append(b, 4);
  }
  void PutI64(int64_t v) { PutU64(static_cast<uint64_t>(v)); }
  void PutU64(uint64_t v) {
    char b[8];
    EncodeFixed64BE(b, v);
    out_->append(b, 8);
  }
  void PutBytes(std::string_view s) { out_->append(s.data(), s.size()); }
  size_t size() const { return out_->size(); }
  // Overwrites 4 bytes at `pos` (for length fields written before their content is known).
  void PatchI32(size_t pos, int32_t v) { EncodeFixed32BE(&(*out_)[pos], static_cast<uint32_t>(v)); }

 private:
  std::string* out_;
};

// Reads big-endian values from a buffer it does not own. Every getter returns false (and leaves
// the output untouched) when fewer bytes remain than it needs.
class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  size_t remaining() const { return data_.size() - pos_; }
  size_t position() const { return pos_; }
  bool GetU8(uint8_t* v) {
    if (remaining() < 1) return false;
    *v = static_cast<uint8_t>(data_[pos_++]);
    return true;
  }
  bool GetI16(int16_t* v) {
    uint16_t u;
    if (!GetU16(&u)) return false;
    *v = static_cast<int16_t>(u);
    return true;
  }
  bool GetU16(uint16_t* v) {
    if (remaining() < 2) return false;
    *v = DecodeFixed16BE(data_.data() + pos_);
    pos_ += 2;
    return true;
  }
  bool GetI32(int32_t* v) {
    if (remaining() < 4) return false;
    *v = static_cast<int32_t>(DecodeFixed32BE(data_.data() + pos_));
    pos_ += 4;
    return true;
  }
  bool GetI64(int64_t* v) {
    if (remaining() < 8) return false;
    *v = static_cast<int64_t>(DecodeFixed64BE(data_.data() + pos_));
    pos_ += 8;
    return true;
  }
  // A view of the next n bytes (valid while the underlying buffer lives).
  bool GetBytes(size_t n, std::string_view* v) {
    if (remaining() < n) return false;
    *v = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool Skip(size_t n) {
    if (remaining() < n) return false;
    pos_ += n;
    return true;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace rocketmq
