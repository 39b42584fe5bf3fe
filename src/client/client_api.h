// ClientApi: one typed method per request the producer, consumers and admin send (Java
// MQClientAPIImpl), so no code above this layer builds a RemotingCommand by hand.
//
// Conventions: a broker/NameServer answer with an error code comes back as Status(code, remark)
// with the wire response code (>= 0); transport problems keep the RemotingClient's local codes
// (timeout, not connected, ...). NameServer calls go to one NameServer chosen at random at
// start and fail over to the next one on a transport error.
//
// Owned by a ClientInstance; borrows its RemotingClient. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "client/request_headers.h"
#include "common/message.h"
#include "common/message_ext.h"
#include "common/message_queue.h"
#include "common/model/cluster_info.h"
#include "common/model/heartbeat_data.h"
#include "common/model/list_bodies.h"
#include "common/model/lock_batch_body.h"
#include "common/model/route_data.h"
#include "common/model/topic_config.h"
#include "common/status.h"
#include "remoting/remoting_client.h"
#include "rocketmq/send_result.h"

namespace rocketmq::client {

// What the producer knows about the message it sent, to build the SendResult.
struct SentMessageInfo {
  std::string topic;       // as sent (with namespace)
  std::string name_space;  // stripped from the result's queue topic
  std::string broker_name;
  std::string msg_id;  // UNIQ_KEY, or the inner UNIQ_KEYs joined by ',' for a batch
};

// Java PullStatus.
enum class PullStatus { kFound, kNoNewMsg, kNoMatchedMsg, kOffsetIllegal };
const char* PullStatusName(PullStatus status);

// A PULL_MESSAGE answer before message decoding (Java PullResultExt).
struct PullResponse {
  PullStatus status = PullStatus::kNoNewMsg;
  int64_t next_begin_offset = 0;
  int64_t min_offset = 0;
  int64_t max_offset = 0;
  int64_t suggest_which_broker_id = 0;
  std::string message_binary;  // stored records, concatenated (FOUND only)
};

class ClientApi {
 public:
  using SendCallback = std::function<void(Result<SendResult>)>;
  using PullCallback = std::function<void(Result<PullResponse>)>;

  // `remoting` must outlive this object. `namesrv_addrs` may be empty (NameServer calls then
  // fail with NotConnected).
  ClientApi(remoting::RemotingClient* remoting, std::vector<std::string> namesrv_addrs);
  ClientApi(const ClientApi&) = delete;
  ClientApi& operator=(const ClientApi&) = delete;

  remoting::RemotingClient& remoting() { return *remoting_; }
  std::vector<std::string> namesrv_addrs() const;
  void UpdateNamesrvAddrs(std::vector<std::string> addrs);

  // Sends `request` to a NameServer (failing over on transport errors). The raw answer.
  Result<remoting::RemotingCommand> InvokeNameServer(remoting::RemotingCommand request,
                                                     int64_t timeout_ms);

  // ---- NameServer ----
  // GET_ROUTEINFO_BY_TOPIC. TOPIC_NOT_EXIST (17) when the NameServer has no route.
  Result<TopicRouteData> GetTopicRouteInfoFromNameServer(const std::string& topic,
                                                         int64_t timeout_ms);
  // GET_BROKER_CLUSTER_INFO.
  Result<ClusterInfo> GetBrokerClusterInfo(int64_t timeout_ms);
  // GET_ALL_TOPIC_LIST_FROM_NAMESERVER.
  Result<TopicList> GetTopicListFromNameServer(int64_t timeout_ms);

  // ---- send ----
  // SEND_MESSAGE_V2 (or SEND_BATCH_MESSAGE when header.batch, SEND_MESSAGE when !v2 and not a
  // batch); body = msg.body() as given (already compressed or batch-encoded).
  static remoting::RemotingCommand BuildSendRequest(const Message& msg,
                                                    const SendMessageRequestHeader& header,
                                                    bool v2 = true);
  Result<SendResult> SendMessageSync(const std::string& addr, const SentMessageInfo& info,
                                     remoting::RemotingCommand request, int64_t timeout_ms);
  // `callback` runs once on the remoting callback pool.
  void SendMessageAsync(const std::string& addr, SentMessageInfo info,
                        remoting::RemotingCommand request, int64_t timeout_ms,
                        SendCallback callback);
  Status SendMessageOneway(const std::string& addr, remoting::RemotingCommand request);
  // Java processSendResponse: SUCCESS/FLUSH_DISK_TIMEOUT/FLUSH_SLAVE_TIMEOUT/SLAVE_NOT_AVAILABLE
  // become a SendResult, any other code Status(code, remark).
  static Result<SendResult> ProcessSendResponse(const SentMessageInfo& info,
                                                const remoting::RemotingCommand& response);

  // ---- pull ----
  Result<PullResponse> PullMessageSync(const std::string& addr,
                                       const PullMessageRequestHeader& header, int64_t timeout_ms);
  void PullMessageAsync(const std::string& addr, const PullMessageRequestHeader& header,
                        int64_t timeout_ms, PullCallback callback);
  static Result<PullResponse> ProcessPullResponse(const remoting::RemotingCommand& response);

  // ---- offsets ----
  // QUERY_CONSUMER_OFFSET; QUERY_NOT_FOUND (22) when the group has no offset for the queue.
  Result<int64_t> QueryConsumerOffset(const std::string& addr, const std::string& group,
                                      const MessageQueue& mq, int64_t timeout_ms);
  Status UpdateConsumerOffset(const std::string& addr, const std::string& group,
                              const MessageQueue& mq, int64_t offset, int64_t timeout_ms);
  Status UpdateConsumerOffsetOneway(const std::string& addr, const std::string& group,
                                    const MessageQueue& mq, int64_t offset);
  Result<int64_t> GetMaxOffset(const std::string& addr, const MessageQueue& mq, int64_t timeout_ms);
  Result<int64_t> GetMinOffset(const std::string& addr, const MessageQueue& mq, int64_t timeout_ms);
  Result<int64_t> SearchOffset(const std::string& addr, const MessageQueue& mq,
                               int64_t timestamp_ms, int64_t timeout_ms);
  Result<int64_t> GetEarliestMsgStoretime(const std::string& addr, const MessageQueue& mq,
                                          int64_t timeout_ms);

  // ---- client management ----
  // HEART_BEAT; the broker's version (the response "version").
  Result<int32_t> SendHeartbeat(const std::string& addr, const HeartbeatData& heartbeat,
                                int64_t timeout_ms);
  // UNREGISTER_CLIENT; empty groups are not sent.
  Status UnregisterClient(const std::string& addr, const std::string& client_id,
                          const std::string& producer_group, const std::string& consumer_group,
                          int64_t timeout_ms);
  Result<std::vector<std::string>> GetConsumerIdListByGroup(const std::string& addr,
                                                            const std::string& group,
                                                            int64_t timeout_ms);
  Result<std::vector<MessageQueue>> LockBatchMq(const std::string& addr,
                                                const LockBatchRequestBody& body,
                                                int64_t timeout_ms);
  Status UnlockBatchMq(const std::string& addr, const UnlockBatchRequestBody& body,
                       int64_t timeout_ms, bool oneway);
  Status ConsumerSendMessageBack(const std::string& addr,
                                 const ConsumerSendMsgBackRequestHeader& header,
                                 int64_t timeout_ms);
  // END_TRANSACTION, oneway; `remark` may carry the local exception text.
  Status EndTransactionOneway(const std::string& addr, const EndTransactionRequestHeader& header,
                              const std::string& remark);

  // ---- messages and admin ----
  // VIEW_MESSAGE_BY_ID: the message stored at `phy_offset` (decompressed).
  Result<MessageExt> ViewMessage(const std::string& addr, int64_t phy_offset, int64_t timeout_ms);
  // UPDATE_AND_CREATE_TOPIC on one broker.
  Status CreateTopic(const std::string& addr, const std::string& default_topic,
                     const TopicConfig& config, int64_t timeout_ms);

 private:
  // Sends and checks the code: OK with the response when it is SUCCESS, else Status(code, remark).
  Result<remoting::RemotingCommand> CallExpectSuccess(const std::string& addr,
                                                      remoting::RemotingCommand request,
                                                      int64_t timeout_ms);
  Result<int64_t> QueryQueueLong(int32_t code, const std::string& addr, const MessageQueue& mq,
                                 const char* field, int64_t timeout_ms, int64_t timestamp = -1);

  remoting::RemotingClient* const remoting_;
  mutable std::mutex ns_mu_;
  std::vector<std::string> namesrv_addrs_;  // guarded by ns_mu_
  size_t namesrv_index_ = 0;                // guarded by ns_mu_: the NameServer in use
};

// Status for a response with a non-success code: Status(code, remark).
Status ResponseError(const remoting::RemotingCommand& response);

}  // namespace rocketmq::client
