// Fuzz target: the fastjson-dialect JSON reader (src/common/json_reader). Any input either
// parses or fails with Corruption; a parsed value written back by jsoncpp (standard JSON) must
// parse again (the dialect is a superset of standard JSON) to an equal value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <json/json.h>

#include "common/json_reader.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = rocketmq::ParseJson(input, 32);
  if (!parsed.ok()) {
    FUZZ_CHECK(parsed.status().IsCorruption());
    return 0;
  }
  Json::StreamWriterBuilder builder;
  builder["indentation"] = "";
  builder["emitUTF8"] = true;
  const std::string text = Json::writeString(builder, *parsed);
  auto again = rocketmq::ParseJson(text, 64);
  FUZZ_CHECK(again.ok());
  return 0;
}
