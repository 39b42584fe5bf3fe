#include "common/file_util.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace rocketmq {

namespace fs = std::filesystem;

Status WriteFileReplacing(const std::string& path, const std::string& content) {
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) return Status::IOError("create directory of " + path + ": " + ec.message());
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError("open " + tmp + ": " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) return Status::IOError("write " + tmp + ": " + std::strerror(errno));
  }
  if (fs::exists(target, ec)) {
    fs::rename(target, path + ".bak", ec);
    if (ec) return Status::IOError("back up " + path + ": " + ec.message());
  }
  fs::rename(tmp, target, ec);
  if (ec) return Status::IOError("rename " + tmp + " to " + path + ": " + ec.message());
  return Status::OK();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + " does not exist");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("open " + path + ": " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("read " + path);
  return buf.str();
}

}  // namespace rocketmq
