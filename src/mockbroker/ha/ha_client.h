// HaClient: the slave's end of the HA link (Java 4.9.x HAService.HAClient). Connects to the
// master's HA address (retrying every 5 s), reports its CommitLog max offset at once and then
// whenever it grew and at least every haSendHeartbeatInterval, and appends every frame the
// master pushes at that offset of its own CommitLog (protocol.md §7.2 step 5). A frame whose
// offset is not where the slave's CommitLog ends closes the link (logged), as does silence for
// haHousekeepingInterval; it then reconnects and resumes from its own max offset.
//
// Owned by HaService. Threads: one client thread after Start(); UpdateMasterAddress and the
// accessors from any thread. Shutdown() joins; idempotent.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "mockbroker/ha/ha_socket.h"
#include "mockbroker/store/message_store.h"

namespace rocketmq::ha {

class HaClient {
 public:
  explicit HaClient(store::MessageStore* store);
  ~HaClient();
  HaClient(const HaClient&) = delete;
  HaClient& operator=(const HaClient&) = delete;

  void Start();
  void Shutdown();

  // Replaces the master's HA address; a new address wakes a client waiting to reconnect.
  void UpdateMasterAddress(const std::string& addr);
  std::string master_address() const;
  bool connected() const { return connected_.load(); }

 private:
  void Run();
  // One connected session until the link fails or the client stops.
  void Session(HaSocket* socket);
  bool Report(HaSocket* socket, int64_t offset);

  // Appends every complete frame of buf_[dispatch_, end), then reports the new max offset once;
  // false on an offset mismatch, a failed append or a failed report.
  bool DispatchFrames(HaSocket* socket);

  store::MessageStore* const store_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::string master_address_;  // guarded by mu_
  bool stop_ = false;           // guarded by mu_
  bool started_ = false;        // guarded by mu_
  std::atomic<bool> connected_{false};
  std::thread thread_;

  // Client thread only.
  std::string buf_;
  size_t dispatch_ = 0;
  int64_t reported_ = 0;
  int64_t last_report_ = 0;
};

}  // namespace rocketmq::ha
