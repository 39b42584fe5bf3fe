// Access to test/vectors/mqadmin: outputs of Java mqadmin 4.9.8, one file per command line
// (format in that folder's README.md: "# command:", "# exit:", "# stdout-bytes:" ... headers, then
// the exact stdout and stderr bytes).
#pragma once

#include <string>
#include <vector>

namespace rocketmq::test {

struct MqadminVector {
  std::string file;               // e.g. "help-updateTopic.txt"
  std::string command;            // the "# command:" line, e.g. "mqadmin help updateTopic"
  std::vector<std::string> args;  // that line shell-unquoted, without the leading "mqadmin"
  int exit_status = -1;
  std::string note;  // "# note:" text, "" when none
  std::string out;   // exact stdout bytes
  std::string err;   // exact stderr bytes
};

// The mqadmin vectors folder (VectorsDir() + "/mqadmin").
std::string MqadminVectorsDir();

// Reads one vector file (name relative to MqadminVectorsDir()). Fails the calling test
// (ADD_FAILURE) and returns what it could on a malformed or missing file.
MqadminVector LoadMqadminVector(const std::string& file_name);

// File names in MqadminVectorsDir() starting with `prefix` and ending in ".txt", sorted.
std::vector<std::string> ListMqadminVectors(const std::string& prefix);

// Splits a POSIX shell command line into words ('...', "...", backslash escapes).
std::vector<std::string> ShellSplit(const std::string& line);

}  // namespace rocketmq::test
