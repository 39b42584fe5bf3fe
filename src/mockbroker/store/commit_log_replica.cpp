// CommitLog::AppendData: the slave side of HA replication (Java CommitLog.appendData), which
// writes the master's bytes verbatim; the dispatcher then builds the consume queues and index
// from them exactly as on the master.
#include "common/logging.h"
#include "mockbroker/store/commit_log.h"

namespace rocketmq::store {

Status CommitLog::AppendData(int64_t start_offset, std::string_view data) {
  if (flush_failed_.load()) return flush_error();
  if (data.empty()) return Status::OK();
  std::lock_guard<std::mutex> lock(put_mu_);
  const bool empty = queue_.Last() == nullptr;
  if (empty) {
    if (start_offset < 0 || start_offset % queue_.file_size() != 0) {
      return Status::InvalidArgument("replicated data at " + std::to_string(start_offset) +
                                     " does not start at a CommitLog file boundary");
    }
  } else if (start_offset != queue_.GetMaxOffset()) {
    return Status::InvalidArgument("replicated data at " + std::to_string(start_offset) +
                                   " does not continue the CommitLog, which ends at " +
                                   std::to_string(queue_.GetMaxOffset()));
  }
  auto file = queue_.LastWritable(start_offset);
  if (!file.ok()) return file.status();
  std::shared_ptr<MappedFile> mf = *file;
  if (mf->file_from_offset() + mf->wrote_position() != start_offset) {
    return Status::InvalidArgument("replicated data at " + std::to_string(start_offset) +
                                   " lands at " +
                                   std::to_string(mf->file_from_offset() + mf->wrote_position()));
  }
  if (data.size() > static_cast<size_t>(mf->remaining())) {
    return Status::InvalidArgument("replicated data at " + std::to_string(start_offset) + " (" +
                                   std::to_string(data.size()) +
                                   " bytes) crosses a CommitLog file boundary");
  }
  mf->AppendBytes(data);
  return Status::OK();
}

}  // namespace rocketmq::store
