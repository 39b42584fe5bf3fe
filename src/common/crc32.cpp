#include "common/crc32.h"

#include <algorithm>
#include <climits>

#include <zlib.h>

namespace rocketmq {

uint32_t Crc32(std::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  const auto* p = reinterpret_cast<const Bytef*>(data.data());
  size_t left = data.size();
  // zlib takes a uInt length: feed huge inputs in pieces.
  while (left > 0) {
    auto chunk = static_cast<uInt>(std::min<size_t>(left, UINT_MAX));
    crc = crc32(crc, p, chunk);
    p += chunk;
    left -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

int32_t RocketmqCrc32(std::string_view data) {
  return static_cast<int32_t>(Crc32(data) & 0x7FFFFFFFu);
}

}  // namespace rocketmq
