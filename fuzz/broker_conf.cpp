// Fuzz target: broker.conf loading. The input is parsed as java.util.Properties text (both the
// lenient and the checked parser) and applied to a BrokerConfiguration, as mqbroker -c does; a
// configuration that applies must list its keys again (AllConfigsText) without failing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/properties.h"
#include "fuzz/fuzz_check.h"
#include "mockbroker/broker/broker_config.h"

using namespace rocketmq;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Properties lenient = Properties::Parse(input);
  auto checked = Properties::ParseChecked(input);
  if (!checked.ok()) return 0;
  FUZZ_CHECK(checked->size() == lenient.size());
  broker::BrokerConfiguration config;
  std::vector<std::string> unknown;
  if (!config.Apply(*checked, &unknown).ok()) return 0;
  const std::string text = config.AllConfigsText();
  FUZZ_CHECK(!text.empty());
  Properties reread = Properties::Parse(text);
  FUZZ_CHECK(reread.size() > 0);
  return 0;
}
