#include "mockbroker/store/env.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace rocketmq::store {
namespace {

Status PosixError(const std::string& what, const std::string& path, int err) {
  return Status::IOError(what + " " + path + ": " + std::strerror(err));
}

class PosixMapping final : public Mapping {
 public:
  PosixMapping(char* data, size_t size, std::string path)
      : data_(data), size_(size), path_(std::move(path)) {}
  ~PosixMapping() override { ::munmap(data_, size_); }

  char* data() override { return data_; }
  size_t size() const override { return size_; }
  Status Sync(size_t offset, size_t length) override {
    if (length == 0) return Status::OK();
    static const size_t kPage = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    size_t begin = offset / kPage * kPage;
    size_t end = std::min(size_, offset + length);
    if (::msync(data_ + begin, end - begin, MS_SYNC) != 0) {
      return PosixError("msync", path_, errno);
    }
    return Status::OK();
  }

 private:
  char* data_;
  size_t size_;
  std::string path_;
};

class PosixFile final : public File {
 public:
  PosixFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~PosixFile() override { ::close(fd_); }

  const std::string& path() const override { return path_; }
  Result<uint64_t> Size() override {
    struct stat st;
    if (::fstat(fd_, &st) != 0) return PosixError("fstat", path_, errno);
    return static_cast<uint64_t>(st.st_size);
  }
  Status Truncate(uint64_t length) override {
    if (::ftruncate(fd_, static_cast<off_t>(length)) != 0) {
      return PosixError("ftruncate", path_, errno);
    }
    return Status::OK();
  }
  Status Sync() override {
    if (::fsync(fd_) != 0) return PosixError("fsync", path_, errno);
    return Status::OK();
  }
  Result<std::unique_ptr<Mapping>> Map(size_t length) override {
    void* p = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
    if (p == MAP_FAILED) return PosixError("mmap", path_, errno);
    return std::unique_ptr<Mapping>(new PosixMapping(static_cast<char*>(p), length, path_));
  }
  Status Write(uint64_t offset, const std::string& data) override {
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::pwrite(fd_, data.data() + done, data.size() - done,
                           static_cast<off_t>(offset + done));
      if (n < 0) {
        if (errno == EINTR) continue;
        return PosixError("pwrite", path_, errno);
      }
      done += static_cast<size_t>(n);
    }
    return Status::OK();
  }
  Result<std::string> Read(uint64_t offset, size_t length) override {
    std::string out(length, '\0');
    size_t done = 0;
    while (done < length) {
      ssize_t n = ::pread(fd_, out.data() + done, length - done, static_cast<off_t>(offset + done));
      if (n < 0) {
        if (errno == EINTR) continue;
        return PosixError("pread", path_, errno);
      }
      if (n == 0) break;
      done += static_cast<size_t>(n);
    }
    out.resize(done);
    return out;
  }

 private:
  int fd_;
  std::string path_;
};

class PosixEnv final : public Env {
 public:
  Result<std::unique_ptr<File>> OpenFile(const std::string& path, bool create) override {
    int flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0);
    int fd = ::open(path.c_str(), flags, 0644);
    if (fd < 0) {
      if (errno == ENOENT) return Status::NotFound("open " + path);
      return PosixError("open", path, errno);
    }
    return std::unique_ptr<File>(new PosixFile(fd, path));
  }
  bool FileExists(const std::string& path) override { return ::access(path.c_str(), F_OK) == 0; }
  Status RemoveFile(const std::string& path) override {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return PosixError("unlink", path, errno);
    return Status::OK();
  }
  Status RemoveDirRecursive(const std::string& path) override {
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) return Status::OK();
    if (!S_ISDIR(st.st_mode)) return RemoveFile(path);
    auto names = ListDir(path);
    if (!names.ok()) return names.status();
    for (const std::string& name : *names) {
      ROCKETMQ_RETURN_IF_ERROR(RemoveDirRecursive(path + "/" + name));
    }
    if (::rmdir(path.c_str()) != 0 && errno != ENOENT) return PosixError("rmdir", path, errno);
    return Status::OK();
  }
  Status CreateDirs(const std::string& path) override {
    std::string partial;
    size_t pos = 0;
    while (pos != std::string::npos) {
      pos = path.find('/', pos + 1);
      partial = path.substr(0, pos);
      if (partial.empty()) continue;
      if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST) {
        return PosixError("mkdir", partial, errno);
      }
    }
    return Status::OK();
  }
  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    std::vector<std::string> names;
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      if (errno == ENOENT) return names;
      return PosixError("opendir", path, errno);
    }
    std::unique_ptr<DIR, int (*)(DIR*)> closer(dir, &::closedir);
    while (struct dirent* e = ::readdir(dir)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  Result<int64_t> ModifiedTimeMillis(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return PosixError("stat", path, errno);
    return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
  }
  Status TouchFile(const std::string& path) override {
    auto file = OpenFile(path, true);
    if (!file.ok()) return file.status();
    return (*file)->Sync();
  }
  double DiskUsedRatio(const std::string& path) override {
    struct statvfs vfs;
    if (::statvfs(path.c_str(), &vfs) != 0 || vfs.f_blocks == 0) return -1;
    double total = static_cast<double>(vfs.f_blocks);
    double free_blocks = static_cast<double>(vfs.f_bfree);
    return (total - free_blocks) / total;
  }
  int64_t NowMillis() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace

std::shared_ptr<Env> NewPosixEnv() { return std::make_shared<PosixEnv>(); }

Result<std::string> ReadWholeFile(Env* env, const std::string& path) {
  auto file = env->OpenFile(path, false);
  if (!file.ok()) return file.status();
  auto size = (*file)->Size();
  if (!size.ok()) return size.status();
  return (*file)->Read(0, static_cast<size_t>(*size));
}

}  // namespace rocketmq::store
