#include "tools/admin/command_context.h"

#include <fstream>

#include "tools/admin/command_error.h"

namespace rocketmq::admin::tools {
namespace {

std::string TrimBlank(const std::string& s) {
  const size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const size_t end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

// A YAML scalar: the text inside quotes, or the plain text before a " #" comment.
std::string Unquote(std::string value) {
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
    const size_t end = value.find(value.front(), 1);
    if (end != std::string::npos) return value.substr(1, end - 1);
  }
  const size_t comment = value.find(" #");
  if (comment != std::string::npos) value = TrimBlank(value.substr(0, comment));
  return value;
}

}  // namespace

SessionCredentials ReadToolsYml(const std::string& path) {
  SessionCredentials credentials;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::string trimmed = TrimBlank(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const size_t colon = trimmed.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = TrimBlank(trimmed.substr(0, colon));
    const std::string value = Unquote(TrimBlank(trimmed.substr(colon + 1)));
    if (key == "accessKey") credentials.setAccessKey(value);
    if (key == "secretKey") credentials.setSecretKey(value);
  }
  return credentials;
}

std::unique_ptr<DefaultMQAdminExt> CommandContext::StartAdmin() const {
  if (namesrv_addr.empty()) {
    throw CommandError("no NameServer address: pass -n host:port or set NAMESRV_ADDR");
  }
  auto admin = std::make_unique<DefaultMQAdminExt>();
  admin->setNamesrvAddr(namesrv_addr);
  if (!rocketmq_home.empty()) {
    SessionCredentials credentials = ReadToolsYml(rocketmq_home + "/conf/tools.yml");
    if (credentials.isValid()) admin->setSessionCredentials(credentials);
  }
  admin->start();
  return admin;
}

}  // namespace rocketmq::admin::tools
