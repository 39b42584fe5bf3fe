// Arg_helper (include/rocketmq/Arg_helper.h) and PullResult::toString.
#include "rocketmq/Arg_helper.h"

#include <iterator>
#include <sstream>

#include "rocketmq/pull_result.h"

namespace rocketmq {

Arg_helper::Arg_helper(int argc, char* argv[]) {
  for (int i = 0; i < argc; ++i) args_.emplace_back(argv[i] != nullptr ? argv[i] : "");
}

Arg_helper::Arg_helper(std::string args) {
  std::istringstream in(args);
  std::string word;
  while (in >> word) args_.push_back(word);
}

std::string Arg_helper::get_option(int idx) const {
  if (idx < 0 || static_cast<size_t>(idx) >= args_.size()) return "";
  return args_[static_cast<size_t>(idx)];
}

bool Arg_helper::is_enable_option(std::string opt) const {
  for (const std::string& a : args_) {
    if (a == opt) return true;
  }
  return false;
}

std::string Arg_helper::get_option_value(std::string opt) const {
  for (size_t i = 0; i + 1 < args_.size(); ++i) {
    if (args_[i] == opt) return args_[i + 1];
  }
  return "";
}

namespace {
const char* CompatPullStatusText(PullStatus status) {
  const auto index = static_cast<size_t>(status);
  return index < std::size(EnumStrings) ? EnumStrings[index] : "UNKNOWN";
}
}  // namespace

std::string PullResult::toString() const {
  std::ostringstream ss;
  ss << "PullResult [ pullStatus=" << CompatPullStatusText(pullStatus)
     << ", nextBeginOffset=" << nextBeginOffset << ", minOffset=" << minOffset
     << ", maxOffset=" << maxOffset << ", msgFoundList=" << msgFoundList.size() << " ]";
  return ss.str();
}

}  // namespace rocketmq
