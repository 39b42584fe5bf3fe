#include "tools/admin/export_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "tools/admin/command_error.h"
#include "common/java_hash.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::admin::tools {

void WriteExportFile(const std::string& path, const std::string& content) {
  std::filesystem::path file(path);
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) throw CommandError("cannot write " + path + ": " + ec.message());
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw CommandError("cannot write " + path + ": " + std::strerror(errno));
  out << content;
  out.close();
  if (!out) throw CommandError("cannot write " + path + ": " + std::strerror(errno));
}

std::vector<std::string> DecodedBrokerTableOrder(const std::vector<std::string>& keys) {
  return JavaConcurrentHashMapOrder(JavaHashSetOrder(keys, 1024), 16);
}

}  // namespace rocketmq::admin::tools
