// Persistence of the broker's JSON config files (protocol.md §5.7) the way Java's ConfigManager
// does it: write through a temporary file keeping the previous version as <file>.bak, and on
// load fall back to <file>.bak when the file is missing, empty or does not decode.
#pragma once

#include <functional>
#include <string>

#include "common/status.h"

namespace rocketmq::broker {

// Replaces `path` with `content` (previous content kept as `path`.bak).
Status PersistConfigFile(const std::string& path, const std::string& content);

// Reads `path` and hands its text to `decode`; when the file is absent or empty, or `decode`
// fails, tries `path`.bak the same way. OK (decode not called) when neither file exists.
Status LoadConfigFile(const std::string& path,
                      const std::function<Status(const std::string& text)>& decode);

}  // namespace rocketmq::broker
