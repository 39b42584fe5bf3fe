#include "mockbroker/broker/consumer_manager.h"

#include "common/time_util.h"

#include <chrono>

#include "common/logging.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

namespace {

std::vector<std::shared_ptr<remoting::Channel>> Channels(const ConsumerGroupInfo& g) {
  std::vector<std::shared_ptr<remoting::Channel>> out;
  for (const auto& [id, info] : g.channels) out.push_back(info.channel);
  return out;
}

}  // namespace

std::vector<std::string> ConsumerGroupInfo::ClientIds() const {
  std::vector<std::string> ids;
  for (const auto& [id, info] : channels) ids.push_back(info.client_id);
  return ids;
}

bool ConsumerManager::RegisterConsumer(const std::string& group, const ClientChannelInfo& info,
                                       const ConsumerData& data, bool group_notify) {
  std::vector<std::shared_ptr<remoting::Channel>> to_notify;
  bool changed = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ConsumerGroupInfo& g = groups_[group];
    g.group_name = group;
    g.consume_type = data.consume_type;
    g.message_model = data.message_model;
    g.consume_from_where = data.consume_from_where;
    g.last_update_timestamp = NowMillis();

    auto it = g.channels.find(info.channel->id());
    if (it == g.channels.end()) {
      g.channels[info.channel->id()] = info;
      changed = true;
      RMQ_LOG(kInfo) << "new consumer connected, group: " << group << " " << info.client_id << " "
                     << info.channel->RemoteAddress();
    } else {
      if (it->second.client_id != info.client_id) {
        RMQ_LOG(kError) << "consumer channel exists in broker, but clientId not equal. GROUP: "
                        << group << " OLD: " << it->second.client_id << " NEW: " << info.client_id;
      }
      it->second = info;
    }

    std::set<std::string> topics;
    for (const SubscriptionData& sub : data.subscription_data_set) {
      topics.insert(sub.topic);
      auto s = g.subscriptions.find(sub.topic);
      if (s == g.subscriptions.end()) {
        g.subscriptions[sub.topic] = sub;
        changed = true;
      } else if (sub.sub_version > s->second.sub_version) {
        s->second = sub;
      }
    }
    for (auto s = g.subscriptions.begin(); s != g.subscriptions.end();) {
      if (topics.count(s->first) == 0) {
        s = g.subscriptions.erase(s);
        changed = true;
      } else {
        ++s;
      }
    }
    if (changed && group_notify) to_notify = Channels(g);
  }
  if (!to_notify.empty()) Notify(group, to_notify);
  return changed;
}

void ConsumerManager::UnregisterConsumer(const std::string& group, const ClientChannelInfo& info,
                                         bool group_notify) {
  std::vector<std::shared_ptr<remoting::Channel>> to_notify;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = groups_.find(group);
    if (it == groups_.end()) return;
    if (it->second.channels.erase(info.channel->id()) != 0) {
      RMQ_LOG(kInfo) << "unregister consumer ok, group " << group << " " << info.client_id;
    }
    if (it->second.channels.empty()) {
      groups_.erase(it);
      RMQ_LOG(kInfo) << "unregister consumer ok, no any connection, and remove consumer group, "
                     << group;
    } else if (group_notify) {
      to_notify = Channels(it->second);
    }
  }
  if (!to_notify.empty()) Notify(group, to_notify);
}

void ConsumerManager::DoChannelCloseEvent(uint64_t channel_id) {
  std::vector<std::pair<std::string, std::vector<std::shared_ptr<remoting::Channel>>>> notify;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = groups_.begin(); it != groups_.end();) {
      if (it->second.channels.erase(channel_id) == 0) {
        ++it;
        continue;
      }
      if (it->second.channels.empty()) {
        RMQ_LOG(kInfo) << "unregister consumer ok, no any connection, and remove consumer group, "
                       << it->first;
        it = groups_.erase(it);
        continue;
      }
      notify.emplace_back(it->first, Channels(it->second));
      ++it;
    }
  }
  for (const auto& [group, channels] : notify) Notify(group, channels);
}

void ConsumerManager::ScanNotActiveChannel(int64_t now_ms) {
  std::vector<std::shared_ptr<remoting::Channel>> expired;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = groups_.begin(); it != groups_.end();) {
      auto& chans = it->second.channels;
      for (auto c = chans.begin(); c != chans.end();) {
        if (now_ms - c->second.last_update_timestamp > kChannelExpiredTimeoutMs) {
          RMQ_LOG(kWarn) << "SCAN: remove expired channel from ConsumerManager consumerTable. "
                         << "channel=" << c->second.channel->RemoteAddress()
                         << ", consumerGroup=" << it->first;
          expired.push_back(c->second.channel);
          c = chans.erase(c);
        } else {
          ++c;
        }
      }
      it = chans.empty() ? groups_.erase(it) : std::next(it);
    }
  }
  for (const auto& ch : expired) ch->Close();
}

std::optional<ConsumerGroupInfo> ConsumerManager::GetGroup(const std::string& group) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = groups_.find(group);
  if (it == groups_.end()) return std::nullopt;
  return it->second;
}

std::optional<SubscriptionData> ConsumerManager::FindSubscriptionData(
    const std::string& group, const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = groups_.find(group);
  if (it == groups_.end()) return std::nullopt;
  auto s = it->second.subscriptions.find(topic);
  if (s == it->second.subscriptions.end()) return std::nullopt;
  return s->second;
}

std::set<std::string> ConsumerManager::QueryTopicConsumeByWho(const std::string& topic) const {
  std::set<std::string> groups;
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [name, g] : groups_) {
    if (g.subscriptions.count(topic) != 0) groups.insert(name);
  }
  return groups;
}

void ConsumerManager::Notify(const std::string& group,
                             const std::vector<std::shared_ptr<remoting::Channel>>& channels) {
  if (!notify_enabled_) return;
  for (const auto& ch : channels) {
    remoting::RemotingCommand req =
        remoting::RemotingCommand::CreateRequest(remoting::RequestCode::kNotifyConsumerIdsChanged);
    req.SetExtField("consumerGroup", group);
    Status st = ch->InvokeOneway(std::move(req));
    if (!st.ok()) {
      RMQ_LOG(kWarn) << "notifyConsumerIdsChanged to " << ch->RemoteAddress() << " group " << group
                     << " failed: " << st.ToString();
    }
  }
}

}  // namespace rocketmq::broker
