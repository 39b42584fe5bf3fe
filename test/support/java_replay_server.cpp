#include "support/java_replay_server.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <set>

#include "common/response_code.h"
#include "remoting/remoting_command.h"
#include "remoting/request_code.h"
#include "support/vectors.h"

namespace rocketmq::test {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// The servers of the 04-mqadmin captures (vectors README: namesrv 19876, broker 20911 and its
// VIP port 20909). Client addresses in bodies (connection lists) are left alone.
const char* const kCapturedServerAddrs[] = {"127.0.0.1:19876", "127.0.0.1:20911",
                                            "127.0.0.1:20909"};

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// 127.0.0.1:<port> as a stored message's host field: 7F 00 00 01, then the port as an int32.
std::string BinaryLoopback(int port) {
  const char bytes[] = {0x7f, 0, 0, 1, 0, 0, static_cast<char>((port >> 8) & 0xff),
                        static_cast<char>(port & 0xff)};
  return std::string(bytes, sizeof(bytes));
}

}  // namespace

class JavaReplayServer::Processor : public remoting::RequestProcessor {
 public:
  std::optional<RemotingCommand> ProcessRequest(const std::shared_ptr<remoting::Channel>&,
                                                RemotingCommand& request) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = answers_.find(request.code());
    if (it != answers_.end() && !it->second.empty()) {
      // Answers borrowed from another capture may be asked for more than once.
      RemotingCommand response = it->second.front();
      if (sticky_.count(request.code()) == 0 || it->second.size() > 1) it->second.pop_front();
      served_.push_back(request.code());
      return response;
    }
    if (request.code() == RequestCode::kHeartBeat || request.code() == RequestCode::kUnregisterClient) {
      return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
    }
    unexpected_.push_back(request.code());
    return RemotingCommand::CreateResponse(request, ResponseCode::kRequestCodeNotSupported,
                                           "not in the capture");
  }

  std::mutex mu_;
  std::map<int, std::deque<RemotingCommand>> answers_;  // guarded by mu_
  std::set<int> sticky_;  // codes answered from an extra capture; guarded by mu_
  std::vector<int> served_;                             // guarded by mu_
  std::vector<int> unexpected_;                         // guarded by mu_
};

JavaReplayServer::JavaReplayServer(const std::string& jsonl, std::vector<std::string> extra)
    : file_(jsonl), extra_(std::move(extra)) {}

JavaReplayServer::~JavaReplayServer() {
  if (server_) server_->Shutdown();
}

bool JavaReplayServer::Start() {
  remoting::RemotingServerOptions options;
  options.listen_host = "127.0.0.1";
  server_ = std::make_unique<remoting::RemotingServer>(options);
  processor_ = std::make_shared<Processor>();
  server_->RegisterDefaultProcessor(processor_);
  if (!server_->Start().ok()) {
    ADD_FAILURE() << "replay server did not start";
    return false;
  }
  for (const char* a : kCapturedServerAddrs) captured_addrs_.insert(a);
  if (addr().size() != std::string(kCapturedServerAddrs[0]).size()) {
    ADD_FAILURE() << "replay server port " << addr() << " is not five digits";
    return false;
  }

  if (!LoadAnswers(file_, false)) return false;
  for (const std::string& extra : extra_) {
    if (!LoadAnswers(extra, true)) return false;
  }
  return true;
}

// Pairs each request with its response (same stream and opaque) and queues the responses by the
// request's code, in capture order; `only_missing_codes` skips codes that already have answers.
bool JavaReplayServer::LoadAnswers(const std::string& file, bool only_missing_codes) {
  std::vector<VectorFrame> frames = LoadFrames(file);
  if (frames.empty()) {
    ADD_FAILURE() << "no frames in " << file;
    return false;
  }
  std::set<int> present;
  for (const auto& [code, answers] : processor_->answers_) present.insert(code);
  std::map<std::pair<std::string, int>, int> pending;  // (stream, opaque) -> request code
  for (const VectorFrame& f : frames) {
    const int opaque = f.header["opaque"].asInt();
    if (f.is_request) {
      if (!f.oneway) pending[{f.stream, opaque}] = f.header["code"].asInt();
      continue;
    }
    auto req = pending.find({f.stream, opaque});
    if (req == pending.end()) continue;
    const int code = req->second;
    pending.erase(req);
    if (only_missing_codes && present.count(code) != 0) continue;
    const std::string frame = Rewrite(f.frame);
    Result<RemotingCommand> response = RemotingCommand::Decode(std::string_view(frame).substr(4));
    if (!response.ok()) {
      ADD_FAILURE() << f.Where() << ": " << response.status().ToString();
      return false;
    }
    processor_->answers_[code].push_back(std::move(*response));
    if (only_missing_codes) processor_->sticky_.insert(code);
  }
  return true;
}

std::string JavaReplayServer::addr() const { return "127.0.0.1:" + std::to_string(server_->port()); }

std::string JavaReplayServer::Rewrite(std::string text) const {
  char hex[24];
  std::snprintf(hex, sizeof(hex), "7F000001%08X", server_->port());
  for (const std::string& a : captured_addrs_) {
    text = ReplaceAll(std::move(text), a, addr());
    char captured_hex[24];
    std::snprintf(captured_hex, sizeof(captured_hex), "7F000001%08X",
                  std::atoi(a.c_str() + a.rfind(':') + 1));
    text = ReplaceAll(std::move(text), captured_hex, hex);
    // Stored messages carry the store host as 4 address bytes and a 4-byte big-endian port.
    text = ReplaceAll(std::move(text), BinaryLoopback(std::atoi(a.c_str() + a.rfind(':') + 1)),
                      BinaryLoopback(server_->port()));
  }
  return text;
}

std::vector<int> JavaReplayServer::unexpected() const {
  std::lock_guard<std::mutex> lock(processor_->mu_);
  return processor_->unexpected_;
}

std::vector<int> JavaReplayServer::served() const {
  std::lock_guard<std::mutex> lock(processor_->mu_);
  return processor_->served_;
}

}  // namespace rocketmq::test
