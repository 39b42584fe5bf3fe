// Fuzz target: the SEND_BATCH_MESSAGE body decoder. SplitBatchBody and DecodeBatchMessages must
// agree (same element count, same bodies); every element view lies inside the input; a decoded
// batch re-encodes and splits into the same bodies.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/message_decoder.h"
#include "fuzz/fuzz_check.h"

using namespace rocketmq;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto views = SplitBatchBody(input);
  auto msgs = DecodeBatchMessages(input);
  FUZZ_CHECK(views.ok() == msgs.ok());
  if (!views.ok()) return 0;
  FUZZ_CHECK(views->size() == msgs->size());
  const char* begin = input.data();
  const char* end = input.data() + input.size();
  for (size_t i = 0; i < views->size(); ++i) {
    const BatchElementView& v = (*views)[i];
    FUZZ_CHECK(v.body.empty() || (v.body.data() >= begin && v.body.data() + v.body.size() <= end));
    FUZZ_CHECK(v.properties.empty() ||
               (v.properties.data() >= begin && v.properties.data() + v.properties.size() <= end));
    FUZZ_CHECK((*msgs)[i].body() == v.body);
  }
  auto encoded = EncodeBatchMessages(*msgs);
  if (!encoded.ok()) return 0;
  auto again = SplitBatchBody(*encoded);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->size() == msgs->size());
  for (size_t i = 0; i < again->size(); ++i) FUZZ_CHECK((*again)[i].body == (*msgs)[i].body());
  return 0;
}
