#include "tools/admin/consumer_running_info_format.h"

#include <list>

#include "common/java_hash.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"

namespace rocketmq::admin::tools {
namespace {

// UtilAll.timeMillisToHumanString: yyyyMMddHHmmssSSS in local time.
std::string TimeMillisToHumanString(int64_t ms) { return FormatJavaDate(ms, "yyyyMMddHHmmssSSS"); }

std::string QueueToString(const MQMessageQueue& mq) {
  return "MessageQueue [topic=" + mq.getTopic() + ", brokerName=" + mq.getBrokerName() +
         ", queueId=" + std::to_string(mq.getQueueId()) + "]";
}

// Java "%<width>.2f".
std::string Fixed2(double v, int width) {
  std::string s = JavaFixed(v, 2);
  if (static_cast<int>(s.size()) < width) s.insert(0, width - s.size(), ' ');
  return s;
}

std::string Prop(const ConsumerRunningInfo& info, const char* key) {
  auto it = info.properties.find(key);
  return it == info.properties.end() ? "" : it->second;
}

bool IsPush(const ConsumerRunningInfo& info) {
  return Prop(info, "PROP_CONSUME_TYPE") == "CONSUME_PASSIVELY";
}

bool SameSubscriptions(const std::vector<SubscriptionData>& a,
                       const std::vector<SubscriptionData>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].topic != b[i].topic || a[i].sub_string != b[i].sub_string ||
        a[i].class_filter_mode != b[i].class_filter_mode ||
        a[i].expression_type != b[i].expression_type) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> JavaHashtableOrder(const std::vector<std::string>& keys) {
  struct Entry {
    uint32_t hash;
    std::string key;
  };
  size_t capacity = 11;
  size_t threshold = 8;
  size_t count = 0;
  std::vector<std::list<Entry>> table(capacity);
  for (const std::string& key : keys) {
    const uint32_t hash = static_cast<uint32_t>(JavaStringHashCode(key)) & 0x7FFFFFFFu;
    bool present = false;
    for (const Entry& e : table[hash % capacity]) present = present || e.key == key;
    if (present) continue;
    if (count >= threshold) {
      // Hashtable.rehash: old buckets from the last down, each chain from its head, each entry
      // pushed onto the front of its new bucket.
      const size_t new_capacity = capacity * 2 + 1;
      std::vector<std::list<Entry>> grown(new_capacity);
      for (size_t i = capacity; i-- > 0;) {
        for (const Entry& e : table[i]) grown[e.hash % new_capacity].push_front(e);
      }
      table = std::move(grown);
      capacity = new_capacity;
      threshold = static_cast<size_t>(static_cast<double>(capacity) * 0.75);
    }
    table[hash % capacity].push_front(Entry{hash, key});
    ++count;
  }
  std::vector<std::string> ordered;
  for (size_t i = capacity; i-- > 0;) {
    for (const Entry& e : table[i]) ordered.push_back(e.key);
  }
  return ordered;
}

std::string ProcessQueueInfoToString(const ProcessQueueInfo& pq) {
  auto b = [](bool v) { return std::string(v ? "true" : "false"); };
  return "ProcessQueueInfo [commitOffset=" + std::to_string(pq.commit_offset) +
         ", cachedMsgMinOffset=" + std::to_string(pq.cached_msg_min_offset) +
         ", cachedMsgMaxOffset=" + std::to_string(pq.cached_msg_max_offset) +
         ", cachedMsgCount=" + std::to_string(pq.cached_msg_count) +
         ", cachedMsgSizeInMiB=" + std::to_string(pq.cached_msg_size_in_mib) +
         ", transactionMsgMinOffset=" + std::to_string(pq.transaction_msg_min_offset) +
         ", transactionMsgMaxOffset=" + std::to_string(pq.transaction_msg_max_offset) +
         ", transactionMsgCount=" + std::to_string(pq.transaction_msg_count) +
         ", locked=" + b(pq.locked) + ", tryUnlockTimes=" + std::to_string(pq.try_unlock_times) +
         ", lastLockTimestamp=" + TimeMillisToHumanString(pq.last_lock_timestamp) +
         ", droped=" + b(pq.droped) +
         ", lastPullTimestamp=" + TimeMillisToHumanString(pq.last_pull_timestamp) +
         ", lastConsumeTimestamp=" + TimeMillisToHumanString(pq.last_consume_timestamp) + "]";
}

std::string FormatConsumerRunningInfo(const ConsumerRunningInfo& info) {
  std::string sb = "#Consumer Properties#\n";
  std::vector<std::string> keys;
  for (const auto& [k, v] : info.properties) keys.push_back(k);
  for (const std::string& k : JavaHashtableOrder(keys)) {
    sb += StrFormat("%-40s: %s\n", k.c_str(), info.properties.at(k).c_str());
  }
  sb += "\n\n#Consumer Subscription#\n";
  int i = 0;
  for (const SubscriptionData& sd : info.subscription_set) {
    sb +=
        StrFormat("%03d Topic: %-40s ClassFilter: %-8s SubExpression: %s\n", ++i, sd.topic.c_str(),
                  sd.class_filter_mode ? "true" : "false", sd.sub_string.c_str());
  }
  sb += "\n\n#Consumer Offset#\n";
  sb += StrFormat("%-64s  %-32s  %-4s  %-20s\n", "#Topic", "#Broker Name", "#QID",
                  "#Consumer Offset");
  for (const auto& [mq, pq] : info.mq_table) {
    sb += StrFormat("%-32s  %-32s  %-4d  %-20lld\n", mq.getTopic().c_str(),
                    mq.getBrokerName().c_str(), mq.getQueueId(),
                    static_cast<long long>(pq.commit_offset));
  }
  sb += "\n\n#Consumer MQ Detail#\n";
  sb += StrFormat("%-64s  %-32s  %-4s  %-20s\n", "#Topic", "#Broker Name", "#QID",
                  "#ProcessQueueInfo");
  for (const auto& [mq, pq] : info.mq_table) {
    sb += StrFormat("%-64s  %-32s  %-4d  %s\n", mq.getTopic().c_str(), mq.getBrokerName().c_str(),
                    mq.getQueueId(), ProcessQueueInfoToString(pq).c_str());
  }
  sb += "\n\n#Consumer RT&TPS#\n";
  sb +=
      StrFormat("%-64s  %14s %14s %14s %14s %18s %25s\n", "#Topic", "#Pull RT", "#Pull TPS",
                "#Consume RT", "#ConsumeOK TPS", "#ConsumeFailed TPS", "#ConsumeFailedMsgsInHour");
  for (const auto& [topic, st] : info.status_table) {
    sb +=
        StrFormat("%-32s  %s %s %s %s %s %25lld\n", topic.c_str(), Fixed2(st.pull_rt, 14).c_str(),
                  Fixed2(st.pull_tps, 14).c_str(), Fixed2(st.consume_rt, 14).c_str(),
                  Fixed2(st.consume_ok_tps, 14).c_str(), Fixed2(st.consume_failed_tps, 18).c_str(),
                  static_cast<long long>(st.consume_failed_msgs));
  }
  if (!info.jstack.empty()) {
    sb += "\n\n#Consumer jstack#\n";
    sb += info.jstack;
  }
  return sb;
}

bool AnalyzeSubscription(const std::map<std::string, ConsumerRunningInfo>& infos, int64_t now_ms) {
  if (infos.empty()) return true;
  const ConsumerRunningInfo* prev = &infos.begin()->second;
  const bool push = IsPush(*prev);
  int64_t started = 0;
  try {
    started = std::stoll(Prop(*prev, "PROP_CONSUMER_START_TIMESTAMP"));
  } catch (const std::exception&) {
    started = now_ms;
  }
  const bool start_for_a_while = now_ms - started > 1000 * 60 * 2;
  if (!push || !start_for_a_while) return true;
  for (const auto& [client_id, current] : infos) {
    if (!SameSubscriptions(current.subscription_set, prev->subscription_set)) return false;
    prev = &current;
  }
  return !prev->subscription_set.empty();
}

std::string AnalyzeProcessQueue(const std::string& client_id, const ConsumerRunningInfo& info,
                                int64_t now_ms) {
  std::string sb;
  if (!IsPush(info)) return sb;
  const bool order_msg = JavaParseBoolean(Prop(info, "PROP_CONSUMEORDERLY"));
  for (const auto& [mq, pq] : info.mq_table) {
    if (order_msg) {
      if (!pq.locked) {
        sb += StrFormat("%s %s can't lock for a while, %lldms\n", client_id.c_str(),
                        QueueToString(mq).c_str(),
                        static_cast<long long>(now_ms - pq.last_lock_timestamp));
      } else if (pq.droped && pq.try_unlock_times > 0) {
        sb += StrFormat("%s %s unlock %lld times, still failed\n", client_id.c_str(),
                        QueueToString(mq).c_str(), static_cast<long long>(pq.try_unlock_times));
      }
    } else {
      const int64_t diff = now_ms - pq.last_consume_timestamp;
      if (diff > 1000 * 60 && pq.cached_msg_count > 0) {
        sb += StrFormat("%s %s can't consume for a while, maybe blocked, %lldms\n",
                        client_id.c_str(), QueueToString(mq).c_str(), static_cast<long long>(diff));
      }
    }
  }
  return sb;
}

}  // namespace rocketmq::admin::tools
