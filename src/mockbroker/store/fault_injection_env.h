// FaultInjectionEnv: an Env wrapper for tests (leveldb-style). It forwards everything to a base
// Env and can make every msync/fsync fail from some point on, and can freeze or shift the clock.
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "mockbroker/store/env.h"

namespace rocketmq::store {

class FaultInjectionEnv final : public Env {
 public:
  explicit FaultInjectionEnv(std::shared_ptr<Env> base) : base_(std::move(base)) {}

  // From now on every Mapping::Sync and File::Sync fails with IOError (true) or works (false).
  void SetSyncFailure(bool fail) { fail_sync_.store(fail); }
  // From now on every Mapping::Sync and File::Sync first sleeps `ms` (a stalled disk); 0 stops.
  void SetSyncStallMs(int64_t ms) { sync_stall_ms_.store(ms); }
  // Number of successful syncs so far.
  int64_t sync_count() const { return sync_count_.load(); }
  // Adds `delta_ms` to every NowMillis() (lets tests age files).
  void AdvanceClock(int64_t delta_ms) { clock_offset_ms_.fetch_add(delta_ms); }

  Result<std::unique_ptr<File>> OpenFile(const std::string& path, bool create) override {
    auto file = base_->OpenFile(path, create);
    if (!file.ok()) return file.status();
    return std::unique_ptr<File>(new FaultFile(this, std::move(*file)));
  }
  bool FileExists(const std::string& path) override { return base_->FileExists(path); }
  Status RemoveFile(const std::string& path) override { return base_->RemoveFile(path); }
  Status RemoveDirRecursive(const std::string& path) override {
    return base_->RemoveDirRecursive(path);
  }
  Status CreateDirs(const std::string& path) override { return base_->CreateDirs(path); }
  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    return base_->ListDir(path);
  }
  Status TouchFile(const std::string& path) override { return base_->TouchFile(path); }
  Result<int64_t> ModifiedTimeMillis(const std::string& path) override {
    return base_->ModifiedTimeMillis(path);
  }
  double DiskUsedRatio(const std::string& path) override {
    double forced = forced_disk_ratio_.load();
    return forced >= 0 ? forced : base_->DiskUsedRatio(path);
  }
  // Makes DiskUsedRatio() report `ratio` (< 0 restores the real value).
  void SetDiskUsedRatio(double ratio) { forced_disk_ratio_.store(ratio); }
  int64_t NowMillis() override { return base_->NowMillis() + clock_offset_ms_.load(); }

 private:
  Status CheckSync(const std::string& path) {
    if (const int64_t stall = sync_stall_ms_.load(); stall > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(stall));
    }
    if (fail_sync_.load()) return Status::IOError("injected sync failure on " + path);
    sync_count_.fetch_add(1);
    return Status::OK();
  }

  class FaultMapping final : public Mapping {
   public:
    FaultMapping(FaultInjectionEnv* env, std::unique_ptr<Mapping> base, std::string path)
        : env_(env), base_(std::move(base)), path_(std::move(path)) {}
    char* data() override { return base_->data(); }
    size_t size() const override { return base_->size(); }
    Status Sync(size_t offset, size_t length) override {
      ROCKETMQ_RETURN_IF_ERROR(env_->CheckSync(path_));
      return base_->Sync(offset, length);
    }

   private:
    FaultInjectionEnv* env_;
    std::unique_ptr<Mapping> base_;
    std::string path_;
  };

  class FaultFile final : public File {
   public:
    FaultFile(FaultInjectionEnv* env, std::unique_ptr<File> base)
        : env_(env), base_(std::move(base)) {}
    const std::string& path() const override { return base_->path(); }
    Result<uint64_t> Size() override { return base_->Size(); }
    Status Truncate(uint64_t length) override { return base_->Truncate(length); }
    Status Sync() override {
      ROCKETMQ_RETURN_IF_ERROR(env_->CheckSync(path()));
      return base_->Sync();
    }
    Result<std::unique_ptr<Mapping>> Map(size_t length) override {
      auto m = base_->Map(length);
      if (!m.ok()) return m.status();
      return std::unique_ptr<Mapping>(new FaultMapping(env_, std::move(*m), path()));
    }
    Status Write(uint64_t offset, const std::string& data) override {
      return base_->Write(offset, data);
    }
    Result<std::string> Read(uint64_t offset, size_t length) override {
      return base_->Read(offset, length);
    }

   private:
    FaultInjectionEnv* env_;
    std::unique_ptr<File> base_;
  };

  std::shared_ptr<Env> base_;
  std::atomic<bool> fail_sync_{false};
  std::atomic<int64_t> sync_count_{0};
  std::atomic<int64_t> sync_stall_ms_{0};
  std::atomic<int64_t> clock_offset_ms_{0};
  std::atomic<double> forced_disk_ratio_{-1};
};

}  // namespace rocketmq::store
