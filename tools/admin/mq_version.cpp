#include "tools/admin/mq_version.h"

namespace rocketmq::admin::tools {
namespace {

// The first 16 constants of Java MQVersion.Version (3.0.0 pre-releases).
constexpr const char* kV300[] = {
    "V3_0_0_SNAPSHOT", "V3_0_0_ALPHA1",         "V3_0_0_BETA1", "V3_0_0_BETA2",
    "V3_0_0_BETA3",    "V3_0_0_BETA4",          "V3_0_0_BETA5", "V3_0_0_BETA6_SNAPSHOT",
    "V3_0_0_BETA6",    "V3_0_0_BETA7_SNAPSHOT", "V3_0_0_BETA7", "V3_0_0_BETA8_SNAPSHOT",
    "V3_0_0_BETA8",    "V3_0_0_BETA9_SNAPSHOT", "V3_0_0_BETA9", "V3_0_0_FINAL",
};

// After them, each release Vx_y_z comes as the pair Vx_y_z_SNAPSHOT, Vx_y_z, for these patch
// ranges, in this order; then HIGHER_VERSION.
struct Series {
  int major;
  int minor;
  int first_patch;
  int last_patch;
};
constexpr Series kSeries[] = {
    {3, 0, 1, 15}, {3, 1, 0, 9}, {3, 2, 0, 9}, {3, 3, 1, 9}, {3, 4, 1, 9}, {3, 5, 1, 9},
    {3, 6, 1, 9},  {3, 7, 1, 9}, {3, 8, 1, 9}, {3, 9, 1, 9}, {4, 0, 0, 9}, {4, 1, 0, 9},
    {4, 2, 0, 9},  {4, 3, 0, 9}, {4, 4, 0, 9}, {4, 5, 0, 9}, {4, 6, 0, 9}, {4, 7, 0, 9},
    {4, 8, 0, 9},  {4, 9, 0, 9}, {5, 0, 0, 9}, {5, 1, 0, 9}, {5, 2, 0, 9}, {5, 3, 0, 9},
    {5, 4, 0, 9},  {5, 5, 0, 9}, {5, 6, 0, 9}, {5, 7, 0, 9}, {5, 8, 0, 9}, {5, 9, 0, 9},
};

}  // namespace

std::string MQVersionDesc(int version) {
  if (version < 0) return "UNKNOWN";
  constexpr int kHead = static_cast<int>(sizeof(kV300) / sizeof(kV300[0]));
  if (version < kHead) return kV300[version];
  int index = version - kHead;
  for (const Series& s : kSeries) {
    const int count = 2 * (s.last_patch - s.first_patch + 1);
    if (index < count) {
      std::string name = "V" + std::to_string(s.major) + "_" + std::to_string(s.minor) + "_" +
                         std::to_string(s.first_patch + index / 2);
      if (index % 2 == 0) name += "_SNAPSHOT";
      return name;
    }
    index -= count;
  }
  return "HIGHER_VERSION";
}

}  // namespace rocketmq::admin::tools
