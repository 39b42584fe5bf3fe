#include "mockbroker/broker/config_file.h"

#include "common/file_util.h"
#include "common/logging.h"

namespace rocketmq::broker {

Status PersistConfigFile(const std::string& path, const std::string& content) {
  Status st = WriteFileReplacing(path, content);
  if (!st.ok()) RMQ_LOG(kError) << "persist " << path << " failed: " << st.ToString();
  return st;
}

Status LoadConfigFile(const std::string& path,
                      const std::function<Status(const std::string& text)>& decode) {
  bool any_file = false;
  Status last;
  for (const std::string& candidate : {path, path + ".bak"}) {
    Result<std::string> text = ReadWholeFile(candidate);
    if (!text.ok()) continue;
    any_file = true;
    if (text->empty()) continue;
    last = decode(*text);
    if (last.ok()) {
      if (candidate != path) RMQ_LOG(kWarn) << "loaded " << candidate << " instead of " << path;
      return last;
    }
    RMQ_LOG(kWarn) << "cannot decode " << candidate << ": " << last.ToString();
  }
  if (!any_file) return Status::OK();
  return last.ok() ? Status::OK() : last;
}

}  // namespace rocketmq::broker
