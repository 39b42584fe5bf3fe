// Exceptions thrown by the blocking public API (the names RocketMQ users catch in Java and in the
// official C++ client). Asynchronous calls never throw across threads: they hand one of these to
// SendCallback::onException instead.
#pragma once

#include <exception>
#include <ostream>
#include <string>
#include <utility>

namespace rocketmq {

// Base of every exception the library throws. getResponseCode() is a RocketMQ response code
// (>= 0, e.g. 17 TOPIC_NOT_EXIST) when a broker or NameServer answered with it, or a negative
// client-side code (-1006 timeout, -1002 not connected, -2001 invalid argument, ...) otherwise.
class MQException : public std::exception {
 public:
  MQException(std::string message, int response_code);
  // The official C++ client's form: `file` and `line` say where it was thrown (see
  // THROW_MQEXCEPTION in MQClientException.h); `file` may be null.
  MQException(const std::string& message, int response_code, const char* file, int line);
  ~MQException() override;

  // "CODE: <code>  DESC: <message>", like Java's MQClientException text.
  const char* what() const noexcept override { return what_.c_str(); }
  // The code described above (Java getResponseCode()).
  int getResponseCode() const noexcept { return response_code_; }
  // Same as getResponseCode() (official C++ client name).
  int GetError() const noexcept { return response_code_; }
  // The message without the code prefix (Java getErrorMessage()).
  const std::string& getErrorMessage() const noexcept { return message_; }
  // "MQClientException" or "MQBrokerException".
  virtual const char* GetType() const noexcept { return "MQException"; }
  // Where it was thrown when built with the (message, code, file, line) form: "" and 0
  // otherwise (official C++ client names).
  const char* GetFile() const noexcept { return file_.c_str(); }
  int GetLine() const noexcept { return line_; }

 private:
  std::string message_;
  int response_code_;
  std::string what_;
  std::string file_;
  int line_ = 0;
};

// Writes "Type: <GetType()> , <what()>", as the official C++ client does.
inline std::ostream& operator<<(std::ostream& os, const MQException& e) {
  return os << "Type: " << e.GetType() << " , " << e.what();
}

// The client could not do what was asked: bad argument, not started, no route, transport failure,
// timeout, or every retry failed.
class MQClientException : public MQException {
 public:
  MQClientException(std::string message, int response_code = -1)
      : MQException(std::move(message), response_code) {}
  MQClientException(const std::string& message, int response_code, const char* file, int line)
      : MQException(message, response_code, file, line) {}
  const char* GetType() const noexcept override { return "MQClientException"; }
};

// A broker answered with an error response code; getErrorMessage() is its remark.
class MQBrokerException : public MQException {
 public:
  MQBrokerException(int response_code, std::string remark, std::string broker_addr = "")
      : MQException(std::move(remark), response_code), broker_addr_(std::move(broker_addr)) {}
  // The official C++ client's form (message first).
  MQBrokerException(const std::string& message, int response_code, const char* file, int line)
      : MQException(message, response_code, file, line) {}
  const char* GetType() const noexcept override { return "MQBrokerException"; }
  // "host:port" of the broker that answered ("" when unknown).
  const std::string& getBrokerAddr() const noexcept { return broker_addr_; }

 private:
  std::string broker_addr_;
};

}  // namespace rocketmq
