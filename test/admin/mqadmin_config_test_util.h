// Helpers of the config group's mqadmin tests (mqadmin_config_*_test.cpp): the Java capture's
// addresses swapped for the fixture's, and checks shared by the config listings.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "integration/admin_cluster_util.h"
#include "mqadmin_test_util.h"
#include "support/mqadmin_vectors.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::test {

// The addresses of vectors/mqadmin/README.md ("Substitutions").
inline constexpr char kJavaNsAddr[] = "127.0.0.1:42029";
inline constexpr char kJavaBrokerAAddr[] = "127.0.0.1:57589";
inline constexpr char kJavaBrokerASlaveAddr[] = "127.0.0.1:33845";
inline constexpr char kJavaBrokerBAddr[] = "127.0.0.1:33047";

inline std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// AdminClusterFixture plus the capture's command lines and outputs rewritten for this cluster.
class MqadminConfigFixture : public AdminClusterFixture {
 protected:
  // `text` with the capture's server addresses replaced by this cluster's.
  std::string Localize(std::string text) const {
    text = ReplaceAll(text, kJavaNsAddr, ns_addr());
    text = ReplaceAll(text, kJavaBrokerAAddr, broker_a_addr());
    text = ReplaceAll(text, kJavaBrokerASlaveAddr, broker_a_slave_addr());
    return ReplaceAll(text, kJavaBrokerBAddr, broker_b_addr());
  }
  // The vector's command line with the placeholders (NS_ADDR, BROKER_A_ADDR, ...) filled in.
  std::vector<std::string> LocalArgs(const MqadminVector& v) const {
    std::vector<std::string> args;
    for (std::string a : v.args) {
      a = ReplaceAll(a, "BROKER_A_SLAVE_ADDR", broker_a_slave_addr());
      a = ReplaceAll(a, "BROKER_A_ADDR", broker_a_addr());
      a = ReplaceAll(a, "BROKER_B_ADDR", broker_b_addr());
      args.push_back(ReplaceAll(a, "NS_ADDR", ns_addr()));
    }
    return args;
  }
  // The two master addresses in the order Java's CommandUtil iterates them: a HashSet (or a
  // HashMap(4) for fetchMasterAndSlaveDistinguish) filled in the HashSet order of the names.
  std::vector<std::string> MastersInJavaOrder(size_t initial_capacity = 16) const {
    std::vector<std::string> masters;
    for (const std::string& name : admin::tools::JavaHashSetOrder({"broker-a", "broker-b"})) {
      masters.push_back(name == "broker-a" ? broker_a_addr() : broker_b_addr());
    }
    return admin::tools::JavaHashSetOrder(masters, initial_capacity);
  }
  // Runs the vector's command line here.
  MqadminRun RunVector(const MqadminVector& v) const { return RunMqadmin(LocalArgs(v)); }
};

// A failed command: exit 1 and exactly one stderr line naming the command.
inline void ExpectOneErrorLine(const MqadminRun& run, const std::string& command,
                               const std::string& reason_part = "") {
  EXPECT_EQ(run.exit_status, 1) << run.out << run.err;
  ASSERT_FALSE(run.err.empty());
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
  EXPECT_EQ(run.err.rfind("mqadmin " + command + ": ", 0), 0u) << run.err;
  if (!reason_part.empty()) {
    EXPECT_NE(run.err.find(reason_part), std::string::npos) << run.err;
  }
}

// A usage error: Java's usage text (the one `help <command>` prints) on stdout, exit 1.
inline void ExpectUsageError(const MqadminRun& run, const std::string& command) {
  const MqadminVector help = LoadMqadminVector("help-" + command + ".txt");
  EXPECT_EQ(run.exit_status, 1) << run.err;
  EXPECT_EQ(run.out, help.out);
}

}  // namespace rocketmq::test
