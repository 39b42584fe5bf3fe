#include "mockbroker/store/store_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rocketmq::store {

StoreLock::~StoreLock() { ::close(fd_); }

Result<std::unique_ptr<StoreLock>> StoreLock::Acquire(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError("open " + path + ": " + std::strerror(errno));
  }
  struct flock fl;
  std::memset(&fl, 0, sizeof(fl));
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 1;  // Java: tryLock(0, 1, false)
  if (::fcntl(fd, F_OFD_SETLK, &fl) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EAGAIN || err == EACCES) {
      return Status::IOError("Lock failed,MQ already started (" + path + " is locked)");
    }
    return Status::IOError("lock " + path + ": " + std::strerror(err));
  }
  static constexpr char kText[] = "lock";
  if (::pwrite(fd, kText, 4, 0) != 4 || ::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::IOError("write " + path + ": " + std::strerror(err));
  }
  return std::unique_ptr<StoreLock>(new StoreLock(fd, path));
}

}  // namespace rocketmq::store
