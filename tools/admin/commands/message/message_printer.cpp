#include "tools/admin/commands/message/message_printer.h"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include "client/message_access.h"
#include "common/message_properties.h"
#include "tools/admin/command_error.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"

namespace rocketmq::admin::tools {

namespace {

// Java InetSocketAddress.toString() of a resolved literal address: "/127.0.0.1:40662".
std::string JavaSocketAddressText(const SocketAddress& addr) { return "/" + addr.ToJavaString(); }

std::string JavaNullable(const std::string& s) { return s.empty() ? "null" : s; }

void MakeDirs(const std::string& path) {
  std::string partial;
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    partial = path.substr(0, pos);
    if (!partial.empty()) ::mkdir(partial.c_str(), 0755);
  }
}

}  // namespace

std::string JavaPropertiesToString(const MQMessageExt& msg) {
  const MessageProperties ordered = JavaHashMapOrder(MQMessageAccess::Get(msg).properties());
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : ordered) {
    if (!first) out += ", ";
    first = false;
    out += k + "=" + v;
  }
  return out + "}";
}

std::string JavaMessageExtToString(const MQMessageExt& msg) {
  const MessageExt& m = MQMessageAccess::Get(msg);
  std::string body = "[";
  for (size_t i = 0; i < m.body().size(); ++i) {
    if (i > 0) body += ", ";
    body += std::to_string(static_cast<int>(static_cast<signed char>(m.body()[i])));
  }
  body += "]";
  // Java's MessageExt.msgId field is the offset message id, whatever getMsgId() returns.
  return "MessageExt [brokerName=" + JavaNullable(m.broker_name()) +
         ", queueId=" + std::to_string(m.queue_id()) +
         ", storeSize=" + std::to_string(m.store_size()) +
         ", queueOffset=" + std::to_string(m.queue_offset()) +
         ", sysFlag=" + std::to_string(m.sys_flag()) +
         ", bornTimestamp=" + std::to_string(m.born_timestamp()) +
         ", bornHost=" + JavaSocketAddressText(m.born_host()) +
         ", storeTimestamp=" + std::to_string(m.store_timestamp()) +
         ", storeHost=" + JavaSocketAddressText(m.store_host()) +
         ", msgId=" + msg.getOffsetMsgId() +
         ", commitLogOffset=" + std::to_string(m.commit_log_offset()) +
         ", bodyCRC=" + std::to_string(m.body_crc()) +
         ", reconsumeTimes=" + std::to_string(m.reconsume_times()) +
         ", preparedTransactionOffset=" + std::to_string(m.prepared_transaction_offset()) +
         ", toString()=Message{topic='" + m.topic() + "', flag=" + std::to_string(m.flag()) +
         ", properties=" + JavaPropertiesToString(msg) + ", body=" + body + ", transactionId='" +
         JavaNullable(m.transaction_id()) + "'}]";
}

std::string MessageBodyDir() {
  const char* dir = std::getenv("MQADMIN_MSGBODY_DIR");
  return (dir != nullptr && *dir != '\0') ? dir : "/tmp/rocketmq/msgbodys";
}

std::string WriteMessageBodyFile(const MQMessageExt& msg, int index) {
  const std::string dir = MessageBodyDir();
  MakeDirs(dir);
  std::string path = dir + "/" + msg.getMsgId();
  if (index > 0) path += "_" + std::to_string(index);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(msg.getBody().data(), static_cast<std::streamsize>(msg.getBody().size()));
  file.close();
  if (!file)
    throw CommandError("cannot write the message body to " + path + ": " + std::strerror(errno));
  return path;
}

namespace {

std::string Bracketed(const MQMessageExt& msg, const char* key) {
  const MessageExt& m = MQMessageAccess::Get(msg);
  const std::string* v = m.properties().Find(key);
  return "[" + (v == nullptr ? std::string("null") : *v) + "]";
}

}  // namespace

void PrintMessageDetail(CommandContext& ctx, DefaultMQAdminExt& admin, const MQMessageExt& msg,
                        bool with_offset_id, int index) {
  const std::string body_path = WriteMessageBodyFile(msg, index);
  std::ostream& out = ctx.out;
  if (with_offset_id) out << StrFormat("%-20s %s\n", "OffsetID:", msg.getOffsetMsgId().c_str());
  out << StrFormat("%-20s %s\n", "Topic:", msg.getTopic().c_str());
  out << StrFormat("%-20s %s\n", "Tags:", Bracketed(msg, "TAGS").c_str());
  out << StrFormat("%-20s %s\n", "Keys:", Bracketed(msg, "KEYS").c_str());
  out << StrFormat("%-20s %d\n", "Queue ID:", msg.getQueueId());
  out << StrFormat("%-20s %lld\n", "Queue Offset:", static_cast<long long>(msg.getQueueOffset()));
  out << StrFormat("%-20s %lld\n",
                   "CommitLog Offset:", static_cast<long long>(msg.getCommitLogOffset()));
  out << StrFormat("%-20s %d\n", "Reconsume Times:", msg.getReconsumeTimes());
  out << StrFormat("%-20s %s\n",
                   "Born Timestamp:", FormatDateTimeMillis(msg.getBornTimestamp()).c_str());
  out << StrFormat("%-20s %s\n",
                   "Store Timestamp:", FormatDateTimeMillis(msg.getStoreTimestamp()).c_str());
  const MessageExt& raw = MQMessageAccess::Get(msg);
  out << StrFormat("%-20s %s\n", "Born Host:", raw.born_host().ToJavaString().c_str());
  out << StrFormat("%-20s %s\n", "Store Host:", raw.store_host().ToJavaString().c_str());
  out << StrFormat("%-20s %d\n", "System Flag:", msg.getSysFlag());
  out << StrFormat("%-20s %s\n", "Properties:", JavaPropertiesToString(msg).c_str());
  out << StrFormat("%-20s %s\n", "Message Body Path:", body_path.c_str());
  std::vector<MessageTrack> tracks = admin.messageTrackDetail(msg);
  if (tracks.empty()) {
    out << "\n\nWARN: No Consumer";
  } else {
    out << "\n\n";
    for (const MessageTrack& t : tracks) out << t.toString();
  }
  out.flush();
}

void WriteMessageJson(JsonWriter& w, const MQMessageExt& msg, bool with_body) {
  const MessageExt& m = MQMessageAccess::Get(msg);
  w.BeginObject();
  w.Key("msgId").String(msg.getMsgId());
  w.Key("offsetMsgId").String(msg.getOffsetMsgId());
  w.Key("topic").String(m.topic());
  w.Key("brokerName").String(m.broker_name());
  w.Key("queueId").Int(m.queue_id());
  w.Key("queueOffset").Int(m.queue_offset());
  w.Key("commitLogOffset").Int(m.commit_log_offset());
  w.Key("storeSize").Int(m.store_size());
  w.Key("sysFlag").Int(m.sys_flag());
  w.Key("bodyCRC").Int(m.body_crc());
  w.Key("reconsumeTimes").Int(m.reconsume_times());
  w.Key("bornTimestamp").Int(m.born_timestamp());
  w.Key("bornHost").String(msg.getBornHostString());
  w.Key("storeTimestamp").Int(m.store_timestamp());
  w.Key("storeHost").String(msg.getStoreHostString());
  w.Key("properties").BeginObject();
  for (const auto& [k, v] : JavaHashMapOrder(m.properties())) w.Key(k).String(v);
  w.EndObject();
  if (with_body) w.Key("body").String(m.body());
  w.EndObject();
}

void WriteMessageDetailJson(JsonWriter& w, DefaultMQAdminExt& admin, const MQMessageExt& msg,
                            bool /*with_offset_id*/, int index) {
  const std::string body_path = WriteMessageBodyFile(msg, index);
  std::vector<MessageTrack> tracks = admin.messageTrackDetail(msg);
  w.BeginObject();
  w.Key("message");
  WriteMessageJson(w, msg, false);
  w.Key("messageBodyPath").String(body_path);
  w.Key("messageTracks").BeginArray();
  for (const MessageTrack& t : tracks) {
    w.BeginObject();
    w.Key("consumerGroup").String(t.consumer_group);
    w.Key("trackType").String(TrackTypeName(t.track_type));
    w.Key("exceptionDesc");
    if (t.has_exception_desc) {
      w.String(t.exception_desc);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteDirectResultJson(JsonWriter& w, const ConsumeMessageDirectlyResult& r) {
  w.BeginObject();
  w.Key("autoCommit").Bool(r.auto_commit);
  w.Key("consumeResult");
  if (r.consume_result.empty()) {
    w.Null();
  } else {
    w.String(r.consume_result);
  }
  w.Key("order").Bool(r.order);
  w.Key("remark");
  if (r.has_remark) {
    w.String(r.remark);
  } else {
    w.Null();
  }
  w.Key("spentTimeMills").Int(r.spent_time_mills);
  w.EndObject();
}

const char* PullStatusText(PullStatus status) {
  const auto index = static_cast<size_t>(status);
  return index < std::size(EnumStrings) ? EnumStrings[index] : "UNKNOWN";
}

std::vector<MQMessageQueue> JavaMessageQueueSetOrder(const std::vector<MQMessageQueue>& mqs) {
  std::vector<int32_t> hashes;
  for (const MQMessageQueue& mq : mqs) {
    uint32_t h = 1;
    h = 31 * h + static_cast<uint32_t>(JavaStringHashCode(mq.getBrokerName()));
    h = 31 * h + static_cast<uint32_t>(mq.getQueueId());
    h = 31 * h + static_cast<uint32_t>(JavaStringHashCode(mq.getTopic()));
    hashes.push_back(static_cast<int32_t>(h));
  }
  std::vector<MQMessageQueue> out;
  for (size_t i : JavaHashOrder(hashes)) out.push_back(mqs[i]);
  return out;
}

std::string JavaMessageQueueText(const MQMessageQueue& mq) {
  return "MessageQueue [topic=" + mq.getTopic() + ", brokerName=" + mq.getBrokerName() +
         ", queueId=" + std::to_string(mq.getQueueId()) + "]";
}

int64_t ParseToolTimestamp(const std::string& value) {
  try {
    return JavaParseLong(value);
  } catch (const std::exception&) {
  }
  std::optional<int64_t> ms = ParseJavaDate(value, "yyyy-MM-dd#HH:mm:ss:SSS");
  if (!ms) {
    throw CommandError("bad timestamp '" + value +
                       "': expected milliseconds or yyyy-MM-dd#HH:mm:ss:SSS");
  }
  return *ms;
}

std::string NowMillisText() {
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
}

std::unique_ptr<DefaultMQProducer> StartToolProducer(const CommandContext& ctx,
                                                     const std::string& group,
                                                     const std::string& unit_name) {
  if (ctx.namesrv_addr.empty()) {
    throw CommandError("no NameServer address: pass -n host:port or set NAMESRV_ADDR");
  }
  auto producer = std::make_unique<DefaultMQProducer>(group);
  producer->setNamesrvAddr(ctx.namesrv_addr);
  producer->setInstanceName(NowMillisText());
  if (!unit_name.empty()) producer->setUnitName(unit_name);
  if (!ctx.rocketmq_home.empty()) {
    SessionCredentials credentials = ReadToolsYml(ctx.rocketmq_home + "/conf/tools.yml");
    if (credentials.isValid()) producer->setSessionCredentials(credentials);
  }
  producer->start();
  return producer;
}

std::vector<std::string> SplitIdList(const std::string& ids) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= ids.size()) {
    size_t comma = ids.find(',', pos);
    if (comma == std::string::npos) comma = ids.size();
    std::string id = JavaTrim(std::string_view(ids).substr(pos, comma - pos));
    if (!id.empty()) out.push_back(std::move(id));
    pos = comma + 1;
  }
  return out;
}

}  // namespace rocketmq::admin::tools
