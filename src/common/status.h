// Status and Result<T>: how errors travel inside the library.
//
// A Status carries a code and a message. Codes are RocketMQ response codes (the wire values of
// protocol.md §2.2, e.g. 17 TOPIC_NOT_EXIST) or local codes, which are negative and never travel
// on the wire. An OK status allocates nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace rocketmq {

// Local codes (never on the wire). The values match the Java client's pseudo response codes
// where one exists (protocol.md §2.2).
enum LocalCode : int32_t {
  kCodeUnknown = -1000,             // RPC_UNKNOWN
  kCodeNotConnected = -1002,        // RPC_ADDR_IS_NULL / connect failure
  kCodeSendFailed = -1004,          // RPC_SEND_TO_CHANNEL_FAILED
  kCodeTimeout = -1006,             // RPC_TIME_OUT
  kCodeInvalidArgument = -2001,
  kCodeCorruption = -2002,
  kCodeIOError = -2003,
  kCodeShutdown = -2004,
  kCodeNotFound = -2005,
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(int32_t code, std::string message)
      : state_(std::make_shared<State>(State{code, std::move(message)})) {}

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(kCodeInvalidArgument, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(kCodeCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(kCodeIOError, std::move(msg)); }
  static Status Timeout(std::string msg) { return Status(kCodeTimeout, std::move(msg)); }
  static Status NotConnected(std::string msg) { return Status(kCodeNotConnected, std::move(msg)); }
  static Status ShutdownInProgress(std::string msg) { return Status(kCodeShutdown, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(kCodeNotFound, std::move(msg)); }

  bool ok() const { return state_ == nullptr; }
  // 0 when OK; otherwise a response code (>= 0) or a LocalCode (< 0).
  int32_t code() const { return state_ ? state_->code : 0; }
  const std::string& message() const {
    static const std::string kEmpty;
    return state_ ? state_->message : kEmpty;
  }
  bool IsTimeout() const { return code() == kCodeTimeout; }
  bool IsCorruption() const { return code() == kCodeCorruption; }
  bool IsInvalidArgument() const { return code() == kCodeInvalidArgument; }
  // True for failures where trying again (maybe elsewhere) can succeed: transport failures,
  // timeouts, busy brokers.
  bool IsRetriable() const;

  // "OK" or "<code name or number>: <message>".
  std::string ToString() const;

 private:
  struct State {
    int32_t code;
    std::string message;
  };
  std::shared_ptr<const State> state_;  // null when OK; immutable, so copies may share it
};

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace rocketmq

#define ROCKETMQ_RETURN_IF_ERROR(expr)      \
  do {                                      \
    ::rocketmq::Status _st = (expr);        \
    if (!_st.ok()) return _st;              \
  } while (0)
