// Access to test/vectors: the frames and store files captured from Apache RocketMQ 4.9.8
// (see that folder's README.md for the record format).
#pragma once

#include <string>
#include <vector>

#include <json/json.h>

namespace rocketmq::test {

// Root of the vectors folder (compile-time default, overridable with $ROCKETMQ_VECTORS_DIR).
std::string VectorsDir();

// One remoting frame record of a NN-*.jsonl file.
struct VectorFrame {
  std::string file;       // e.g. "02a-producer.jsonl"
  int line = 0;           // 1-based line in that file
  std::string conn;       // "producer->broker"
  std::string stream;     // "producer:41234"
  std::string from;       // who sent it
  bool is_request = true;
  bool oneway = false;
  std::string code_name;  // RequestCode or ResponseCode name
  std::string request_code_name;  // responses only, when the request was seen
  int serialize_type = 0;
  int header_len = 0;
  Json::Value header;     // decoded header as recorded
  std::string body;       // raw body bytes
  std::string frame;      // whole frame, 4-byte length included

  std::string Where() const { return file + ":" + std::to_string(line); }
};

// Every frame of every remoting *.jsonl file (the two *-stream.jsonl HA files excluded), in file
// order. Fails the calling test (ADD_FAILURE) on unreadable files.
std::vector<VectorFrame> LoadAllFrames();
std::vector<VectorFrame> LoadFrames(const std::string& file_name);

// Records of an HA *-stream.jsonl file, as parsed JSON objects.
std::vector<Json::Value> LoadJsonLines(const std::string& file_name);

std::string HexDecode(const std::string& hex);
std::string HexEncode(const std::string& bytes);  // lowercase
std::string ReadFile(const std::string& path);    // whole file; empty on error (ADD_FAILURE)

}  // namespace rocketmq::test
