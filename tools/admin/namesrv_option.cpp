#include "tools/admin/namesrv_option.h"

#include "tools/admin/option_values.h"

namespace rocketmq::admin::tools {

std::optional<std::vector<std::string>> NamesrvListOfOption(const cli::CommandLine& line) {
  std::optional<std::string> n = line.GetOptionValue("n");
  if (!n || n->empty()) return std::nullopt;
  const std::string text = JavaTrim(*n);
  std::vector<std::string> servers;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(';', start);
    servers.push_back(text.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  // String.split drops trailing empty strings, but keeps the whole text when nothing matched.
  while (servers.size() > 1 && servers.back().empty()) servers.pop_back();
  return servers;
}

}  // namespace rocketmq::admin::tools
