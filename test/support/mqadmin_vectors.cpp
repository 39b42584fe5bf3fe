#include "support/mqadmin_vectors.h"

#include <dirent.h>

#include <algorithm>
#include <cstdlib>

#include <gtest/gtest.h>

#include "support/vectors.h"

namespace rocketmq::test {
namespace {

// Reads the header line starting at `*pos` ("# key: value\n"); false at a non-header line.
bool ReadHeader(const std::string& text, size_t* pos, std::string* key, std::string* value) {
  if (text.compare(*pos, 2, "# ") != 0) return false;
  const size_t end = text.find('\n', *pos);
  if (end == std::string::npos) return false;
  const std::string line = text.substr(*pos + 2, end - *pos - 2);
  const size_t colon = line.find(':');
  if (colon == std::string::npos) return false;
  *key = line.substr(0, colon);
  *value = colon + 1 < line.size() && line[colon + 1] == ' ' ? line.substr(colon + 2) : "";
  *pos = end + 1;
  return true;
}

}  // namespace

std::string MqadminVectorsDir() { return VectorsDir() + "/mqadmin"; }

std::vector<std::string> ShellSplit(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '\'') {
      in_word = true;
      const size_t end = line.find('\'', i + 1);
      word += line.substr(i + 1, (end == std::string::npos ? line.size() : end) - i - 1);
      i = end == std::string::npos ? line.size() : end;
    } else if (c == '"') {
      in_word = true;
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size() &&
            std::string("\"\\$`").find(line[i + 1]) != std::string::npos) {
          ++i;
        }
        word += line[i];
      }
    } else if (c == '\\' && i + 1 < line.size()) {
      in_word = true;
      word += line[++i];
    } else {
      in_word = true;
      word += c;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

MqadminVector LoadMqadminVector(const std::string& file_name) {
  MqadminVector v;
  v.file = file_name;
  const std::string text = ReadFile(MqadminVectorsDir() + "/" + file_name);
  size_t pos = 0;
  std::string key;
  std::string value;
  long stdout_bytes = -1;
  long stderr_bytes = -1;
  while (ReadHeader(text, &pos, &key, &value)) {
    if (key == "command") {
      v.command = value;
      v.args = ShellSplit(value);
      if (!v.args.empty() && v.args.front() == "mqadmin") v.args.erase(v.args.begin());
    } else if (key == "exit") {
      v.exit_status = std::atoi(value.c_str());
    } else if (key == "note") {
      v.note = value;
    } else if (key == "stdout-bytes") {
      stdout_bytes = std::atol(value.c_str());
    } else if (key == "stderr-bytes") {
      stderr_bytes = std::atol(value.c_str());
    } else if (key == "stdout") {
      break;
    }
  }
  if (key != "stdout" || stdout_bytes < 0 || stderr_bytes < 0 ||
      pos + static_cast<size_t>(stdout_bytes) > text.size()) {
    ADD_FAILURE() << file_name << ": malformed mqadmin vector";
    return v;
  }
  v.out = text.substr(pos, stdout_bytes);
  pos += stdout_bytes;
  if (v.out.empty() || v.out.back() != '\n') {
    if (text.compare(pos, 1, "\n") == 0) ++pos;  // the newline the format adds
  }
  const std::string stderr_marker = "# stderr:\n";
  if (text.compare(pos, stderr_marker.size(), stderr_marker) != 0) {
    ADD_FAILURE() << file_name << ": no '# stderr:' line after " << stdout_bytes << " bytes";
    return v;
  }
  pos += stderr_marker.size();
  v.err = text.substr(pos, stderr_bytes);
  if (v.err.size() != static_cast<size_t>(stderr_bytes)) {
    ADD_FAILURE() << file_name << ": stderr shorter than " << stderr_bytes << " bytes";
  }
  return v;
}

std::vector<std::string> ListMqadminVectors(const std::string& prefix) {
  std::vector<std::string> names;
  DIR* dir = opendir(MqadminVectorsDir().c_str());
  if (dir == nullptr) {
    ADD_FAILURE() << "cannot list " << MqadminVectorsDir();
    return names;
  }
  while (dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.rfind(prefix, 0) == 0 && name.size() > 4 &&
        name.compare(name.size() - 4, 4, ".txt") == 0) {
      names.push_back(name);
    }
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace rocketmq::test
