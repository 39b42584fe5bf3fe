// CRC-32 as RocketMQ uses it (protocol.md §3.7): the standard reflected CRC-32 of zlib /
// java.util.zip.CRC32, masked to 31 bits by UtilAll.crc32. Used for the stored BODYCRC field and
// the NameServer's REGISTER_BROKER `bodyCrc32` header.
#pragma once

#include <cstdint>
#include <string_view>

namespace rocketmq {

// Plain CRC-32 (zlib crc32(), init and xorout 0xFFFFFFFF) of `data`, any size.
uint32_t Crc32(std::string_view data);

// RocketMQ's CRC: Crc32(data) & 0x7FFFFFFF, always >= 0. This is the BODYCRC of a stored
// message (over the body as stored, i.e. compressed when the compressed flag is set).
int32_t RocketmqCrc32(std::string_view data);

}  // namespace rocketmq
