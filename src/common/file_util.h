// Small file helpers: whole-file reads and the replace-with-backup write of Java MixAll.string2File
// (NameServer kvConfig.json, broker config files, the client's local offset store).
#pragma once

#include <string>

#include "common/status.h"

namespace rocketmq {

// Replaces the file at `path` with `content` the way Java's MixAll.string2File does: writes
// "<path>.tmp", keeps the previous file as "<path>.bak", then renames the temporary file into
// place. Missing parent directories are created. IOError on any failure.
Status WriteFileReplacing(const std::string& path, const std::string& content);

// Reads the whole file. NotFound when it does not exist, IOError when it cannot be read.
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace rocketmq
