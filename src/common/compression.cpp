#include "common/compression.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>

#include <zlib.h>

namespace rocketmq {

namespace {

constexpr size_t kChunk = 64 * 1024;

struct DeflateEnd {
  void operator()(z_stream* s) const {
    deflateEnd(s);
    delete s;
  }
};
struct InflateEnd {
  void operator()(z_stream* s) const {
    inflateEnd(s);
    delete s;
  }
};

// Points the stream's input at as much of `data[*pos..]` as a uInt can describe.
void FeedInput(z_stream* s, std::string_view data, size_t* pos) {
  if (s->avail_in != 0 || *pos >= data.size()) return;
  size_t n = std::min<size_t>(data.size() - *pos, UINT_MAX);
  s->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + *pos));
  s->avail_in = static_cast<uInt>(n);
  *pos += n;
}

}  // namespace

Result<std::string> ZlibCompress(std::string_view data, int level) {
  if (level < Z_DEFAULT_COMPRESSION || level > Z_BEST_COMPRESSION) {
    return Status::InvalidArgument("zlib level out of range: " + std::to_string(level));
  }
  auto* raw = new z_stream{};
  if (deflateInit(raw, level) != Z_OK) {
    delete raw;
    return Status::InvalidArgument("deflateInit failed");
  }
  std::unique_ptr<z_stream, DeflateEnd> stream(raw);
  std::string out;
  size_t pos = 0;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    FeedInput(stream.get(), data, &pos);
    int flush = (pos >= data.size()) ? Z_FINISH : Z_NO_FLUSH;
    size_t old_size = out.size();
    out.resize(old_size + kChunk);
    stream->next_out = reinterpret_cast<Bytef*>(&out[old_size]);
    stream->avail_out = static_cast<uInt>(kChunk);
    rc = deflate(stream.get(), flush);
    out.resize(old_size + kChunk - stream->avail_out);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      return Status::InvalidArgument(std::string("deflate failed: ") +
                                     (stream->msg ? stream->msg : "?"));
    }
  }
  return out;
}

Result<std::string> ZlibDecompress(std::string_view data, size_t max_output) {
  auto* raw = new z_stream{};
  if (inflateInit(raw) != Z_OK) {
    delete raw;
    return Status::Corruption("inflateInit failed");
  }
  std::unique_ptr<z_stream, InflateEnd> stream(raw);
  std::string out;
  size_t pos = 0;
  // One byte more than allowed, so that reaching the cap exactly is not mistaken for overflow.
  const size_t limit = max_output == SIZE_MAX ? SIZE_MAX : max_output + 1;
  while (true) {
    FeedInput(stream.get(), data, &pos);
    size_t old_size = out.size();
    size_t room = std::min(kChunk, limit - old_size);
    out.resize(old_size + room);
    stream->next_out = reinterpret_cast<Bytef*>(&out[old_size]);
    stream->avail_out = static_cast<uInt>(room);
    int rc = inflate(stream.get(), Z_NO_FLUSH);
    out.resize(old_size + room - stream->avail_out);
    if (out.size() > max_output) {
      return Status::Corruption("decompressed body exceeds " + std::to_string(max_output) +
                                " bytes");
    }
    if (rc == Z_STREAM_END) return out;
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return Status::Corruption(std::string("corrupt zlib stream: ") +
                                (stream->msg ? stream->msg : "?"));
    }
    // inflate stopped with output room left and no input to give it: the stream is cut short.
    if (stream->avail_out != 0 && stream->avail_in == 0 && pos >= data.size()) {
      return Status::Corruption("truncated zlib stream");
    }
  }
}

}  // namespace rocketmq
