// Shared helpers for the libFuzzer targets in fuzz/: a property check that aborts (so libFuzzer,
// or the replay driver in the normal build, reports the input) instead of an assert that
// -DNDEBUG would compile away.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)
