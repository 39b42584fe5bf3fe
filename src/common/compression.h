// zlib compression of message bodies (protocol.md §3.5): the format of java.util.zip.Deflater
// with its default zlib wrapper (RFC 1950 header + Adler-32 trailer), which is what RocketMQ's
// ZLIB compressor writes and InflaterInputStream reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace rocketmq {

// Compression level RocketMQ producers use by default (rocketmq.message.compressLevel).
inline constexpr int kDefaultZlibLevel = 5;

// Default cap on a decompressed body: far above any broker's maxMessageSize (4 MiB default),
// low enough that a hostile "zip bomb" cannot exhaust memory.
inline constexpr size_t kDefaultMaxDecompressedSize = 64u * 1024 * 1024;

// Compresses `data` at `level` (0..9, or -1 for zlib's default). For the same level the output
// is byte-identical to Java's Deflater (both are zlib with window 15, memLevel 8, default
// strategy). InvalidArgument for a bad level.
Result<std::string> ZlibCompress(std::string_view data, int level = kDefaultZlibLevel);

// Decompresses one zlib stream. Bytes after the end of the stream are ignored, as
// InflaterInputStream does. Corruption when the stream is damaged or truncated, or when the
// output would exceed `max_output` bytes.
Result<std::string> ZlibDecompress(std::string_view data,
                                   size_t max_output = kDefaultMaxDecompressedSize);

}  // namespace rocketmq
