// ScheduleMessageService: delivers delayed messages (Java ScheduleMessageService, 4.9.x with
// synchronous delivery; protocol.md §9.8). The store parks a message with DELAY=L in
// SCHEDULE_TOPIC_XXXX queue L-1, its consume-queue tags code being the deliver time; this service
// keeps, per level, the offset of the next unit to deliver, and re-puts due messages to their
// REAL_TOPIC / REAL_QID. The offsets are persisted as <storePathRootDir>/config/delayOffset.json
// ({"offsetTable":{1:0,2:15}}, fastjson with unquoted int keys) every flushDelayOffsetInterval
// (first write 10 s after Start) and at Shutdown, and loaded by Load.
//
// Ownership: the BrokerController owns it; the MessageStore must outlive it. A master runs it
// (Start); a slave only loads it (its table is served by GET_ALL_DELAY_OFFSET). Start/Shutdown
// may alternate (role changes).
//
// Threads: Start() launches one timer thread that runs every level's timer (first run 1 s after
// Start, then 100 ms after a round that found nothing due or failed to deliver, as Java) and the
// periodic persist. The public methods may be called from any thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/message_ext.h"
#include "common/status.h"
#include "mockbroker/store/message_store.h"

namespace rocketmq::broker {

class ScheduleMessageService {
 public:
  // `store` must outlive the service; levels and the persist interval come from its config.
  ScheduleMessageService(store::MessageStore* store, std::string config_path);
  ~ScheduleMessageService();  // Shutdown()
  ScheduleMessageService(const ScheduleMessageService&) = delete;
  ScheduleMessageService& operator=(const ScheduleMessageService&) = delete;

  // Parses messageDelayLevel (InvalidArgument when bad), reads delayOffset.json (or its .bak)
  // and clamps each offset into its queue's [min, max] (Java correctDelayOffset). Call once,
  // after the store is loaded.
  Status Load();
  // Re-reads delayOffset.json (as Java's start() does, so a slave promoted to master resumes
  // from the offsets synced into that file) and starts delivering. No-op when running.
  void Start();
  // Stops the timer thread and, if it was running, persists the offsets. Idempotent.
  void Shutdown();
  bool started() const;

  // Writes delayOffset.json now (pretty fastjson, previous file kept as .bak).
  Status Persist();
  // {"offsetTable":{level:offset,...}}: GET_ALL_DELAY_OFFSET's body (compact) and the file's
  // content (pretty).
  std::string Encode(bool pretty) const;
  // Level -> next SCHEDULE_TOPIC_XXXX queue offset to deliver; only levels that delivered
  // something (or came from the file) appear.
  std::map<int32_t, int64_t> offset_table() const;

  int32_t max_delay_level() const { return static_cast<int32_t>(delay_levels_ms_.size()); }

  // The message Java's messageTimeup re-puts for a stored schedule record: REAL_TOPIC /
  // REAL_QID as topic and queue; body, flag, sysFlag, born time and host, store host and
  // reconsumeTimes kept; the stored properties string re-encoded in HashMap order as
  // `*raw_properties` (DELAY and WAIT=true still in it, as Java writes it); in the property map
  // DELAY is cleared and WAIT=false. InvalidArgument when REAL_TOPIC / REAL_QID are missing.
  static Result<MessageExt> MessageTimeUp(const MessageExt& stored, std::string* raw_properties);

 private:
  struct LevelTimer {
    int64_t due_ms = 0;  // steady clock
    int64_t offset = 0;  // next unit to look at
  };

  // Reads delayOffset.json (or .bak) into the table, clamping each offset into its queue.
  Status LoadOffsetTable();
  void TimerLoop();
  // One DeliverDelayedMessageTimerTask round for `level` from `offset`: delivers every due unit
  // in order, stops at the first one not yet due; returns {next offset, delay before next round}.
  std::pair<int64_t, int64_t> DeliverRound(int32_t level, int64_t offset);
  // Re-puts the stored message at (phy_offset, size); false when the put failed (retry later).
  // Records that are gone or unusable are skipped (true, logged).
  bool Deliver(int32_t level, int64_t phy_offset, int32_t size);

  store::MessageStore* const store_;
  const std::string config_path_;
  const int64_t flush_interval_ms_;
  std::vector<int64_t> delay_levels_ms_;  // index level-1; set by Load()

  mutable std::mutex mu_;
  std::map<int32_t, int64_t> offset_table_;  // guarded by mu_
  bool started_ = false;                     // guarded by mu_
  bool stop_ = false;                        // guarded by mu_
  std::condition_variable cv_;               // wakes the timer thread on Shutdown
  std::mutex lifecycle_mu_;                  // serializes Start/Shutdown
  std::mutex persist_mu_;                    // one writer of the file at a time
  std::thread thread_;
};

}  // namespace rocketmq::broker
