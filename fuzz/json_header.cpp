// Fuzz target: the JSON remoting header decoder (serialize type 0), see header_round_trip.h.
#include "fuzz/header_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzHeaderRoundTrip(0, data, size);
}
