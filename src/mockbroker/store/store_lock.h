// StoreLock: the exclusive lock on <storePathRootDir>/lock that keeps two brokers off one store
// (Java DefaultMessageStore: RandomAccessFile "rw" + FileChannel.tryLock(0, 1, false), then the
// four bytes "lock" written and forced).
//
// The lock is an open-file-description record lock (fcntl F_OFD_SETLK) on byte 0: it conflicts
// with the classic POSIX record lock a Java broker takes on the same byte, and, unlike a classic
// POSIX lock, also with a second StoreLock in the same process. Released when the object is
// destroyed (or the process dies). Owned by MessageStore; not thread-safe (one owner thread).
#pragma once

#include <memory>
#include <string>

#include "common/status.h"

namespace rocketmq::store {

class StoreLock {
 public:
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

  // Creates/opens `path`, takes the lock and writes "lock" into it. IOError "Lock failed,MQ
  // already started" (Java's text) when another holder has it; IOError on other failures.
  static Result<std::unique_ptr<StoreLock>> Acquire(const std::string& path);

  const std::string& path() const { return path_; }

 private:
  StoreLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

  int fd_;
  std::string path_;
};

}  // namespace rocketmq::store
