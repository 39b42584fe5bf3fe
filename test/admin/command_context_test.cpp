// CommandContext: tools.yml credentials (Java AclUtils.getAclRPCHook) and StartAdmin.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "tools/admin/command_context.h"
#include "tools/admin/command_error.h"

namespace rocketmq::admin::tools {
namespace {

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

TEST(ToolsYml, TheDistributionFile) {
  test::TempDir dir("tools_yml_test");
  const std::string path = dir.path() + "/tools.yml";
  WriteFile(path,
            "# Licensed to the Apache Software Foundation (ASF) ...\n"
            "\n\naccessKey: rocketmq2\nsecretKey: 12345678\n    \n");
  const SessionCredentials credentials = ReadToolsYml(path);
  EXPECT_TRUE(credentials.isValid());
  EXPECT_EQ(credentials.getAccessKey(), "rocketmq2");
  EXPECT_EQ(credentials.getSecretKey(), "12345678");
}

TEST(ToolsYml, QuotesCommentsAndMissingKeys) {
  test::TempDir dir("tools_yml_test");
  const std::string path = dir.path() + "/tools.yml";
  WriteFile(path, "accessKey: \"ak 1\"\r\nsecretKey: 'sk#2'  # comment\r\n");
  SessionCredentials credentials = ReadToolsYml(path);
  EXPECT_EQ(credentials.getAccessKey(), "ak 1");
  EXPECT_EQ(credentials.getSecretKey(), "sk#2");

  WriteFile(path, "accessKey: onlyThis\n");
  EXPECT_FALSE(ReadToolsYml(path).isValid());
  EXPECT_FALSE(ReadToolsYml(dir.path() + "/missing.yml").isValid());
}

TEST(StartAdmin, StartsOnTheGivenAddressWithoutConnecting) {
  test::TempDir home("tools_yml_test");
  std::ostringstream out;
  std::ostringstream err;
  CommandContext ctx(out, err);
  ctx.namesrv_addr = "127.0.0.1:1";
  ctx.rocketmq_home = home.path();  // no conf/tools.yml: unsigned
  std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->getNamesrvAddr(), "127.0.0.1:1");
  admin->shutdown();
}

TEST(StartAdmin, RefusesAnEmptyAddress) {
  std::ostringstream out;
  std::ostringstream err;
  CommandContext ctx(out, err);
  EXPECT_THROW(ctx.StartAdmin(), CommandError);
}

}  // namespace
}  // namespace rocketmq::admin::tools
