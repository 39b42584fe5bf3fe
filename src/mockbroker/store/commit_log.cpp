#include "mockbroker/store/commit_log.h"

#include <algorithm>
#include <cstring>

#include "common/byte_order.h"
#include "common/crc32.h"
#include "common/java_hash.h"
#include "common/logging.h"
#include "common/message_decoder.h"
#include "common/message_id.h"

namespace rocketmq::store {

int64_t TagsStringToTagsCode(std::string_view tags) {
  if (tags.empty()) return 0;
  return static_cast<int64_t>(JavaStringHashCode(tags));
}

namespace {

// Load() reports a bad messageDelayLevel; until then the CommitLog just has no levels.
std::vector<int64_t> DelayLevelsOrEmpty(const std::string& text) {
  Result<std::vector<int64_t>> levels = ParseMessageDelayLevel(text);
  return levels.ok() ? std::move(*levels) : std::vector<int64_t>();
}

std::string QueueKey(const std::string& topic, int32_t queue_id) {
  return topic + "-" + std::to_string(queue_id);
}

}  // namespace

CommitLog::CommitLog(const MessageStoreConfig& config, Env* env, StoreCheckpoint* checkpoint)
    : config_(config),
      env_(env),
      checkpoint_(checkpoint),
      queue_(env, config.CommitLogDir(), config.mappedFileSizeCommitLog),
      delay_levels_ms_(DelayLevelsOrEmpty(config.messageDelayLevel)) {}

CommitLog::~CommitLog() { Shutdown(); }

Status CommitLog::Load() {
  ROCKETMQ_RETURN_IF_ERROR(ParseMessageDelayLevel(config_.messageDelayLevel).status());
  return queue_.Load();
}

int64_t CommitLog::GetMinOffset() const {
  int64_t min = queue_.GetMinOffset();
  return min < 0 ? 0 : min;
}

int64_t CommitLog::RollNextFile(int64_t offset) const {
  int64_t size = config_.mappedFileSizeCommitLog;
  return offset + size - offset % size;
}

int64_t CommitLog::ComputeDeliverTimestamp(int32_t level, int64_t store_timestamp) const {
  return store::ComputeDeliverTimestamp(delay_levels_ms_, level, store_timestamp);
}

// ---------------------------------------------------------------------------------------------
// Append

namespace {

// Encodes `m` as a V1 record whose properties are `raw` verbatim: the record is encoded with no
// properties (they end a V1 record: 2-byte length + bytes), then the length and the raw string
// replace that empty tail and TOTALSIZE is patched.
Status AppendWithRawProperties(const MessageExt& m, const std::string& raw, std::string* out) {
  if (raw.size() > static_cast<size_t>(kMaxPropertiesLength)) {
    return Status::InvalidArgument("properties longer than 32767 bytes");
  }
  MessageExt bare = m;
  bare.set_properties(MessageProperties());
  const size_t start = out->size();
  ROCKETMQ_RETURN_IF_ERROR(AppendStoredMessage(bare, out, MessageVersion::kV1));
  out->resize(out->size() - 2);
  char len[2] = {static_cast<char>((raw.size() >> 8) & 0xff), static_cast<char>(raw.size() & 0xff)};
  out->append(len, 2);
  out->append(raw);
  EncodeFixed32BE(out->data() + start, static_cast<uint32_t>(out->size() - start));
  return Status::OK();
}

}  // namespace

PutMessageResult CommitLog::AppendMessage(MessageExt msg, const PutMessageOptions& options) {
  const std::vector<std::string>* raw = &options.raw_properties;
  const std::vector<std::string> none;
  int32_t tran = TransactionType(msg.sys_flag());
  if ((tran == kSysFlagTransactionNotType || tran == kSysFlagTransactionCommitType) &&
      msg.delay_time_level() > 0 && !delay_levels_ms_.empty()) {
    // Java asyncPutMessage: clamp the level, back up topic and queue, then re-encode the whole
    // property map (HashMap order), so a raw properties string does not apply.
    int32_t level =
        std::min<int32_t>(msg.delay_time_level(), static_cast<int32_t>(delay_levels_ms_.size()));
    if (level != msg.delay_time_level()) msg.set_delay_time_level(level);
    msg.PutProperty(kPropertyRealTopic, msg.topic());
    msg.PutProperty(kPropertyRealQueueId, std::to_string(msg.queue_id()));
    msg.set_properties(JavaHashMapOrder(msg.properties()));
    msg.set_topic(kScheduleTopic);
    msg.set_queue_id(level - 1);
    raw = &none;
  }
  std::vector<MessageExt> one;
  one.push_back(std::move(msg));
  return Append(&one, false, *raw);
}

PutMessageResult CommitLog::PutMessage(MessageExt msg, const PutMessageOptions& options) {
  const bool wait = options.wait_store_msg_ok.value_or(msg.wait_store_msg_ok());
  return WaitForFlush(AppendMessage(std::move(msg), options), wait);
}

PutMessageResult CommitLog::PutMessages(std::vector<MessageExt> msgs,
                                        const PutMessageOptions& options) {
  const bool wait =
      options.wait_store_msg_ok.value_or(!msgs.empty() && msgs[0].wait_store_msg_ok());
  return WaitForFlush(AppendMessages(std::move(msgs), options), wait);
}

PutMessageResult CommitLog::AppendMessages(std::vector<MessageExt> msgs,
                                           const PutMessageOptions& options) {
  PutMessageResult r;
  if (msgs.empty()) {
    r.status = PutMessageStatus::kMessageIllegal;
    r.error = Status::InvalidArgument("empty batch");
    return r;
  }
  for (const auto& m : msgs) {
    if (m.topic() != msgs[0].topic() || m.queue_id() != msgs[0].queue_id() ||
        TransactionType(m.sys_flag()) != kSysFlagTransactionNotType || m.delay_time_level() > 0) {
      r.status = PutMessageStatus::kMessageIllegal;
      r.error = Status::InvalidArgument(
          "a batch needs one topic and queue, no transaction and no delay level");
      return r;
    }
  }
  return Append(&msgs, true, options.raw_properties);
}

PutMessageResult CommitLog::Append(std::vector<MessageExt>* msgs, bool batch,
                                   const std::vector<std::string>& raw_properties) {
  PutMessageResult result;
  if (!raw_properties.empty() && raw_properties.size() != msgs->size()) {
    result.status = PutMessageStatus::kMessageIllegal;
    result.error = Status::InvalidArgument("one raw properties string per message expected");
    return result;
  }
  if (flush_failed_.load()) {
    result.status = PutMessageStatus::kServiceNotAvailable;
    result.error = flush_error();
    return result;
  }
  // Encode outside the lock; the lock only patches offsets and the store time.
  std::string encoded;
  std::vector<int32_t> record_pos;
  for (size_t n = 0; n < msgs->size(); ++n) {
    MessageExt& m = (*msgs)[n];
    m.set_store_host(config_.storeHost);
    m.set_body_crc(RocketmqCrc32(m.body()));
    size_t before = encoded.size();
    Status st;
    if (raw_properties.empty()) {
      st = AppendStoredMessage(m, &encoded, MessageVersion::kV1);
    } else {
      st = AppendWithRawProperties(m, raw_properties[n], &encoded);
    }
    if (!st.ok()) {
      std::string props = raw_properties.empty() ? m.properties().Encode() : raw_properties[n];
      result.status = props.size() > kMaxPropertiesLength
                          ? PutMessageStatus::kPropertiesSizeExceeded
                          : PutMessageStatus::kMessageIllegal;
      result.error = st;
      return result;
    }
    int32_t size = static_cast<int32_t>(encoded.size() - before);
    if (size > config_.maxMessageSize || size + kEndFileMinBlankLength > queue_.file_size()) {
      result.status = PutMessageStatus::kMessageIllegal;
      result.error = Status::InvalidArgument("message of " + std::to_string(size) +
                                             " bytes exceeds maxMessageSize " +
                                             std::to_string(config_.maxMessageSize));
      return result;
    }
    record_pos.push_back(static_cast<int32_t>(before));
  }
  if (encoded.size() + kEndFileMinBlankLength > static_cast<size_t>(queue_.file_size())) {
    result.status = PutMessageStatus::kMessageIllegal;
    result.error = Status::InvalidArgument("batch larger than a CommitLog file");
    return result;
  }
  const MessageExt& first = msgs->front();
  const int32_t tran = TransactionType(first.sys_flag());
  const bool consume_queue_record =
      tran == kSysFlagTransactionNotType || tran == kSysFlagTransactionCommitType;
  const std::string key = QueueKey(first.topic(), first.queue_id());
  const int32_t total = static_cast<int32_t>(encoded.size());

  std::lock_guard<std::mutex> lock(put_mu_);
  int64_t now = env_->NowMillis();
  // Java beginTimeInLock: how long this put holds the lock (runtime info pageCacheLockTimeMills).
  begin_time_in_lock_.store(now);
  struct LockClock {
    std::atomic<int64_t>* begin;
    ~LockClock() { begin->store(0); }
  } lock_clock{&begin_time_in_lock_};
  auto file = queue_.LastWritable(0);
  if (!file.ok()) {
    result.status = PutMessageStatus::kCreateMappedFileFailed;
    result.error = file.status();
    return result;
  }
  std::shared_ptr<MappedFile> mf = *file;
  if (total + kEndFileMinBlankLength > mf->remaining()) {
    // End of file: BLANK record with TOTALSIZE = the bytes left, then retry in a new file.
    char blank[kEndFileMinBlankLength];
    EncodeFixed32BE(blank, static_cast<uint32_t>(mf->remaining()));
    EncodeFixed32BE(blank + 4, kBlankMagicCode);
    std::memcpy(mf->data() + mf->wrote_position(), blank, sizeof(blank));
    mf->set_wrote_position(mf->file_size());
    file = queue_.LastWritable(0);
    if (!file.ok()) {
      result.status = PutMessageStatus::kCreateMappedFileFailed;
      result.error = file.status();
      return result;
    }
    mf = *file;
  }
  int64_t& next_queue_offset = topic_queue_table_[key];
  int64_t queue_offset = consume_queue_record ? next_queue_offset : 0;
  const int64_t wrote_offset = mf->file_from_offset() + mf->wrote_position();
  std::string msg_ids;
  for (size_t i = 0; i < record_pos.size(); ++i) {
    char* rec = encoded.data() + record_pos[i];
    int64_t phy = wrote_offset + record_pos[i];
    int32_t sys_flag = static_cast<int32_t>(DecodeFixed32BE(rec + kRecordSysFlagPos));
    EncodeFixed64BE(rec + kRecordQueueOffsetPos,
                    static_cast<uint64_t>(queue_offset + static_cast<int64_t>(i)));
    EncodeFixed64BE(rec + kRecordPhysicalOffsetPos, static_cast<uint64_t>(phy));
    EncodeFixed64BE(rec + RecordStoreTimestampPos(sys_flag), static_cast<uint64_t>(now));
    if (i > 0) msg_ids.push_back(',');
    msg_ids += CreateOffsetMessageId(config_.storeHost, phy);
  }
  mf->AppendBytes(encoded);
  mf->set_store_timestamp(now);
  if (consume_queue_record) next_queue_offset += static_cast<int64_t>(record_pos.size());

  result.status = PutMessageStatus::kPutOk;
  result.append.wrote_offset = wrote_offset;
  result.append.wrote_bytes = total;
  result.append.msg_id = std::move(msg_ids);
  result.append.store_timestamp = now;
  result.append.logics_offset = queue_offset;
  result.append.msg_num = batch ? static_cast<int32_t>(record_pos.size()) : 1;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reads

Result<std::string> CommitLog::GetMessage(int64_t offset, int32_t size) const {
  auto file = queue_.FindByOffset(offset);
  if (file == nullptr)
    return Status::NotFound("no CommitLog file holds offset " + std::to_string(offset));
  std::string_view v = file->View(static_cast<int32_t>(offset - file->file_from_offset()), size);
  if (v.empty()) return Status::NotFound("offset " + std::to_string(offset) + " not written");
  return std::string(v);
}

Result<StoredSlice> CommitLog::GetMessageSlice(int64_t offset, int32_t size) const {
  auto file = queue_.FindByOffset(offset);
  if (file == nullptr)
    return Status::NotFound("no CommitLog file holds offset " + std::to_string(offset));
  std::string_view v = file->View(static_cast<int32_t>(offset - file->file_from_offset()), size);
  if (v.empty()) return Status::NotFound("offset " + std::to_string(offset) + " not written");
  StoredSlice slice;
  slice.data = v.data();
  slice.size = v.size();
  slice.owner = std::move(file);
  return slice;
}

Result<std::string> CommitLog::ReadRecord(int64_t offset) const {
  auto file = queue_.FindByOffset(offset);
  if (file == nullptr)
    return Status::NotFound("no CommitLog file holds offset " + std::to_string(offset));
  int32_t pos = static_cast<int32_t>(offset - file->file_from_offset());
  std::string_view head = file->View(pos, 8);
  if (head.empty()) return Status::NotFound("offset " + std::to_string(offset) + " not written");
  int32_t size = static_cast<int32_t>(DecodeFixed32BE(head.data()));
  uint32_t magic = DecodeFixed32BE(head.data() + 4);
  if (magic != kMessageMagicCodeV1 && magic != kMessageMagicCodeV2) {
    return Status::NotFound("no message at offset " + std::to_string(offset));
  }
  std::string_view v = file->View(pos, size);
  if (v.empty() || size <= 0)
    return Status::Corruption("bad record size at " + std::to_string(offset));
  return std::string(v);
}

Result<std::string> CommitLog::GetData(int64_t offset, int32_t max_bytes) const {
  auto file = queue_.FindByOffset(offset, offset == 0);
  if (file == nullptr || offset < file->file_from_offset()) {
    return Status::NotFound("offset " + std::to_string(offset) + " not stored");
  }
  int32_t pos = static_cast<int32_t>(offset - file->file_from_offset());
  int32_t avail = file->wrote_position() - pos;
  if (avail <= 0) return std::string();
  return std::string(file->View(pos, std::min(avail, max_bytes)));
}

int64_t CommitLog::PickupStoreTimestamp(int64_t offset, int32_t size) const {
  auto file = queue_.FindByOffset(offset);
  if (file == nullptr || size < 84) return -1;
  std::string_view v = file->View(static_cast<int32_t>(offset - file->file_from_offset()), size);
  if (v.empty()) return -1;
  int32_t sys_flag = static_cast<int32_t>(DecodeFixed32BE(v.data() + kRecordSysFlagPos));
  return static_cast<int64_t>(DecodeFixed64BE(v.data() + RecordStoreTimestampPos(sys_flag)));
}

int32_t CommitLog::CheckMessageAndReturnSize(std::string_view data, bool check_crc,
                                             DispatchRequest* req) const {
  if (data.size() < static_cast<size_t>(kEndFileMinBlankLength)) return -1;
  int32_t total = static_cast<int32_t>(DecodeFixed32BE(data.data()));
  uint32_t magic = DecodeFixed32BE(data.data() + kRecordMagicPos);
  if (magic == kBlankMagicCode) return 0;
  if (magic != kMessageMagicCodeV1 && magic != kMessageMagicCodeV2) return -1;
  if (total <= 0 || static_cast<size_t>(total) > data.size()) return -1;
  MessageDecodeOptions options;
  options.read_body = check_crc;
  size_t consumed = 0;
  auto msg = DecodeStoredMessage(data.substr(0, static_cast<size_t>(total)), &consumed, options);
  if (!msg.ok() || consumed != static_cast<size_t>(total)) return -1;
  if (check_crc && RocketmqCrc32(msg->body()) != msg->body_crc()) return -1;
  req->topic = msg->topic();
  req->queue_id = msg->queue_id();
  req->commit_log_offset = msg->commit_log_offset();
  req->msg_size = total;
  req->store_timestamp = msg->store_timestamp();
  req->consume_queue_offset = msg->queue_offset();
  req->keys = msg->keys();
  req->uniq_key = msg->unique_key();
  req->sys_flag = msg->sys_flag();
  req->prepared_transaction_offset = msg->prepared_transaction_offset();
  req->tags_code = TagsStringToTagsCode(msg->tags());
  if (req->topic == kScheduleTopic) {
    // Java: the deliver time replaces the tags hash when DELAY (clamped to the max) is > 0.
    int32_t level =
        std::min<int32_t>(msg->delay_time_level(), static_cast<int32_t>(delay_levels_ms_.size()));
    if (level > 0) req->tags_code = ComputeDeliverTimestamp(level, req->store_timestamp);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Topic queue table and retention

void CommitLog::SetTopicQueueTable(std::map<std::string, int64_t> table) {
  std::lock_guard<std::mutex> lock(put_mu_);
  topic_queue_table_ = std::move(table);
}

void CommitLog::RemoveQueueFromTopicQueueTable(const std::string& topic, int32_t queue_id) {
  std::lock_guard<std::mutex> lock(put_mu_);
  topic_queue_table_.erase(QueueKey(topic, queue_id));
}

int CommitLog::DeleteExpiredFile(int64_t expired_ms, bool clean_immediately) {
  return queue_.DeleteExpiredByTime(expired_ms, env_->NowMillis(), clean_immediately, 10);
}

// ---------------------------------------------------------------------------------------------
// Recovery (protocol.md §5.6, 4.x procedure)

void CommitLog::RecoverNormally(int64_t max_phy_offset_of_cq,
                                const std::function<void(int64_t)>& truncate_logic) {
  auto files = queue_.Files();
  size_t start = files.size() > 3 ? files.size() - 3 : 0;
  RecoverFrom(start, config_.checkCRCOnRecover, max_phy_offset_of_cq, truncate_logic, nullptr);
}

bool CommitLog::IsFileMatchedRecover(MappedFile* file) const {
  const char* p = file->data();
  if (DecodeFixed32BE(p + kRecordMagicPos) != kMessageMagicCodeV1) return false;
  int32_t sys_flag = static_cast<int32_t>(DecodeFixed32BE(p + kRecordSysFlagPos));
  int64_t store_ts = static_cast<int64_t>(DecodeFixed64BE(p + RecordStoreTimestampPos(sys_flag)));
  if (store_ts == 0) return false;
  int64_t min = config_.messageIndexEnable && config_.messageIndexSafe
                    ? checkpoint_->MinTimestampIndex()
                    : checkpoint_->MinTimestamp();
  return store_ts <= min;
}

void CommitLog::RecoverAbnormally(int64_t max_phy_offset_of_cq,
                                  const std::function<void(int64_t)>& truncate_logic,
                                  const std::function<void(const DispatchRequest&)>& dispatch) {
  auto files = queue_.Files();
  size_t start = 0;
  for (size_t i = files.size(); i > 0; --i) {
    if (IsFileMatchedRecover(files[i - 1].get())) {
      start = i - 1;
      break;
    }
  }
  RecoverFrom(start, config_.checkCRCOnRecover, max_phy_offset_of_cq, truncate_logic, &dispatch);
}

void CommitLog::RecoverFrom(size_t start, bool check_crc, int64_t max_phy_offset_of_cq,
                            const std::function<void(int64_t)>& truncate_logic,
                            const std::function<void(const DispatchRequest&)>* dispatch) {
  auto files = queue_.Files();
  if (files.empty()) {
    queue_.set_flushed_where(0);
    truncate_logic(0);
    return;
  }
  size_t index = start;
  int64_t process_offset = files[index]->file_from_offset();
  int64_t file_offset = 0;
  while (true) {
    MappedFile* f = files[index].get();
    std::string_view rest(f->data() + file_offset,
                          static_cast<size_t>(f->file_size() - file_offset));
    DispatchRequest req;
    int32_t size = CheckMessageAndReturnSize(rest, check_crc, &req);
    if (size > 0) {
      if (req.commit_log_offset != f->file_from_offset() + file_offset) {
        RMQ_LOG(kWarn) << "recover: record at " << f->file_from_offset() + file_offset
                       << " claims offset " << req.commit_log_offset << "; stopping";
        break;
      }
      file_offset += size;
      if (dispatch != nullptr) (*dispatch)(req);
    } else if (size == 0) {
      ++index;
      if (index >= files.size()) break;
      process_offset = files[index]->file_from_offset();
      file_offset = 0;
    } else {
      break;
    }
  }
  process_offset += file_offset;
  RMQ_LOG(kInfo) << "CommitLog recovered up to offset " << process_offset;
  queue_.TruncateDirtyFiles(process_offset);
  for (auto& f : queue_.Files()) f->set_flushed_position(f->wrote_position());
  queue_.set_flushed_where(process_offset);
  if (max_phy_offset_of_cq >= process_offset) truncate_logic(process_offset);
  // The newest record's store time, for the checkpoint.
  if (auto last = queue_.Last()) {
    if (process_offset > 0 && last->wrote_position() > 0) {
      last->set_store_timestamp(checkpoint_->physic_msg_timestamp());
    }
  }
}

}  // namespace rocketmq::store
