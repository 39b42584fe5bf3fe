// Env: the store's seam to the operating system (files, memory maps, directories, clock), in the
// spirit of leveldb's Env. Production code uses NewPosixEnv(); tests wrap it
// (fault_injection_env.h) to fail an msync/fsync or to see what was flushed.
//
// Every fd and every mapping is owned by exactly one RAII object (File, Mapping). All methods are
// thread-safe; a Mapping's bytes may be read and written from any thread (callers synchronize
// access to the same bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace rocketmq::store {

// A shared read/write memory map of a file region. Unmapped by the destructor.
class Mapping {
 public:
  virtual ~Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  virtual char* data() = 0;
  virtual size_t size() const = 0;
  // Writes [offset, offset + length) back to the file and waits for the device (msync MS_SYNC).
  // The range is widened to page boundaries.
  virtual Status Sync(size_t offset, size_t length) = 0;

 protected:
  Mapping() = default;
};

// An open file descriptor. Closed by the destructor.
class File {
 public:
  virtual ~File() = default;
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  virtual const std::string& path() const = 0;
  virtual Result<uint64_t> Size() = 0;
  // Sets the file length (extending with zeros).
  virtual Status Truncate(uint64_t length) = 0;
  // fsync.
  virtual Status Sync() = 0;
  // Maps [0, length) read/write and shared. The mapping stays valid after the File is closed.
  virtual Result<std::unique_ptr<Mapping>> Map(size_t length) = 0;
  // Positional I/O (used for small files and by tools).
  virtual Status Write(uint64_t offset, const std::string& data) = 0;
  virtual Result<std::string> Read(uint64_t offset, size_t length) = 0;

 protected:
  File() = default;
};

class Env {
 public:
  virtual ~Env() = default;

  // Opens `path` read/write; creates it (empty) when `create` is true and it does not exist.
  virtual Result<std::unique_ptr<File>> OpenFile(const std::string& path, bool create) = 0;
  virtual bool FileExists(const std::string& path) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;
  // Removes a directory and everything below it. OK when it does not exist.
  virtual Status RemoveDirRecursive(const std::string& path) = 0;
  // mkdir -p.
  virtual Status CreateDirs(const std::string& path) = 0;
  // Names (not paths) of the entries of a directory, "." and ".." excluded, sorted. An absent
  // directory lists as empty.
  virtual Result<std::vector<std::string>> ListDir(const std::string& path) = 0;
  // Last modification time of a file, ms since the epoch.
  virtual Result<int64_t> ModifiedTimeMillis(const std::string& path) = 0;
  // Creates an empty file (or keeps an existing one) and fsyncs it.
  virtual Status TouchFile(const std::string& path) = 0;
  // Fraction (0..1) of the file system holding `path` that is used; < 0 when unknown.
  virtual double DiskUsedRatio(const std::string& path) = 0;
  // Milliseconds since the Unix epoch (wall clock: store timestamps are wall time).
  virtual int64_t NowMillis() = 0;
};

// The real OS. Stateless; each call returns a new object sharing nothing.
std::shared_ptr<Env> NewPosixEnv();

// Reads a whole (small) file through `env`.
Result<std::string> ReadWholeFile(Env* env, const std::string& path);

}  // namespace rocketmq::store
