// Fuzz target: the ROCKETMQ binary remoting header decoder (serialize type 1), see
// header_round_trip.h.
#include "fuzz/header_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzHeaderRoundTrip(1, data, size);
}
