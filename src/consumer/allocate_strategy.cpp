#include "consumer/allocate_strategy.h"

#include <openssl/evp.h>

#include <algorithm>
#include <map>

#include "common/logging.h"

namespace rocketmq::consumer {

namespace {

// The argument checks every Java strategy starts with; `index` gets the position of current_cid
// in cid_all, or -1 when it is absent.
Status CheckArguments(const std::string& group, const std::string& current_cid,
                      const std::vector<MessageQueue>& mq_all,
                      const std::vector<std::string>& cid_all, int* index) {
  if (current_cid.empty()) return Status::InvalidArgument("currentCID is empty");
  if (mq_all.empty()) return Status::InvalidArgument("mqAll is null or mqAll empty");
  if (cid_all.empty()) return Status::InvalidArgument("cidAll is null or cidAll empty");
  auto it = std::find(cid_all.begin(), cid_all.end(), current_cid);
  if (it == cid_all.end()) {
    RMQ_LOG(kInfo) << "ConsumerGroup: " << group << " the consumerId: " << current_cid
                   << " is not in cidAll";
    *index = -1;
  } else {
    *index = static_cast<int>(it - cid_all.begin());
  }
  return Status::OK();
}

}  // namespace

Result<std::vector<MessageQueue>> AllocateMessageQueueAveragely::Allocate(
    const std::string& consumer_group, const std::string& current_cid,
    const std::vector<MessageQueue>& mq_all, const std::vector<std::string>& cid_all) const {
  int index = -1;
  ROCKETMQ_RETURN_IF_ERROR(CheckArguments(consumer_group, current_cid, mq_all, cid_all, &index));
  std::vector<MessageQueue> result;
  if (index < 0) return result;
  const int n = static_cast<int>(mq_all.size());
  const int c = static_cast<int>(cid_all.size());
  const int mod = n % c;
  const int avg = n <= c ? 1 : (mod > 0 && index < mod ? n / c + 1 : n / c);
  const int start = (mod > 0 && index < mod) ? index * avg : index * avg + mod;
  const int range = std::min(avg, n - start);
  for (int i = 0; i < range; ++i) result.push_back(mq_all[(start + i) % n]);
  return result;
}

Result<std::vector<MessageQueue>> AllocateMessageQueueAveragelyByCircle::Allocate(
    const std::string& consumer_group, const std::string& current_cid,
    const std::vector<MessageQueue>& mq_all, const std::vector<std::string>& cid_all) const {
  int index = -1;
  ROCKETMQ_RETURN_IF_ERROR(CheckArguments(consumer_group, current_cid, mq_all, cid_all, &index));
  std::vector<MessageQueue> result;
  if (index < 0) return result;
  for (size_t i = static_cast<size_t>(index); i < mq_all.size(); ++i) {
    if (i % cid_all.size() == static_cast<size_t>(index)) result.push_back(mq_all[i]);
  }
  return result;
}

AllocateMessageQueueConsistentHash::AllocateMessageQueueConsistentHash(int virtual_node_count)
    : virtual_node_count_(std::max(0, virtual_node_count)) {}

int64_t AllocateMessageQueueConsistentHash::RingHash(const std::string& key) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(key.data(), key.size(), digest, &len, EVP_md5(), nullptr);
  int64_t h = 0;
  for (int i = 0; i < 4; ++i) h = (h << 8) | digest[i];
  return h;
}

Result<std::vector<MessageQueue>> AllocateMessageQueueConsistentHash::Allocate(
    const std::string& consumer_group, const std::string& current_cid,
    const std::vector<MessageQueue>& mq_all, const std::vector<std::string>& cid_all) const {
  int index = -1;
  ROCKETMQ_RETURN_IF_ERROR(CheckArguments(consumer_group, current_cid, mq_all, cid_all, &index));
  std::vector<MessageQueue> result;
  if (index < 0) return result;
  // Java's TreeMap ring: a later put at the same position replaces the earlier node.
  std::map<int64_t, const std::string*> ring;
  for (const std::string& cid : cid_all) {
    for (int i = 0; i < virtual_node_count_; ++i) {
      ring[RingHash(cid + "-" + std::to_string(i))] = &cid;
    }
  }
  if (ring.empty()) return result;
  for (const MessageQueue& mq : mq_all) {
    auto it = ring.lower_bound(RingHash(mq.ToString()));
    if (it == ring.end()) it = ring.begin();
    if (*it->second == current_cid) result.push_back(mq);
  }
  return result;
}

Result<std::shared_ptr<AllocateMessageQueueStrategy>> MakeAllocateStrategy(
    const std::string& name) {
  if (name == "AVG")
    return std::shared_ptr<AllocateMessageQueueStrategy>(
        std::make_shared<AllocateMessageQueueAveragely>());
  if (name == "AVG_BY_CIRCLE") {
    return std::shared_ptr<AllocateMessageQueueStrategy>(
        std::make_shared<AllocateMessageQueueAveragelyByCircle>());
  }
  if (name == "CONSISTENT_HASH") {
    return std::shared_ptr<AllocateMessageQueueStrategy>(
        std::make_shared<AllocateMessageQueueConsistentHash>());
  }
  return Status::InvalidArgument("unknown allocate strategy: " + name);
}

}  // namespace rocketmq::consumer
