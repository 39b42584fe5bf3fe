#include "mockbroker/broker/schedule_message_service.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "common/logging.h"
#include "common/message_decoder.h"
#include "common/model/consumer_offset_wrapper.h"
#include "common/model/json_body.h"
#include "common/time_util.h"
#include "mockbroker/broker/config_file.h"
#include "mockbroker/broker/topic_config_manager.h"

namespace rocketmq::broker {

namespace {

constexpr int64_t kFirstDelayMs = 1000;     // FIRST_DELAY_TIME
constexpr int64_t kDelayForAWhileMs = 100;  // DELAY_FOR_A_WHILE
constexpr int64_t kFirstPersistMs = 10000;  // the persist task's initial delay
constexpr int32_t kUnitsPerRead = 256;      // consume-queue units copied per read

// Integer.parseInt: an optional sign and decimal digits that fit an int.
bool ParseJavaInt(const std::string& s, int32_t* out) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (i == s.size()) return false;
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
    if (v > int64_t{INT32_MAX} + 1) return false;
  }
  if (s[0] == '-') v = -v;
  if (v > INT32_MAX || v < INT32_MIN) return false;
  *out = static_cast<int32_t>(v);
  return true;
}

}  // namespace

ScheduleMessageService::ScheduleMessageService(store::MessageStore* store, std::string config_path)
    : store_(store),
      config_path_(std::move(config_path)),
      flush_interval_ms_(std::max<int64_t>(1, store->config().flushDelayOffsetInterval)) {}

ScheduleMessageService::~ScheduleMessageService() { Shutdown(); }

Status ScheduleMessageService::Load() {
  Result<std::vector<int64_t>> levels =
      store::ParseMessageDelayLevel(store_->config().messageDelayLevel);
  if (!levels.ok()) return levels.status();
  delay_levels_ms_ = std::move(*levels);
  return LoadOffsetTable();
}

Status ScheduleMessageService::LoadOffsetTable() {
  std::map<int32_t, int64_t> table;
  ROCKETMQ_RETURN_IF_ERROR(LoadConfigFile(config_path_, [&table](const std::string& text) {
    Result<DelayOffsetSerializeWrapper> w = DecodeJsonBody<DelayOffsetSerializeWrapper>(text);
    if (!w.ok()) return w.status();
    table = std::move(w->offset_table);
    return Status::OK();
  }));
  // correctDelayOffset: an offset outside its queue's range is moved to the nearest end.
  for (auto& [level, offset] : table) {
    if (level < 1 || level > max_delay_level()) continue;
    const int64_t min = store_->GetMinOffsetInQueue(store::kScheduleTopic, level - 1);
    const int64_t max = store_->GetMaxOffsetInQueue(store::kScheduleTopic, level - 1);
    const int64_t corrected = std::clamp(offset, min, std::max(min, max));
    if (corrected != offset) {
      RMQ_LOG(kError) << "correct delay offset [ delayLevel " << level << " ] from " << offset
                      << " to " << corrected << " (queue min " << min << ", max " << max << ")";
      offset = corrected;
    }
  }
  // Java putAll: levels missing from the file keep what the table had.
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [level, offset] : table) offset_table_[level] = offset;
  return Status::OK();
}

void ScheduleMessageService::Start() {
  std::lock_guard<std::mutex> lifecycle(lifecycle_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (started_) return;
    started_ = true;
    stop_ = false;
  }
  // Java's start() loads the file again: a slave that becomes master resumes from the offsets
  // it synced from its master into delayOffset.json.
  Status st = LoadOffsetTable();
  if (!st.ok()) RMQ_LOG(kWarn) << "load " << config_path_ << " failed: " << st.ToString();
  thread_ = std::thread([this] { TimerLoop(); });
}

void ScheduleMessageService::Shutdown() {
  std::lock_guard<std::mutex> lifecycle(lifecycle_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_) return;
    started_ = false;
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  Status st = Persist();
  if (!st.ok()) RMQ_LOG(kWarn) << "persist " << config_path_ << " failed: " << st.ToString();
}

bool ScheduleMessageService::started() const {
  std::lock_guard<std::mutex> lock(mu_);
  return started_;
}

std::map<int32_t, int64_t> ScheduleMessageService::offset_table() const {
  std::lock_guard<std::mutex> lock(mu_);
  return offset_table_;
}

std::string ScheduleMessageService::Encode(bool pretty) const {
  // The wrapper writes the levels in the order of Java's ConcurrentHashMap<Integer, Long>(32).
  DelayOffsetSerializeWrapper wrapper;
  wrapper.offset_table = offset_table();
  return wrapper.ToJson(pretty);
}

Status ScheduleMessageService::Persist() {
  std::string text = Encode(/*pretty=*/true);
  std::lock_guard<std::mutex> lock(persist_mu_);
  return PersistConfigFile(config_path_, text);
}

void ScheduleMessageService::TimerLoop() {
  const int64_t start = SteadyMillis();
  std::vector<LevelTimer> timers(delay_levels_ms_.size());
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t i = 0; i < timers.size(); ++i) {
      auto it = offset_table_.find(static_cast<int32_t>(i + 1));
      timers[i].offset = it == offset_table_.end() ? 0 : it->second;
      timers[i].due_ms = start + kFirstDelayMs;
    }
  }
  int64_t next_persist = start + kFirstPersistMs;
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    int64_t wake = next_persist;
    for (const LevelTimer& t : timers) wake = std::min(wake, t.due_ms);
    const int64_t now = SteadyMillis();
    if (wake > now) {
      cv_.wait_for(lock, std::chrono::milliseconds(wake - now));
      continue;
    }
    lock.unlock();
    for (size_t i = 0; i < timers.size(); ++i) {
      if (timers[i].due_ms > now) continue;
      auto [offset, delay] = DeliverRound(static_cast<int32_t>(i + 1), timers[i].offset);
      timers[i].offset = offset;
      timers[i].due_ms = SteadyMillis() + delay;
    }
    if (now >= next_persist) {
      Status st = Persist();
      if (!st.ok()) RMQ_LOG(kWarn) << "persist " << config_path_ << " failed: " << st.ToString();
      next_persist = now + flush_interval_ms_;
    }
    lock.lock();
  }
}

std::pair<int64_t, int64_t> ScheduleMessageService::DeliverRound(int32_t level, int64_t offset) {
  const int32_t queue_id = level - 1;
  // Java walks one consume-queue file per round (a zero-copy slice); units are copied here, so
  // they are read in small chunks, at most one file's worth per round.
  const int64_t units_per_file =
      std::max(1, store_->config().mappedFileSizeConsumeQueue / store::kCqStoreUnitSize);
  const int64_t level_delay = delay_levels_ms_[static_cast<size_t>(level - 1)];
  int64_t next = offset;
  while (next - offset < units_per_file) {
    std::vector<store::CqUnit> units =
        store_->GetConsumeQueueUnits(store::kScheduleTopic, queue_id, next, kUnitsPerRead);
    if (units.empty()) break;
    for (const store::CqUnit& u : units) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stop_) return {next, kDelayForAWhileMs};
      }
      const int64_t now = NowMillis();
      // correctDeliverTimestamp: a deliver time further away than one level delay is due now.
      const int64_t deliver = u.tags_code > now + level_delay ? now : u.tags_code;
      if (deliver > now) return {next, kDelayForAWhileMs};
      if (!Deliver(level, u.phy_offset, u.size)) return {next, kDelayForAWhileMs};
      ++next;
      std::lock_guard<std::mutex> lock(mu_);
      offset_table_[level] = next;
    }
  }
  if (next == offset) {
    // Nothing at `offset`: wait, or move back into the queue's range if it fell out of it.
    const int64_t min = store_->GetMinOffsetInQueue(store::kScheduleTopic, queue_id);
    const int64_t max = store_->GetMaxOffsetInQueue(store::kScheduleTopic, queue_id);
    if (min > offset) {
      next = min;
    } else if (max < offset) {
      next = max;
    }
    if (next != offset) {
      RMQ_LOG(kError) << "schedule CQ offset invalid. offset=" << offset << ", cqMinOffset=" << min
                      << ", cqMaxOffset=" << max << ", queueId=" << queue_id;
    }
  }
  return {next, kDelayForAWhileMs};
}

bool ScheduleMessageService::Deliver(int32_t level, int64_t phy_offset, int32_t size) {
  Result<std::string> record = store_->LookMessageByOffset(phy_offset);
  Result<MessageExt> stored = record.ok() && record->size() == static_cast<size_t>(size)
                                  ? DecodeStoredMessage(*record)
                                  : Result<MessageExt>(Status::NotFound("no such record"));
  if (!stored.ok()) {
    RMQ_LOG(kWarn) << "delay level " << level << ": no message at CommitLog offset " << phy_offset
                   << " size " << size << ", skipped";
    return true;
  }
  std::string raw_properties;
  Result<MessageExt> inner = MessageTimeUp(*stored, &raw_properties);
  if (!inner.ok()) {
    RMQ_LOG(kError) << "delay level " << level << ": message " << stored->msg_id()
                    << " skipped: " << inner.status().ToString();
    return true;
  }
  if (inner->topic() == kTransHalfTopic) {
    RMQ_LOG(kError) << "[BUG] the real topic of schedule msg is " << inner->topic()
                    << ", discard the msg. msgId=" << stored->msg_id();
    return true;
  }
  store::PutMessageOptions options;
  options.wait_store_msg_ok = false;
  options.raw_properties.push_back(std::move(raw_properties));
  const std::string topic = inner->topic();
  store::PutMessageResult r = store_->PutMessage(std::move(*inner), options);
  if (r.status != store::PutMessageStatus::kPutOk) {
    RMQ_LOG(kWarn) << "ScheduleMessageService, a message time up, but reput it failed, topic: "
                   << topic << " msgId " << stored->msg_id() << ": "
                   << store::PutMessageStatusName(r.status) << " " << r.error.ToString();
    return false;
  }
  return true;
}

Result<MessageExt> ScheduleMessageService::MessageTimeUp(const MessageExt& stored,
                                                         std::string* raw_properties) {
  MessageProperties props = stored.properties();
  const std::string* real_topic = props.Find(kPropertyRealTopic);
  const std::string* real_qid = props.Find(kPropertyRealQueueId);
  int32_t queue_id = 0;
  if (real_topic == nullptr || real_qid == nullptr || !ParseJavaInt(*real_qid, &queue_id)) {
    return Status::InvalidArgument("schedule record without a valid REAL_TOPIC / REAL_QID");
  }
  MessageExt m;
  m.set_topic(*real_topic);
  m.set_queue_id(queue_id);
  m.set_body(stored.body());
  m.set_flag(stored.flag());
  m.set_sys_flag(stored.sys_flag());
  m.set_born_timestamp(stored.born_timestamp());
  m.set_born_host(stored.born_host());
  m.set_store_host(stored.store_host());
  m.set_reconsume_times(stored.reconsume_times());
  // The string is taken before WAIT and DELAY change, so the record keeps both.
  *raw_properties = JavaHashMapOrder(props).Encode();
  props.Set(kPropertyWaitStoreMsgOk, "false");
  props.Erase(kPropertyDelayTimeLevel);
  m.set_properties(std::move(props));
  return m;
}

}  // namespace rocketmq::broker
