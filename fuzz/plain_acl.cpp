// Fuzz target: plain_acl.yml loading (src/mockbroker/broker/acl), the in-memory part of
// PlainPermissionManager::Load: YAML parse, the ACL model, each account compiled for enforcement
// (keys, "Res=Perm" items, white address patterns). A parsed document dumped the way snakeyaml
// writes it must parse again to the same accounts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "mockbroker/broker/acl/plain_acl_config.h"
#include "mockbroker/broker/acl/yaml_document.h"

using namespace rocketmq::broker::acl;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // yaml-cpp recursion: keep inputs near real ACL files
  std::string text(reinterpret_cast<const char*>(data), size);
  auto root = ParseYaml(text);
  if (!root.ok()) return 0;
  PlainAclFile file = PlainAclFile::FromYaml(*root, 1);
  for (const auto& account : file.accounts) (void)PlainAccessResource::Build(account);
  for (const std::string& addr : file.global_white_remote_addresses) {
    (void)RemoteAddressStrategy::Compile(addr);
  }
  const std::string dumped = DumpYamlAsMap(*root);
  auto again = ParseYaml(dumped);
  FUZZ_CHECK(again.ok());
  PlainAclFile file2 = PlainAclFile::FromYaml(*again, 1);
  FUZZ_CHECK(file2.accounts.size() == file.accounts.size());
  FUZZ_CHECK(file2.global_white_remote_addresses == file.global_white_remote_addresses);
  return 0;
}
