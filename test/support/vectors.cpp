#include "support/vectors.h"

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace rocketmq::test {

std::string VectorsDir() {
  const char* env = std::getenv("ROCKETMQ_VECTORS_DIR");
  return env != nullptr ? env : ROCKETMQ_VECTORS_DIR;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string HexDecode(const std::string& hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>((nibble(hex[i]) << 4) | nibble(hex[i + 1])));
  }
  return out;
}

std::string HexEncode(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::vector<Json::Value> LoadJsonLines(const std::string& file_name) {
  std::vector<Json::Value> out;
  std::istringstream in(ReadFile(VectorsDir() + "/" + file_name));
  std::string line;
  Json::CharReaderBuilder builder;
  std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    Json::Value v;
    std::string err;
    if (!reader->parse(line.data(), line.data() + line.size(), &v, &err)) {
      ADD_FAILURE() << file_name << ":" << n << ": " << err;
      continue;
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<VectorFrame> LoadFrames(const std::string& file_name) {
  std::vector<VectorFrame> frames;
  int line = 0;
  for (const Json::Value& v : LoadJsonLines(file_name)) {
    VectorFrame f;
    f.file = file_name;
    f.line = ++line;
    f.conn = v["conn"].asString();
    f.stream = v["stream"].asString();
    f.from = v["from"].asString();
    f.is_request = v["dir"].asString() == "request";
    f.oneway = v["oneway"].asBool();
    f.code_name = v["code_name"].asString();
    f.request_code_name = v.get("request_code_name", "").asString();
    f.serialize_type = v["serialize_type"].asInt();
    f.header_len = v["header_len"].asInt();
    f.header = v["header"];
    f.body = HexDecode(v["body_hex"].asString());
    f.frame = HexDecode(v["frame_hex"].asString());
    frames.push_back(std::move(f));
  }
  return frames;
}

std::vector<VectorFrame> LoadAllFrames() {
  std::vector<std::string> names;
  if (DIR* dir = opendir(VectorsDir().c_str())) {
    while (dirent* e = readdir(dir)) {
      std::string name = e->d_name;
      if (name.size() > 6 && name.compare(name.size() - 6, 6, ".jsonl") == 0 &&
          name.find("-stream.") == std::string::npos) {
        names.push_back(name);
      }
    }
    closedir(dir);
  } else {
    ADD_FAILURE() << "vectors folder not found: " << VectorsDir();
  }
  std::sort(names.begin(), names.end());
  std::vector<VectorFrame> all;
  for (const auto& name : names) {
    auto frames = LoadFrames(name);
    all.insert(all.end(), std::make_move_iterator(frames.begin()), std::make_move_iterator(frames.end()));
  }
  return all;
}

}  // namespace rocketmq::test
