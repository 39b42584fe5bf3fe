// RequestFutureTable: the requests of DefaultMQProducer::request() waiting for their reply
// (Java RequestFutureHolder / RequestResponseFuture), keyed by CORRELATION_ID. One per
// ClientInstance, because a reply is pushed to the client id named in REPLY_TO_CLIENT, whichever
// producer of that instance sent the request.
//
// Threads: Add/Remove from application and async-send threads; Complete from the remoting
// processor pool (PUSH_REPLY_MESSAGE_TO_CLIENT); ScanExpired from the instance's scheduler
// (every second); FailAll at instance shutdown. Callbacks run on the thread that completes the
// future, never under the table lock.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "common/message_ext.h"
#include "common/status.h"

namespace rocketmq::client {

// One request awaiting its reply.
class RequestResponseFuture {
 public:
  // Receives the reply, or the error (send failure, timeout, shutdown). Null for synchronous
  // requests, which Wait() instead.
  using Callback = std::function<void(Result<MessageExt>)>;

  RequestResponseFuture(std::string correlation_id, int64_t timeout_ms, Callback callback);

  const std::string& correlation_id() const { return correlation_id_; }
  bool has_callback() const { return static_cast<bool>(callback_); }
  // True once the request message was stored by a broker.
  void set_send_ok(bool ok);
  bool send_ok() const;
  // True when `now_ms` (SteadyMillis clock) is past the deadline.
  bool IsTimeout(int64_t now_ms) const { return now_ms - begin_ms_ > timeout_ms_; }

  // Resolves the future once (later calls are ignored): wakes Wait() and runs the callback.
  void Complete(Result<MessageExt> outcome);
  // Blocks until resolved or `timeout_ms` passed; nullopt on timeout.
  std::optional<Result<MessageExt>> Wait(int64_t timeout_ms);

 private:
  const std::string correlation_id_;
  const int64_t timeout_ms_;
  const int64_t begin_ms_;
  const Callback callback_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool send_ok_ = false;                       // guarded by mu_
  std::optional<Result<MessageExt>> outcome_;  // guarded by mu_
};

class RequestFutureTable {
 public:
  RequestFutureTable() = default;
  RequestFutureTable(const RequestFutureTable&) = delete;
  RequestFutureTable& operator=(const RequestFutureTable&) = delete;

  void Add(std::shared_ptr<RequestResponseFuture> future);
  // Removes and returns the future of `correlation_id` (null when absent).
  std::shared_ptr<RequestResponseFuture> Remove(const std::string& correlation_id);
  // A reply arrived: removes its future and completes it. False when no request waits for it.
  bool Complete(const std::string& correlation_id, MessageExt reply);
  // Fails every expired future that has a callback with a timeout ("request timeout, no reply
  // message."); synchronous waiters time out by themselves. Returns how many expired.
  size_t ScanExpired(int64_t now_ms);
  // Fails every pending future with `status` (instance shutdown).
  void FailAll(const Status& status);
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<RequestResponseFuture>> futures_;  // guarded by mu_
};

}  // namespace rocketmq::client
