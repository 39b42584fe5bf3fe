// A scratch directory under $TMPDIR (or /tmp), removed with everything in it when the object dies.
#pragma once

#include <string>

namespace rocketmq::test {

class TempDir {
 public:
  // `prefix` names the directory (e.g. "store_test") so leftovers are easy to attribute.
  explicit TempDir(const std::string& prefix = "rocketmq_test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace rocketmq::test
