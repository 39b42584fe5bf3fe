// GET_BROKER_RUNTIME_INFO of AdminBrokerProcessor: the key set of Java 4.9.x
// prepareRuntimeInfo (StoreStatsService.getRuntimeInfo + DefaultMessageStore.getRuntimeInfo +
// the broker's own keys), each computed from this broker's store, queues and configuration.
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <string>
#include <utility>
#include <vector>

#include "common/model/list_bodies.h"
#include "common/response_code.h"
#include "common/time_util.h"
#include "mockbroker/broker/admin_broker_processor.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;

namespace {

std::string JavaDouble(double v) { return FormatJavaDouble(v); }

bool PathExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::vector<std::string> SplitPaths(const std::string& paths) {
  // Java MessageStoreConfig.MULTI_PATH_SPLITTER (default ",").
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= paths.size()) {
    size_t end = paths.find(',', start);
    if (end == std::string::npos) end = paths.size();
    std::string one = paths.substr(start, end - start);
    if (!one.empty()) out.push_back(one);
    start = end + 1;
  }
  return out;
}

std::string PoolSize(const ThreadPool* pool) {
  return std::to_string(pool != nullptr ? pool->queued() : 0);
}
std::string PoolHeadWait(const ThreadPool* pool) {
  return std::to_string(pool != nullptr ? pool->HeadWaitMillis() : 0);
}

}  // namespace

RemotingCommand AdminBrokerProcessor::RuntimeInfo(const RemotingCommand& request) {
  store::MessageStore& s = controller_->message_store();
  const store::MessageStoreConfig& store_config = controller_->store_config();
  const Properties config = controller_->configuration().AllConfigs();
  const int64_t now = NowMillis();
  std::vector<std::pair<std::string, std::string>> info = s.stats().RuntimeInfo(now);
  auto put = [&info](std::string key, std::string value) {
    info.emplace_back(std::move(key), std::move(value));
  };

  // --- DefaultMessageStore.getRuntimeInfo ---
  double min_ratio = 0;
  bool any = false;
  for (const std::string& path : SplitPaths(store_config.CommitLogDir())) {
    const double ratio = PathExists(path) ? store::DiskPartitionSpaceUsedPercent(path) : -1;
    put("commitLogDiskRatio_" + path, JavaDouble(ratio));
    min_ratio = any ? std::min(min_ratio, ratio) : ratio;
    any = true;
  }
  put("commitLogDiskRatio", JavaDouble(any ? min_ratio : 1.7976931348623157e308));
  put("consumeQueueDiskRatio",
      JavaDouble(store::DiskPartitionSpaceUsedPercent(store_config.ConsumeQueueDir())));
  // ScheduleMessageService.buildRunningStats: "<delay offset>,<max offset of the level's queue>"
  // for each level in the delay offset table.
  for (const auto& [level, offset] : controller_->schedule_message_service().offset_table()) {
    put("scheduleMessageOffset_" + std::to_string(level),
        std::to_string(offset) + "," +
            std::to_string(s.GetMaxOffsetInQueue(kScheduleTopicName, level - 1)));
  }
  put("commitLogMinOffset", std::to_string(s.GetMinPhyOffset()));
  put("commitLogMaxOffset", std::to_string(s.GetMaxPhyOffset()));

  // --- AdminBrokerProcessor.prepareRuntimeInfo ---
  put("brokerVersionDesc", "V4_9_8");
  put("brokerVersion", std::to_string(remoting::kCurrentVersion));
  const store::StoreStatsService::MorningTotals morning = s.stats().morning_totals();
  put("msgPutTotalYesterdayMorning", std::to_string(morning.put_yesterday_morning));
  put("msgPutTotalTodayMorning", std::to_string(morning.put_today_morning));
  put("msgPutTotalTodayNow", std::to_string(s.stats().put_message_times_total()));
  put("msgGetTotalYesterdayMorning", std::to_string(morning.get_yesterday_morning));
  put("msgGetTotalTodayMorning", std::to_string(morning.get_today_morning));
  put("msgGetTotalTodayNow", std::to_string(s.stats().get_message_transferred_msg_count()));
  put("sendThreadPoolQueueSize", PoolSize(controller_->send_pool()));
  put("sendThreadPoolQueueCapacity", config.GetOr("sendThreadPoolQueueCapacity", ""));
  put("pullThreadPoolQueueSize", PoolSize(controller_->pull_pool()));
  put("pullThreadPoolQueueCapacity", config.GetOr("pullThreadPoolQueueCapacity", ""));
  put("queryThreadPoolQueueSize", PoolSize(controller_->query_pool()));
  put("queryThreadPoolQueueCapacity", config.GetOr("queryThreadPoolQueueCapacity", ""));
  // END_TRANSACTION has no queue of its own in this broker: nothing ever waits in one.
  put("EndTransactionQueueSize", "0");
  put("EndTransactionThreadPoolQueueCapacity", config.GetOr("endTransactionPoolQueueCapacity", ""));
  put("dispatchBehindBytes", std::to_string(s.DispatchBehindBytes()));
  put("pageCacheLockTimeMills", std::to_string(s.LockTimeMills()));
  put("sendThreadPoolQueueHeadWaitTimeMills", PoolHeadWait(controller_->send_pool()));
  put("pullThreadPoolQueueHeadWaitTimeMills", PoolHeadWait(controller_->pull_pool()));
  put("queryThreadPoolQueueHeadWaitTimeMills", PoolHeadWait(controller_->query_pool()));
  put("earliestMessageTimeStamp", std::to_string(s.GetEarliestMessageTime()));
  put("startAcceptSendRequestTimeStamp", config.GetOr("startAcceptSendRequestTimeStamp", "0"));
  // No transient store pool is used (Java: Integer.MAX_VALUE when the pool is off); so there is
  // never data waiting to be committed and remainHowManyDataToCommit is not reported.
  put("remainTransientStoreBufferNumbs", "2147483647");
  put("remainHowManyDataToFlush", store::HumanReadableByteCount(s.RemainHowManyDataToFlush()));
  struct statvfs vfs;
  const std::string root = store_config.RootDir();
  if (PathExists(root) && ::statvfs(root.c_str(), &vfs) == 0) {
    const int64_t unit = static_cast<int64_t>(vfs.f_frsize);
    put("commitLogDirCapacity",
        "Total : " + store::HumanReadableByteCount(static_cast<int64_t>(vfs.f_blocks) * unit) +
            ", Free : " + store::HumanReadableByteCount(static_cast<int64_t>(vfs.f_bfree) * unit) +
            ".");
  }

  KVTable t;
  for (auto& [k, v] : info) {
    if (t.table.count(k) == 0) t.put_order.push_back(k);
    t.table[k] = std::move(v);
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(t.ToJson());
  return resp;
}

}  // namespace rocketmq::broker
