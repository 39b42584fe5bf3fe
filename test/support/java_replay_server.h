// JavaReplayServer: answers mqadmin's requests with the responses a Java 4.9.8 NameServer and
// broker sent in a capture (test/vectors/04-mqadmin-<cmd>.jsonl), so that our mqadmin can be
// run against "Java's servers" and its output compared with what Java's mqadmin printed from
// the same answers (mqadmin-<cmd>.txt).
//
// One RemotingServer on 127.0.0.1 (an ephemeral port, five digits like the capture's ports)
// stands in for every server of the capture: each captured server address ("127.0.0.1:19876",
// "127.0.0.1:20911", ...) is rewritten to this server's address in every response, byte for
// byte (same length, so frame and header lengths stay valid). A request gets the next unused
// captured response to a request with the same code; HEART_BEAT and UNREGISTER_CLIENT, which a
// client sends on its own schedule, get an empty SUCCESS; anything else gets
// REQUEST_CODE_NOT_SUPPORTED and is listed in unexpected().
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "remoting/remoting_server.h"

namespace rocketmq::test {

class JavaReplayServer {
 public:
  // `jsonl`: the capture file name inside the vectors folder, e.g. "04-mqadmin-topicStatus.jsonl".
  // `extra`: captures of other commands against the same servers, whose answers serve request
  // codes that `jsonl` has no answer for (our mqadmin may ask a question Java's did not).
  explicit JavaReplayServer(const std::string& jsonl, std::vector<std::string> extra = {});
  ~JavaReplayServer();

  // Loads the capture and starts listening; false (with a test failure) on error.
  bool Start();
  std::string addr() const;
  // `text` with every captured server address replaced by addr(): in "host:port" form, in the
  // hex form offset message ids embed ("7F000001" + the port as 8 hex digits) and in the binary
  // form of a stored message's host fields.
  std::string Rewrite(std::string text) const;
  // Request codes that had no captured answer.
  std::vector<int> unexpected() const;
  // Request codes that were served from the capture, in order.
  std::vector<int> served() const;

 private:
  class Processor;
  bool LoadAnswers(const std::string& file, bool only_missing_codes);

  std::string file_;
  std::vector<std::string> extra_;
  std::set<std::string> captured_addrs_;
  std::unique_ptr<remoting::RemotingServer> server_;
  std::shared_ptr<Processor> processor_;
};

}  // namespace rocketmq::test
