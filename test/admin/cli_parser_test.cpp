// The commons-cli 1.2 PosixParser semantics of tools/admin/cli (what Java mqadmin accepts).
#include <gtest/gtest.h>

#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/cli/posix_parser.h"

namespace rocketmq::admin::tools::cli {
namespace {

Options TestOptions() {
  Options options;
  options.AddOption("h", "help", false, "Print help");
  options.AddOption("n", "namesrvAddr", true, "Name server address list");
  OptionGroup group;
  group.AddOption(Option("b", "brokerAddr", true, "broker"));
  group.AddOption(Option("c", "clusterName", true, "cluster"));
  group.SetRequired(true);
  options.AddOptionGroup(std::move(group));
  options.AddOption("t", "topic", true, "topic name", /*required=*/true);
  options.AddOption("l", "list", false, "list");
  options.AddOption("a", "all", false, "all");
  options.AddOption("s", "beginTimestamp ", true, "begin");
  options.AddOption("p", "print msg", true, "print");
  return options;
}

CommandLine MustParse(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> line = Parse(TestOptions(), args, &error);
  EXPECT_TRUE(line.has_value()) << error;
  return line ? *line : CommandLine();
}

std::string ParseError(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> line = Parse(TestOptions(), args, &error);
  EXPECT_FALSE(line.has_value());
  return error;
}

TEST(CliParser, ValueForms) {
  CommandLine line = MustParse({"-t", "T1", "-cC1"});
  EXPECT_EQ(line.GetOptionValue("t"), "T1");
  EXPECT_EQ(line.GetOptionValue("topic"), "T1");
  EXPECT_EQ(line.GetOptionValue("-t"), "T1");
  EXPECT_EQ(line.GetOptionValue("clusterName"), "C1");
  EXPECT_FALSE(line.HasOption("b"));
  EXPECT_EQ(line.GetOptionValue("b"), std::nullopt);

  line = MustParse({"--topic", "T2", "--brokerAddr=1.2.3.4:10911"});
  EXPECT_EQ(line.GetOptionValue("t"), "T2");
  EXPECT_EQ(line.GetOptionValue("b"), "1.2.3.4:10911");

  line = MustParse({"-topic", "T3", "-b", "x"});  // one dash + long name: Java accepts it
  EXPECT_EQ(line.GetOptionValue("t"), "T3");
}

TEST(CliParser, BurstingAndFlags) {
  CommandLine line = MustParse({"-la", "-t", "T", "-b", "B"});
  EXPECT_TRUE(line.HasOption("l"));
  EXPECT_TRUE(line.HasOption("all"));
  EXPECT_EQ(line.GetOptionValue("l"), std::nullopt);
  line = MustParse({"-ltT4", "-b", "B"});  // -l, then -t with the rest as its value
  EXPECT_TRUE(line.HasOption("l"));
  EXPECT_EQ(line.GetOptionValue("t"), "T4");
  EXPECT_EQ(ParseError({"-lx", "-t", "T", "-b", "B"}), "Unrecognized option: -lx");
}

TEST(CliParser, ValuesThatLookLikeOptions) {
  // A value may start with '-' unless it is a known option.
  CommandLine line = MustParse({"-t", "-5", "-b", "B"});
  EXPECT_EQ(line.GetOptionValue("t"), "-5");
  EXPECT_EQ(ParseError({"-t", "-b", "B"}), "Missing argument for option: t");
  EXPECT_EQ(ParseError({"-b", "B", "-t"}), "Missing argument for option: t");
  // Surrounding double quotes are stripped (commons-cli Util.stripLeadingAndTrailingQuotes).
  EXPECT_EQ(MustParse({"-t", "\"quoted\"", "-b", "B"}).GetOptionValue("t"), "quoted");
}

TEST(CliParser, LongNamesWithSpaces) {
  CommandLine line =
      MustParse({"-t", "T", "-b", "B", "--beginTimestamp ", "123", "--print msg=true"});
  EXPECT_EQ(line.GetOptionValue("s"), "123");
  EXPECT_EQ(line.GetOptionValue("beginTimestamp "), "123");
  EXPECT_EQ(line.GetOptionValue("p"), "true");
  EXPECT_EQ(ParseError({"-t", "T", "-b", "B", "--beginTimestamp", "1"}),
            "Unrecognized option: --beginTimestamp");
}

TEST(CliParser, ArgsAndDoubleDash) {
  CommandLine line = MustParse({"extra", "-t", "T", "-b", "B", "-", "--", "-l", "--", "x"});
  EXPECT_EQ(line.Args(), (std::vector<std::string>{"extra", "-", "-l", "x"}));
  EXPECT_FALSE(line.HasOption("l"));
}

TEST(CliParser, RequiredOptionsAndGroups) {
  EXPECT_EQ(ParseError({"-b", "B"}), "Missing required option: t");
  EXPECT_EQ(ParseError({"-t", "T"}), "Missing required option group");
  EXPECT_NE(ParseError({"-t", "T", "-b", "B", "-c", "C"}).find("already been selected"),
            std::string::npos);
  // The same group option twice is fine; the first value wins, as in Java.
  CommandLine line = MustParse({"-t", "T", "-b", "B1", "-b", "B2", "-t", "U"});
  EXPECT_EQ(line.GetOptionValue("b"), "B1");
  EXPECT_EQ(line.GetOptionValue("t"), "T");
  EXPECT_EQ(ParseError({"-t", "T", "-b", "B", "--nope"}), "Unrecognized option: --nope");
}

TEST(CliHelp, WrapsDescriptionsUnderThemselves) {
  Options options;
  options.AddOption("x", "xx", true, std::string(60, 'a') + " " + std::string(60, 'b'));
  EXPECT_EQ(FormatHelp("mqadmin t", options, 80),
            "usage: mqadmin t [-x <arg>]\n"
            " -x,--xx <arg>   " +
                std::string(60, 'a') + "\n" + std::string(17, ' ') + std::string(60, 'b') + "\n");
}

TEST(CliHelp, RedefiningAnOptionReplacesIt) {
  Options options;
  options.AddOption("n", "namesrvAddr", true, "first");
  options.AddOption("n", "namesrvAddr", true, "second");
  EXPECT_EQ(options.options().size(), 1u);
  EXPECT_EQ(options.options()[0].Description(), "second");
}

}  // namespace
}  // namespace rocketmq::admin::tools::cli
