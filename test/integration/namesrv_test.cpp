// The bundled NameServer against the Java 4.9.8 captures: the recorded broker / client / mqadmin
// request frames are replayed byte for byte on raw sockets and our responses are compared with
// the Java NameServer's recorded responses (code, remark, extFields, body). Plus KV config
// round trips and persistence, GET/UPDATE_NAMESRV_CONFIG, connection-close expiry, a garbage
// frame, and the real `mqnamesrv` binary as a child process.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "common/crc32.h"
#include "common/json_reader.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/topic_config_wrapper.h"
#include "common/response_code.h"
#include "integration/remoting_test_util.h"
#include "mockbroker/namesrv/namesrv_controller.h"
#include "remoting/request_code.h"
#include "support/vectors.h"

namespace rocketmq::namesrv {
namespace {

namespace fs = std::filesystem;
using remoting::RemotingClient;
using remoting::RemotingClientOptions;
using remoting::RemotingCommand;
using remoting::RequestCode;
using remoting::test::RawSocket;
using remoting::test::WaitFor;
using rocketmq::test::LoadFrames;
using rocketmq::test::VectorFrame;

constexpr int64_t kTimeoutMs = 3000;

std::string MakeTempDir() {
  std::string tmpl = (fs::temp_directory_path() / "namesrv_test_XXXXXX").string();
  char* dir = mkdtemp(tmpl.data());
  EXPECT_NE(dir, nullptr);
  return tmpl;
}

RemotingCommand DecodeFrame(const std::string& frame) {
  Result<RemotingCommand> cmd = RemotingCommand::Decode(std::string_view(frame).substr(4));
  EXPECT_TRUE(cmd.ok()) << cmd.status().ToString();
  return cmd.ok() ? std::move(*cmd) : RemotingCommand();
}

const VectorFrame* FindJavaResponse(const std::vector<VectorFrame>& frames,
                                    const VectorFrame& request) {
  for (const auto& f : frames) {
    if (!f.is_request && f.stream == request.stream &&
        f.header["opaque"].asInt() == request.header["opaque"].asInt()) {
      return &f;
    }
  }
  return nullptr;
}

std::map<std::string, std::string> ExtMap(const RemotingCommand& cmd) {
  std::map<std::string, std::string> m;
  for (const auto& [k, v] : cmd.ext_fields().entries()) m[k] = v;
  return m;
}

std::vector<std::string> SortedTopics(const std::string& body) {
  Result<TopicList> list = DecodeJsonBody<TopicList>(body);
  EXPECT_TRUE(list.ok()) << list.status().ToString();
  if (!list.ok()) return {};
  std::vector<std::string> topics = list->topic_list;
  std::sort(topics.begin(), topics.end());
  return topics;
}

// Our response against Java's recorded one: everything but the language (ours says CPP).
void ExpectSameAsJava(const RemotingCommand& ours, const VectorFrame& java) {
  SCOPED_TRACE("java response " + java.Where());
  const Json::Value& h = java.header;
  EXPECT_TRUE(ours.IsResponse());
  EXPECT_EQ(ours.code(), h["code"].asInt());
  EXPECT_EQ(ours.opaque(), h["opaque"].asInt());
  EXPECT_EQ(ours.version(), 409);
  EXPECT_EQ(ours.language(), remoting::LanguageCode::kCpp);
  if (h.isMember("remark")) {
    EXPECT_EQ(ours.remark().value_or("<null>"), h["remark"].asString());
  } else {
    EXPECT_FALSE(ours.remark().has_value()) << *ours.remark();
  }
  if (h.isMember("extFields")) {
    EXPECT_FALSE(ours.ext_fields_null());
    std::map<std::string, std::string> java_ext;
    for (const auto& k : h["extFields"].getMemberNames())
      java_ext[k] = h["extFields"][k].asString();
    EXPECT_EQ(ExtMap(ours), java_ext);
  } else {
    EXPECT_TRUE(ours.ext_fields_null()) << ours.ToString();
  }
  EXPECT_EQ(ours.body(), java.body);
}

// Sends a recorded request frame as is and returns our response (nullopt for oneway requests).
std::optional<RemotingCommand> Replay(RawSocket& socket, const VectorFrame& request) {
  EXPECT_TRUE(socket.Send(request.frame)) << request.Where();
  if (request.oneway) return std::nullopt;
  std::optional<std::string> frame = socket.ReadFrame();
  EXPECT_TRUE(frame.has_value()) << "no response to " << request.Where();
  if (!frame) return RemotingCommand();
  return DecodeFrame(*frame);
}

// Replays every request of `file` sent to the NameServer, each on the raw socket of its
// stream, and compares each answer with Java's (bodies byte for byte: the HashMap / HashSet
// orders Java writes are reproduced).
void ReplayAndCompare(std::map<std::string, std::unique_ptr<RawSocket>>& sockets, int port,
                      const std::string& file) {
  const std::vector<VectorFrame> frames = LoadFrames(file);
  ASSERT_FALSE(frames.empty()) << file;
  int replayed = 0;
  for (const auto& f : frames) {
    if (!f.is_request || f.conn.find("->namesrv") == std::string::npos) continue;
    auto& socket = sockets[f.stream];
    if (!socket) socket = std::make_unique<RawSocket>(port);
    ASSERT_TRUE(socket->connected());
    SCOPED_TRACE("request " + f.Where() + " " + f.code_name);
    std::optional<RemotingCommand> ours = Replay(*socket, f);
    ++replayed;
    if (!ours) continue;
    const VectorFrame* java = FindJavaResponse(frames, f);
    ASSERT_NE(java, nullptr);
    ExpectSameAsJava(*ours, *java);
  }
  EXPECT_GT(replayed, 0) << file;
}

// The last REGISTER_BROKER body the Java master sent in 01-broker-register.jsonl.
RegisterBrokerBody CapturedMasterBody() {
  RegisterBrokerBody body;
  for (const auto& f : LoadFrames("01-broker-register.jsonl")) {
    if (f.is_request && f.code_name == "REGISTER_BROKER") {
      Result<RegisterBrokerBody> b = RegisterBrokerBody::Decode(f.body, false);
      EXPECT_TRUE(b.ok()) << b.status().ToString();
      if (b.ok()) body = std::move(*b);
    }
  }
  return body;
}

// A REGISTER_BROKER frame for the vectors' master broker-a with `body`.
std::string RegisterFrame(const RegisterBrokerBody& body, int32_t opaque) {
  RemotingCommand req = RemotingCommand::CreateRequest(RequestCode::kRegisterBroker);
  const std::string json = body.ToJson();
  req.SetExtField("brokerId", "0");
  req.SetExtField("bodyCrc32", std::to_string(RocketmqCrc32(json)));
  req.SetExtField("clusterName", "DefaultCluster");
  req.SetExtField("brokerAddr", "127.0.0.1:20911");
  req.SetExtField("haServerAddr", "127.0.0.1:20912");
  req.SetExtField("compressed", "false");
  req.SetExtField("brokerName", "broker-a");
  req.set_opaque(opaque);
  req.set_body(json);
  return req.Encode();
}

void AddTopic(RegisterBrokerBody& body, const std::string& name, int queues, int perm) {
  TopicConfig c;
  c.topic_name = name;
  c.read_queue_nums = queues;
  c.write_queue_nums = queues;
  c.perm = perm;
  body.topic_config_serialize_wrapper.topic_config_table[name] = c;
  body.topic_config_serialize_wrapper.data_version.counter += 1;
}

class NamesrvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    StartController();
    ASSERT_TRUE(client_.Start().ok());
  }

  void TearDown() override {
    client_.Shutdown();
    controller_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  NamesrvConfig Config() const {
    NamesrvConfig config;
    config.listen_address = "127.0.0.1";
    config.listen_port = 0;
    config.kv_config_path = dir_ + "/kvConfig.json";
    config.config_store_path = dir_ + "/namesrv.properties";
    return config;
  }

  void StartController() {
    controller_ = std::make_unique<NamesrvController>(Config());
    Status st = controller_->Start();
    ASSERT_TRUE(st.ok()) << st.ToString();
    addr_ = "127.0.0.1:" + std::to_string(controller_->port());
  }

  RemotingCommand Call(RemotingCommand request) {
    Result<RemotingCommand> r = client_.InvokeSync(addr_, std::move(request), kTimeoutMs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : RemotingCommand();
  }

  RemotingCommand Request(int32_t code, std::map<std::string, std::string> ext = {},
                          std::string body = std::string()) {
    RemotingCommand req = RemotingCommand::CreateRequest(code);
    for (auto& [k, v] : ext) req.SetExtField(k, v);
    req.set_body(std::move(body));
    return req;
  }

  int port() const { return controller_->port(); }

  std::string dir_;
  std::string addr_;
  std::unique_ptr<NamesrvController> controller_;
  RemotingClient client_;
};

TEST_F(NamesrvTest, ReplaysJavaBrokerRegistrationAndClusterInfo) {
  std::map<std::string, std::unique_ptr<RawSocket>> sockets;
  ReplayAndCompare(sockets, port(), "01-broker-register.jsonl");
  // mqadmin clusterList's namesrv requests (cluster info, always lenient JSON; TBW102 route in
  // standard JSON since mqadmin sends version 409).
  ReplayAndCompare(sockets, port(), "04-mqadmin-clusterList.jsonl");
}

TEST_F(NamesrvTest, ReplaysHaPairRegistrationSlaveLearnsMaster) {
  std::map<std::string, std::unique_ptr<RawSocket>> sockets;
  const std::vector<VectorFrame> frames = LoadFrames("05-ha-remoting.jsonl");
  // The master had registered before that capture began: register it first.
  for (const auto& f : frames) {
    if (f.is_request && f.code_name == "REGISTER_BROKER" && f.from == "master") {
      sockets[f.stream] = std::make_unique<RawSocket>(port());
      std::optional<RemotingCommand> r = Replay(*sockets[f.stream], f);
      ASSERT_TRUE(r.has_value());
      ExpectSameAsJava(*r, *FindJavaResponse(frames, f));
      break;
    }
  }
  ReplayAndCompare(sockets, port(), "05-ha-remoting.jsonl");
}

TEST_F(NamesrvTest, ReplaysRouteVersionsTopicListAndDeleteTopic) {
  // The captures of 02b/04 ran after topics were created on broker-a; their registrations were
  // not captured, so register the captured master body plus those topics (same queue counts and
  // perms as in the recorded routes).
  RegisterBrokerBody body = CapturedMasterBody();
  AddTopic(body, "VecTopic", 4, 6);
  for (const char* t :
       {"VecOrderTopic", "%RETRY%vec_responder_group", "VecRequestTopic",
        "%RETRY%vec_consumer_group", "VecTxTopic", "VecConsumeTopic", "VecNewTopic"}) {
    AddTopic(body, t, 4, 6);
  }
  RawSocket broker(port());
  ASSERT_TRUE(broker.Send(RegisterFrame(body, 1)));
  std::optional<std::string> reg = broker.ReadFrame();
  ASSERT_TRUE(reg.has_value());
  RemotingCommand reg_response = DecodeFrame(*reg);
  EXPECT_EQ(reg_response.code(), ResponseCode::kSuccess);
  EXPECT_TRUE(reg_response.body().empty());

  std::map<std::string, std::unique_ptr<RawSocket>> sockets;
  ReplayAndCompare(sockets, port(), "02b-route-versions.jsonl");
  ReplayAndCompare(sockets, port(), "04-mqadmin-topicRoute.jsonl");
  ReplayAndCompare(sockets, port(), "04-mqadmin-topicList.jsonl");

  // deleteTopic: VecAdminTopic exists on broker-a, mqadmin removes it from the NameServer.
  AddTopic(body, "VecAdminTopic", 4, 6);
  ASSERT_TRUE(broker.Send(RegisterFrame(body, 2)));
  ASSERT_TRUE(broker.ReadFrame().has_value());
  EXPECT_EQ(Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "VecAdminTopic"}})).code(),
            ResponseCode::kSuccess);
  ReplayAndCompare(sockets, port(), "04-mqadmin-deleteTopic.jsonl");
  RemotingCommand gone =
      Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "VecAdminTopic"}}));
  EXPECT_EQ(gone.code(), ResponseCode::kTopicNotExist);
  EXPECT_EQ(gone.remark().value_or(""),
            "No topic route info in name server for the topic: VecAdminTopic\n"
            "See http://rocketmq.apache.org/docs/faq/ for further details.");
}

TEST_F(NamesrvTest, BrokerConnectionCloseDropsItsRoutesAtOnce) {
  {
    RawSocket broker(port());
    RegisterBrokerBody body = CapturedMasterBody();
    ASSERT_TRUE(broker.Send(RegisterFrame(body, 7)));
    ASSERT_TRUE(broker.ReadFrame().has_value());
    EXPECT_EQ(Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "TBW102"}})).code(),
              ResponseCode::kSuccess);
  }  // the broker's connection closes here
  EXPECT_TRUE(WaitFor([&] {
    return Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "TBW102"}})).code() ==
           ResponseCode::kTopicNotExist;
  }));
  RemotingCommand info = Call(Request(RequestCode::kGetBrokerClusterInfo));
  EXPECT_EQ(info.body(), R"({"brokerAddrTable":{},"clusterAddrTable":{}})");
}

TEST_F(NamesrvTest, KvConfigRoundTripAndPersistenceAcrossRestart) {
  auto put = [&](const std::string& ns, const std::string& k, const std::string& v) {
    RemotingCommand r =
        Call(Request(RequestCode::kPutKvConfig, {{"namespace", ns}, {"key", k}, {"value", v}}));
    EXPECT_EQ(r.code(), ResponseCode::kSuccess);
    EXPECT_TRUE(r.ext_fields_null());
  };
  put("NS1", "k1", "v1");
  put("NS1", "k2", "v2");
  put("NS2", "k", "x");

  RemotingCommand got =
      Call(Request(RequestCode::kGetKvConfig, {{"namespace", "NS1"}, {"key", "k1"}}));
  EXPECT_EQ(got.code(), ResponseCode::kSuccess);
  EXPECT_EQ(ExtMap(got), (std::map<std::string, std::string>{{"value", "v1"}}));

  RemotingCommand missing =
      Call(Request(RequestCode::kGetKvConfig, {{"namespace", "NS1"}, {"key", "nope"}}));
  EXPECT_EQ(missing.code(), ResponseCode::kQueryNotFound);
  EXPECT_EQ(missing.remark().value_or(""), "No config item, Namespace: NS1 Key: nope");
  EXPECT_FALSE(missing.ext_fields_null());  // GetKVConfigResponseHeader: "extFields":{}

  RemotingCommand list = Call(Request(RequestCode::kGetKvlistByNamespace, {{"namespace", "NS1"}}));
  EXPECT_EQ(list.code(), ResponseCode::kSuccess);
  EXPECT_EQ(list.body(), R"({"table":{"k1":"v1","k2":"v2"}})");
  RemotingCommand no_ns = Call(Request(RequestCode::kGetKvlistByNamespace, {{"namespace", "X"}}));
  EXPECT_EQ(no_ns.code(), ResponseCode::kQueryNotFound);
  EXPECT_EQ(no_ns.remark().value_or(""), "No config item, Namespace: X");

  RemotingCommand no_key = Call(Request(RequestCode::kPutKvConfig, {{"namespace", "NS1"}}));
  EXPECT_EQ(no_key.code(), ResponseCode::kSystemError);
  EXPECT_EQ(no_key.remark().value_or(""), "namespace or key is null");

  EXPECT_EQ(
      Call(Request(RequestCode::kDeleteKvConfig, {{"namespace", "NS1"}, {"key", "k1"}})).code(),
      ResponseCode::kSuccess);
  // KVConfigSerializeWrapper JSON; namespaces in Java HashMap order (NS2 hashes first).
  EXPECT_EQ(rocketmq::test::ReadFile(dir_ + "/kvConfig.json"),
            R"({"configTable":{"NS2":{"k":"x"},"NS1":{"k2":"v2"}}})");

  // Restart on the same kvConfigPath: the table comes back.
  client_.Shutdown();
  controller_.reset();
  StartController();
  RemotingClient client2;
  ASSERT_TRUE(client2.Start().ok());
  Result<RemotingCommand> after = client2.InvokeSync(
      addr_, Request(RequestCode::kGetKvConfig, {{"namespace", "NS1"}, {"key", "k2"}}), kTimeoutMs);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->code(), ResponseCode::kSuccess);
  EXPECT_EQ(after->ext_fields().GetOr("value"), "v2");
  Result<RemotingCommand> deleted = client2.InvokeSync(
      addr_, Request(RequestCode::kGetKvConfig, {{"namespace", "NS1"}, {"key", "k1"}}), kTimeoutMs);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->code(), ResponseCode::kQueryNotFound);
  client2.Shutdown();
}

TEST_F(NamesrvTest, OrderTopicConfigInRegisterResponseAndRoute) {
  Call(Request(RequestCode::kPutKvConfig,
               {{"namespace", "ORDER_TOPIC_CONFIG"}, {"key", "TBW102"}, {"value", "broker-a:8"}}));
  RawSocket broker(port());
  ASSERT_TRUE(broker.Send(RegisterFrame(CapturedMasterBody(), 3)));
  std::optional<std::string> frame = broker.ReadFrame();
  ASSERT_TRUE(frame.has_value());
  RemotingCommand reg = DecodeFrame(*frame);
  EXPECT_EQ(reg.code(), ResponseCode::kSuccess);
  EXPECT_EQ(reg.body(), R"({"table":{"TBW102":"broker-a:8"}})");
  EXPECT_TRUE(ExtMap(reg).empty());
  EXPECT_FALSE(reg.ext_fields_null());

  // orderMessageEnable is off by default: no orderTopicConf.
  RemotingCommand route = Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "TBW102"}}));
  EXPECT_EQ(route.body().find("orderTopicConf"), std::string::npos);
  EXPECT_EQ(
      Call(Request(RequestCode::kUpdateNamesrvConfig, {}, "orderMessageEnable=true\n")).code(),
      ResponseCode::kSuccess);
  route = Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "TBW102"}}));
  EXPECT_EQ(route.body(),
            R"({"brokerDatas":[{"brokerAddrs":{"0":"127.0.0.1:20911"},"brokerName":"broker-a",)"
            R"("cluster":"DefaultCluster"}],"filterServerTable":{},"orderTopicConf":"broker-a:8",)"
            R"("queueDatas":[{"brokerName":"broker-a","perm":7,"readQueueNums":8,"topicSysFlag":0,)"
            R"("writeQueueNums":8}]})");
}

TEST_F(NamesrvTest, GetAndUpdateNamesrvConfig) {
  RemotingCommand get = Call(Request(RequestCode::kGetNamesrvConfig));
  EXPECT_EQ(get.code(), ResponseCode::kSuccess);
  Properties props = Properties::Parse(get.body());
  EXPECT_EQ(props.GetOr("kvConfigPath", ""), dir_ + "/kvConfig.json");
  // Configured as 0 (ephemeral): the bound port is reported.
  EXPECT_EQ(props.GetOr("listenPort", ""), std::to_string(port()));
  EXPECT_EQ(props.GetOr("configBlackList", ""), "configBlackList;configStorePath;kvConfigPath");
  EXPECT_EQ(props.GetOr("writeBufferHighWaterMark", ""), "0");
  EXPECT_EQ(props.GetOr("writeBufferLowWaterMark", ""), "0");
  EXPECT_EQ(props.Find("listenAddress"), nullptr);  // not one of Java's keys
  EXPECT_EQ(props.GetOr("orderMessageEnable", ""), "false");
  EXPECT_EQ(props.GetOr("serverWorkerThreads", ""), "8");

  RemotingCommand update = Call(Request(RequestCode::kUpdateNamesrvConfig, {},
                                        "orderMessageEnable=true\nclusterTest=true\n"));
  EXPECT_EQ(update.code(), ResponseCode::kSuccess);
  props = Properties::Parse(Call(Request(RequestCode::kGetNamesrvConfig)).body());
  EXPECT_EQ(props.GetOr("orderMessageEnable", ""), "true");
  EXPECT_EQ(props.GetOr("clusterTest", ""), "true");
  Properties stored = Properties::Parse(rocketmq::test::ReadFile(dir_ + "/namesrv.properties"));
  EXPECT_EQ(stored.GetOr("orderMessageEnable", ""), "true");

  // Java 4.9.8's black list: the configured keys plus rocketmqHome; one black-listed key
  // refuses the whole update.
  const std::string before = Call(Request(RequestCode::kGetNamesrvConfig)).body();
  for (const char* body :
       {"kvConfigPath=/tmp/elsewhere.json\n", "configStorePath=/tmp/x\n", "rocketmqHome=/x\n",
        "configBlackList=\n", "clusterTest=false\nkvConfigPath=/tmp/elsewhere.json\n"}) {
    RemotingCommand refused = Call(Request(RequestCode::kUpdateNamesrvConfig, {}, body));
    EXPECT_EQ(refused.code(), ResponseCode::kNoPermission) << body;
    EXPECT_EQ(refused.remark().value_or(""), "Can not update config in black list.") << body;
  }
  EXPECT_EQ(Call(Request(RequestCode::kGetNamesrvConfig)).body(), before);
  RemotingCommand bad = Call(Request(RequestCode::kUpdateNamesrvConfig, {}, "a=\\u12zz\n"));
  EXPECT_EQ(bad.code(), ResponseCode::kSystemError);
  EXPECT_EQ(bad.remark().value_or(""), "string2Properties error");
}

TEST_F(NamesrvTest, WritePermDataVersionUnregisterAndUnsupportedCodes) {
  RawSocket broker(port());
  RegisterBrokerBody body = CapturedMasterBody();
  ASSERT_TRUE(broker.Send(RegisterFrame(body, 1)));
  ASSERT_TRUE(broker.ReadFrame().has_value());
  const size_t topics = body.topic_config_serialize_wrapper.topic_config_table.size();

  RemotingCommand wipe =
      Call(Request(RequestCode::kWipeWritePermOfBroker, {{"brokerName", "broker-a"}}));
  EXPECT_EQ(wipe.code(), ResponseCode::kSuccess);
  EXPECT_EQ(ExtMap(wipe),
            (std::map<std::string, std::string>{{"wipeTopicCount", std::to_string(topics)}}));
  RemotingCommand route = Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "TBW102"}}));
  EXPECT_NE(route.body().find(R"("perm":5)"), std::string::npos) << route.body();
  RemotingCommand add =
      Call(Request(RequestCode::kAddWritePermOfBroker, {{"brokerName", "broker-a"}}));
  EXPECT_EQ(ExtMap(add),
            (std::map<std::string, std::string>{{"addTopicCount", std::to_string(topics)}}));

  const std::string version = body.topic_config_serialize_wrapper.data_version.ToJson();
  RemotingCommand same = Call(Request(RequestCode::kQueryDataVersion,
                                      {{"brokerName", "broker-a"},
                                       {"brokerAddr", "127.0.0.1:20911"},
                                       {"clusterName", "DefaultCluster"},
                                       {"brokerId", "0"}},
                                      version));
  EXPECT_EQ(same.code(), ResponseCode::kSuccess);
  EXPECT_EQ(same.ext_fields().GetOr("changed"), "false");
  EXPECT_EQ(same.body(), version);
  DataVersion newer = body.topic_config_serialize_wrapper.data_version;
  newer.counter += 1;
  RemotingCommand changed = Call(Request(RequestCode::kQueryDataVersion,
                                         {{"brokerName", "broker-a"},
                                          {"brokerAddr", "127.0.0.1:20911"},
                                          {"clusterName", "DefaultCluster"},
                                          {"brokerId", "0"}},
                                         newer.ToJson()));
  EXPECT_EQ(changed.ext_fields().GetOr("changed"), "true");

  RemotingCommand sys = Call(Request(RequestCode::kGetSystemTopicListFromNs));
  EXPECT_EQ(sys.body(),
            R"({"brokerAddr":"127.0.0.1:20911","topicList":["broker-a","DefaultCluster"]})");
  RemotingCommand by_cluster =
      Call(Request(RequestCode::kGetTopicsByCluster, {{"cluster", "DefaultCluster"}}));
  EXPECT_EQ(SortedTopics(by_cluster.body()).size(), topics);
  EXPECT_EQ(Call(Request(RequestCode::kGetUnitTopicList)).body(), R"({"topicList":[]})");

  RemotingCommand unreg =
      Call(Request(RequestCode::kUnregisterBroker, {{"brokerName", "broker-a"},
                                                    {"brokerAddr", "127.0.0.1:20911"},
                                                    {"clusterName", "DefaultCluster"},
                                                    {"brokerId", "0"}}));
  EXPECT_EQ(unreg.code(), ResponseCode::kSuccess);
  EXPECT_TRUE(unreg.ext_fields_null());
  EXPECT_EQ(Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "TBW102"}})).code(),
            ResponseCode::kTopicNotExist);

  RemotingCommand unknown = Call(Request(RequestCode::kSendMessage));
  EXPECT_EQ(unknown.code(), ResponseCode::kRequestCodeNotSupported);
  EXPECT_EQ(unknown.remark().value_or(""), " request type 10 not supported");

  // A corrupted body fails the CRC check.
  std::string frame = RegisterFrame(body, 9);
  frame[frame.size() - 3] ^= 0x01;
  ASSERT_TRUE(broker.Send(frame));
  std::optional<std::string> bad = broker.ReadFrame();
  ASSERT_TRUE(bad.has_value());
  RemotingCommand crc = DecodeFrame(*bad);
  EXPECT_EQ(crc.code(), ResponseCode::kSystemError);
  EXPECT_EQ(crc.remark().value_or(""), "crc32 not match");
}

TEST_F(NamesrvTest, CompressedRegisterBodyIsDecoded) {
  RegisterBrokerBody body = CapturedMasterBody();
  AddTopic(body, "Zipped", 3, 6);
  RemotingCommand req = Request(RequestCode::kRegisterBroker,
                                {{"brokerId", "0"},
                                 {"clusterName", "DefaultCluster"},
                                 {"brokerAddr", "127.0.0.1:20911"},
                                 {"haServerAddr", "127.0.0.1:20912"},
                                 {"compressed", "true"},
                                 {"brokerName", "broker-a"}},
                                body.EncodeCompressed());
  req.SetExtField("bodyCrc32", std::to_string(RocketmqCrc32(req.body())));
  EXPECT_EQ(Call(std::move(req)).code(), ResponseCode::kSuccess);
  RemotingCommand route = Call(Request(RequestCode::kGetRouteinfoByTopic, {{"topic", "Zipped"}}));
  EXPECT_EQ(route.code(), ResponseCode::kSuccess);
  EXPECT_NE(route.body().find(R"("readQueueNums":3)"), std::string::npos) << route.body();
}

TEST_F(NamesrvTest, GarbageFrameClosesOnlyThatConnection) {
  RawSocket good(port());
  RemotingCommand kv = Request(RequestCode::kGetKvConfig, {{"namespace", "a"}, {"key", "b"}});
  kv.set_opaque(5);
  ASSERT_TRUE(good.Send(kv.Encode()));
  ASSERT_TRUE(good.ReadFrame().has_value());

  RawSocket garbage(port());
  // Header length larger than the frame: a decode error.
  ASSERT_TRUE(garbage.Send(remoting::test::Be32(8) + remoting::test::Be32(0x00FFFFFF) + "xxxx"));
  EXPECT_TRUE(garbage.WaitClosed());

  kv.set_opaque(6);
  ASSERT_TRUE(good.Send(kv.Encode()));
  std::optional<std::string> again = good.ReadFrame();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(DecodeFrame(*again).code(), ResponseCode::kQueryNotFound);
  EXPECT_EQ(Call(Request(RequestCode::kGetBrokerClusterInfo)).code(), ResponseCode::kSuccess);
}

// ---- the real binary ----

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sa.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof(sa));
  socklen_t len = sizeof(sa);
  getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
  close(fd);
  return ntohs(sa.sin_port);
}

// mqnamesrv as a child process; killed by its PID.
class NamesrvProcess {
 public:
  NamesrvProcess(const std::string& config_path, const std::string& log_path) {
    int out[2];
    if (pipe(out) != 0) return;
    const std::string bin = std::string(ROCKETMQ_BIN_DIR) + "/mqnamesrv";
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (log >= 0) dup2(log, STDERR_FILENO);
      close(out[0]);
      close(out[1]);
      execl(bin.c_str(), bin.c_str(), "-c", config_path.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    stdout_fd_ = out[0];
  }
  ~NamesrvProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_fd_ >= 0) close(stdout_fd_);
  }

  // Reads stdout until the boot line appears (or 10 s pass).
  bool WaitBoot() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (output_.find("The Name Server boot success. serializeType=JSON\n") ==
           std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{stdout_fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      char buf[512];
      ssize_t n = read(stdout_fd_, buf, sizeof(buf));
      if (n <= 0) return false;
      output_.append(buf, static_cast<size_t>(n));
    }
    return true;
  }

  // SIGTERM, then the exit status (-1 when it did not exit normally within 10 s).
  int Terminate() {
    kill(pid_, SIGTERM);
    for (int i = 0; i < 1000; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string output_;
};

TEST(NamesrvBinaryTest, BootsServesPersistsKvAndStopsOnSigterm) {
  const std::string dir = MakeTempDir();
  const int port = FreePort();
  const std::string conf = dir + "/namesrv.conf";
  {
    std::ofstream f(conf);
    f << "listenAddress=127.0.0.1\nlistenPort=" << port << "\nkvConfigPath=" << dir
      << "/kv/kvConfig.json\nsomeUnknownKey=1\n";
  }
  const std::string addr = "127.0.0.1:" + std::to_string(port);
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    NamesrvProcess process(conf, dir + "/namesrv.log");
    ASSERT_TRUE(process.WaitBoot()) << process.output();
    EXPECT_NE(process.output().find("load config properties file OK, " + conf), std::string::npos);
    RemotingClient client;
    ASSERT_TRUE(client.Start().ok());
    if (round == 0) {
      RemotingCommand put = RemotingCommand::CreateRequest(RequestCode::kPutKvConfig);
      put.SetExtField("namespace", "NS");
      put.SetExtField("key", "k");
      put.SetExtField("value", "persisted");
      Result<RemotingCommand> r = client.InvokeSync(addr, std::move(put), kTimeoutMs);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_EQ(r->code(), ResponseCode::kSuccess);
    }
    RemotingCommand get = RemotingCommand::CreateRequest(RequestCode::kGetKvConfig);
    get.SetExtField("namespace", "NS");
    get.SetExtField("key", "k");
    Result<RemotingCommand> r = client.InvokeSync(addr, std::move(get), kTimeoutMs);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->code(), ResponseCode::kSuccess);
    EXPECT_EQ(r->ext_fields().GetOr("value"), "persisted");
    client.Shutdown();
    EXPECT_EQ(process.Terminate(), 0);
  }
  EXPECT_NE(rocketmq::test::ReadFile(dir + "/namesrv.log").find("someUnknownKey"),
            std::string::npos);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace rocketmq::namesrv
