// gen_settings_doc: writes docs/settings.md from the settings registries (stdout), or with
// --check FILE exits 1 when FILE differs from what it would write (the ctest
// settings_doc_up_to_date runs that).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "client/settings_registry.h"
#include "consumer/consumer_settings.h"
#include "producer/producer_settings.h"

namespace {

// Every class with string-keyed settings; a new one adds its registry here.
std::string Render() {
  using rocketmq::client::SettingsTable;
  std::vector<SettingsTable> tables = {
      {"DefaultMQProducer", rocketmq::producer::ProducerSettings().Describe()},
      {"TransactionMQProducer", rocketmq::producer::TransactionProducerSettings().Describe()},
      {"DefaultMQPushConsumer", rocketmq::consumer::PushConsumerSettings().Describe()},
      {"DefaultLitePullConsumer", rocketmq::consumer::LitePullConsumerSettings().Describe()},
  };
  return rocketmq::client::RenderSettingsDoc(tables);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string doc = Render();
  if (argc == 3 && std::strcmp(argv[1], "--check") == 0) {
    std::ifstream in(argv[2], std::ios::binary);
    std::stringstream current;
    current << in.rdbuf();
    if (!in && current.str().empty()) {
      std::fprintf(stderr, "cannot read %s\n", argv[2]);
      return 1;
    }
    if (current.str() != doc) {
      std::fprintf(stderr,
                   "%s is out of date: regenerate it with build/bin/gen_settings_doc > %s\n",
                   argv[2], argv[2]);
      return 1;
    }
    return 0;
  }
  if (argc != 1) {
    std::fprintf(stderr, "usage: gen_settings_doc [--check docs/settings.md]\n");
    return 2;
  }
  std::fwrite(doc.data(), 1, doc.size(), stdout);
  return 0;
}
