// The broker-initiated requests a client instance answers for its producers (the producer half
// of Java ClientRemotingProcessor):
//  - CHECK_TRANSACTION_STATE (39, oneway): decodes the half message and hands it to the
//    producer of its PGROUP, which answers later with END_TRANSACTION.
//  - PUSH_REPLY_MESSAGE_TO_CLIENT (326): a reply to one of this client's request() calls;
//    completes the waiting future and answers SUCCESS.
// Registered by ClientInstance, which outlives them. Run on the remoting processor pool.
#pragma once

#include <memory>

#include "common/message_ext.h"
#include "remoting/channel.h"

namespace rocketmq::client {

class ClientInstance;

std::shared_ptr<remoting::RequestProcessor> MakeCheckTransactionStateProcessor(
    ClientInstance* instance);
std::shared_ptr<remoting::RequestProcessor> MakeReplyMessageProcessor(ClientInstance* instance);

// The reply message a PUSH_REPLY_MESSAGE_TO_CLIENT request carries (Java receiveReplyMessage):
// header fields, body (inflated when the COMPRESSED sysFlag is set) and properties, plus
// ARRIVE_TIME = `receive_time_ms`.
Result<MessageExt> DecodePushedReply(const remoting::RemotingCommand& request,
                                     int64_t receive_time_ms);

}  // namespace rocketmq::client
