#include "remoting/remoting_command.h"

#include <charconv>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include <json/json.h>

#include "common/byte_order.h"
#include "common/json_writer.h"
#include "common/string_util.h"
#include "remoting/json_header_fast.h"

namespace rocketmq::remoting {

namespace {

constexpr const char* kLanguageNames[] = {
    "JAVA",  "CPP",  "DOTNET", "PYTHON", "DELPHI", "ERLANG", "RUBY",
    "OTHER", "HTTP", "GO",     "PHP",    "OMS",    "RUST",   "NODE_JS",
};
constexpr size_t kLanguageCount = sizeof(kLanguageNames) / sizeof(kLanguageNames[0]);

constexpr uint32_t kMaxHeaderLength = 0x00FFFFFF;

LanguageCode LanguageFromNumber(int64_t n) {
  if (n >= 0 && static_cast<size_t>(n) < kLanguageCount) return static_cast<LanguageCode>(n);
  return LanguageCode::kOther;
}

// ---------------------------------------------------------------------------------------------
// JSON header decoding.
//
// jsoncpp parses and unescapes, but its objects forget member order. JsonScanner walks the same
// (already validated) text to recover the order of the extFields members and the literal text of
// numeric values. It is defensive anyway: it never reads outside the text.
class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : s_(text) {}

  void SkipWhitespace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Consume(char c) {
    SkipWhitespace();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // A string token; *raw receives the text between the quotes, escapes untouched.
  bool String(std::string_view* raw) {
    SkipWhitespace();
    if (pos_ >= s_.size() || s_[pos_] != '"') return false;
    const size_t begin = ++pos_;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\\') {
        pos_ += 2;
      } else if (c == '"') {
        *raw = s_.substr(begin, pos_ - begin);
        ++pos_;
        return true;
      } else {
        ++pos_;
      }
    }
    return false;
  }
  // Any value; *raw receives its whole text (strings with their quotes).
  bool Value(std::string_view* raw) {
    SkipWhitespace();
    if (pos_ >= s_.size()) return false;
    const size_t begin = pos_;
    const char c = s_[pos_];
    if (c == '"') {
      std::string_view ignored;
      if (!String(&ignored)) return false;
    } else if (c == '{' || c == '[') {
      int depth = 0;
      while (pos_ < s_.size()) {
        const char d = s_[pos_];
        if (d == '"') {
          std::string_view ignored;
          if (!String(&ignored)) return false;
          continue;
        }
        ++pos_;
        if (d == '{' || d == '[') {
          ++depth;
        } else if (d == '}' || d == ']') {
          if (--depth == 0) break;
        }
      }
      if (depth != 0) return false;
    } else {
      while (pos_ < s_.size()) {
        const char d = s_[pos_];
        if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\n' || d == '\r') {
          break;
        }
        ++pos_;
      }
      if (pos_ == begin) return false;
    }
    *raw = s_.substr(begin, pos_ - begin);
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

// The jsoncpp reader for headers: standard JSON, nothing after the object, duplicate keys allowed
// (the last one wins, as in fastjson). A CharReader keeps parse state, hence one per thread.
Json::CharReader& HeaderReader() {
  thread_local const std::unique_ptr<Json::CharReader> reader = [] {
    Json::CharReaderBuilder builder;
    builder["allowComments"] = false;
    builder["allowSingleQuotes"] = false;
    builder["allowNumericKeys"] = false;
    builder["failIfExtra"] = true;
    builder["rejectDupKeys"] = false;
    // Headers are two levels deep; jsoncpp throws (not returns false) past this depth, see
    // ParseHeaderJson.
    builder["stackLimit"] = 64;
    return std::unique_ptr<Json::CharReader>(builder.newCharReader());
  }();
  return *reader;
}

// HeaderReader().parse, but false where jsoncpp throws (nesting deeper than its stackLimit):
// an exception would escape the connection's read handler and end the server.
bool ParseHeaderJson(std::string_view text, Json::Value* out, std::string* errors) {
  try {
    return HeaderReader().parse(text.data(), text.data() + text.size(), out, errors);
  } catch (const Json::Exception& e) {
    *errors = e.what();
    return false;
  }
}

// Members of the JSON object `object_text`, in text order: (escaped key, raw value text).
bool ScanObjectMembers(std::string_view object_text,
                       std::vector<std::pair<std::string_view, std::string_view>>* members) {
  JsonScanner scan(object_text);
  if (!scan.Consume('{')) return false;
  if (scan.Consume('}')) return true;
  do {
    std::string_view key;
    std::string_view value;
    if (!scan.String(&key) || !scan.Consume(':') || !scan.Value(&value)) return false;
    members->emplace_back(key, value);
  } while (scan.Consume(','));
  return scan.Consume('}');
}

// Unescapes a JSON string token's content (without its quotes).
std::string UnescapeJsonKey(std::string_view escaped) {
  if (escaped.find('\\') == std::string_view::npos) return std::string(escaped);
  const std::string quoted = "\"" + std::string(escaped) + "\"";
  Json::Value v;
  std::string errors;
  if (ParseHeaderJson(quoted, &v, &errors) && v.isString()) {
    return v.asString();
  }
  return std::string(escaped);
}

std::string CompactJson(const Json::Value& v) {
  Json::StreamWriterBuilder builder;
  builder["indentation"] = "";
  return Json::writeString(builder, v);
}

// One extFields value as the string a Java HashMap<String,String> would hold: strings as they
// are, numbers as their literal text, booleans as "true"/"false". false for null (skipped).
bool ExtValueToString(const Json::Value& v, std::string_view raw, std::string* out) {
  if (v.isNull()) return false;
  if (v.isString()) {
    *out = v.asString();
  } else if (v.isBool()) {
    *out = v.asBool() ? "true" : "false";
  } else if (!raw.empty()) {
    *out = std::string(raw);
  } else {
    *out = CompactJson(v);
  }
  return true;
}

Status ReadExtFields(const Json::Value& ext, std::string_view header_text, ExtFields* out) {
  if (!ext.isObject()) return Status::Corruption("extFields is not a JSON object");
  // Find the raw text of the top-level "extFields" object (the last one, as jsoncpp keeps).
  std::vector<std::pair<std::string_view, std::string_view>> top;
  std::string_view ext_text;
  if (ScanObjectMembers(header_text, &top)) {
    for (const auto& [key, value] : top) {
      if (key == "extFields") ext_text = value;
    }
  }
  std::vector<std::pair<std::string_view, std::string_view>> members;
  if (!ext_text.empty() && !ScanObjectMembers(ext_text, &members)) members.clear();

  std::vector<ExtFields::Entry> entries;
  entries.reserve(ext.size());
  std::unordered_set<std::string> seen;
  for (const auto& [escaped_key, raw_value] : members) {
    std::string key = UnescapeJsonKey(escaped_key);
    const Json::Value* v = ext.find(key.data(), key.data() + key.size());
    if (v == nullptr) continue;
    std::string value;
    if (!ExtValueToString(*v, raw_value, &value)) continue;
    seen.insert(key);
    entries.emplace_back(std::move(key), std::move(value));
  }
  // Members the scanner could not place (only for exotic input): jsoncpp's order.
  for (auto it = ext.begin(); it != ext.end(); ++it) {
    std::string key = it.name();
    if (seen.count(key) != 0) continue;
    std::string value;
    if (!ExtValueToString(*it, std::string_view(), &value)) continue;
    entries.emplace_back(std::move(key), std::move(value));
  }
  *out = ExtFields::FromEntries(std::move(entries));
  return Status::OK();
}

// An int field of the JSON header: absent/null keeps *out; numbers and numeric strings accepted.
Status ReadJsonInt(const Json::Value& root, const char* key, int32_t* out) {
  const Json::Value* v = root.find(key, key + std::char_traits<char>::length(key));
  if (v == nullptr || v->isNull()) return Status::OK();
  if (v->isInt()) {
    *out = v->asInt();
    return Status::OK();
  }
  if (v->isString() && ParseJavaInteger(std::string_view(v->asString()), out)) return Status::OK();
  return Status::Corruption(std::string("JSON header field ") + key + " is not an int");
}


// ---------------------------------------------------------------------------------------------
// ROCKETMQ binary header (protocol.md §1.4).

Status ReadBinaryExtFields(std::string_view bytes, ExtFields* out) {
  ByteReader r(bytes);
  std::vector<ExtFields::Entry> entries;
  while (r.remaining() > 0) {
    int16_t key_len;
    std::string_view key;
    int32_t value_len;
    std::string_view value;
    if (!r.GetI16(&key_len)) return Status::Corruption("binary extFields: truncated key length");
    if (key_len < 0) return Status::Corruption("binary extFields: negative key length");
    if (!r.GetBytes(static_cast<size_t>(key_len), &key)) {
      return Status::Corruption("binary extFields: key longer than the map");
    }
    if (!r.GetI32(&value_len))
      return Status::Corruption("binary extFields: truncated value length");
    if (value_len < 0) return Status::Corruption("binary extFields: negative value length");
    if (!r.GetBytes(static_cast<size_t>(value_len), &value)) {
      return Status::Corruption("binary extFields: value longer than the map");
    }
    entries.emplace_back(std::string(key), std::string(value));
  }
  *out = ExtFields::FromEntries(std::move(entries));
  return Status::OK();
}

Result<RemotingCommand> DecodeBinaryHeader(std::string_view header) {
  ByteReader r(header);
  int16_t code, version;
  uint8_t language;
  int32_t opaque, flag, remark_len;
  if (!r.GetI16(&code) || !r.GetU8(&language) || !r.GetI16(&version) || !r.GetI32(&opaque) ||
      !r.GetI32(&flag) || !r.GetI32(&remark_len)) {
    return Status::Corruption("binary header shorter than its fixed part (" +
                              std::to_string(header.size()) + " bytes)");
  }
  RemotingCommand cmd;
  cmd.set_serialize_type(SerializeType::kRocketMQ);
  cmd.set_code(code);
  cmd.set_language(LanguageFromNumber(language));
  cmd.set_version(version);
  cmd.set_opaque(opaque);
  cmd.set_flag(flag);
  if (remark_len < 0) return Status::Corruption("binary header: negative remark length");
  if (static_cast<size_t>(remark_len) > r.remaining()) {
    return Status::Corruption("binary header: remark length " + std::to_string(remark_len) +
                              " exceeds header length " + std::to_string(header.size()));
  }
  if (remark_len > 0) {
    std::string_view remark;
    (void)r.GetBytes(static_cast<size_t>(remark_len), &remark);
    cmd.set_remark(std::string(remark));
  }
  int32_t ext_len;
  if (!r.GetI32(&ext_len)) return Status::Corruption("binary header: truncated extFields length");
  if (ext_len < 0) return Status::Corruption("binary header: negative extFields length");
  if (static_cast<size_t>(ext_len) > r.remaining()) {
    return Status::Corruption("binary header: extFields length " + std::to_string(ext_len) +
                              " exceeds header length " + std::to_string(header.size()));
  }
  if (ext_len > 0) {
    std::string_view ext;
    (void)r.GetBytes(static_cast<size_t>(ext_len), &ext);
    ROCKETMQ_RETURN_IF_ERROR(ReadBinaryExtFields(ext, &cmd.mutable_ext_fields()));
  }
  return cmd;
}

void AppendInt(int32_t v, std::string* out) { out->append(std::to_string(v)); }

}  // namespace

Result<RemotingCommand> DecodeJsonHeaderGeneral(std::string_view header) {
  Json::Value parsed;
  std::string errors;
  if (!ParseHeaderJson(header, &parsed, &errors)) {
    return Status::Corruption("bad JSON header: " + errors);
  }
  if (!parsed.isObject()) return Status::Corruption("JSON header is not an object");
  const Json::Value& root = parsed;  // const: operator[] must not insert members

  RemotingCommand cmd;
  cmd.set_serialize_type(SerializeType::kJson);
  int32_t code = 0, version = 0, opaque = 0, flag = 0;
  ROCKETMQ_RETURN_IF_ERROR(ReadJsonInt(root, "code", &code));
  ROCKETMQ_RETURN_IF_ERROR(ReadJsonInt(root, "version", &version));
  ROCKETMQ_RETURN_IF_ERROR(ReadJsonInt(root, "opaque", &opaque));
  ROCKETMQ_RETURN_IF_ERROR(ReadJsonInt(root, "flag", &flag));
  cmd.set_code(code);
  cmd.set_version(version);
  cmd.set_opaque(opaque);
  cmd.set_flag(flag);

  // Java's field default is JAVA; an unknown name or number is OTHER.
  LanguageCode language = LanguageCode::kJava;
  const Json::Value& lang = root["language"];
  if (lang.isString()) {
    if (!ParseLanguageName(lang.asString(), &language)) language = LanguageCode::kOther;
  } else if (lang.isInt()) {
    language = LanguageFromNumber(lang.asInt());
  } else if (!lang.isNull()) {
    language = LanguageCode::kOther;
  }
  cmd.set_language(language);

  const Json::Value& remark = root["remark"];
  if (remark.isString()) {
    cmd.set_remark(remark.asString());
  } else if (!remark.isNull()) {
    return Status::Corruption("JSON header remark is not a string");
  }

  const Json::Value& ext = root["extFields"];
  if (!ext.isNull()) {
    ROCKETMQ_RETURN_IF_ERROR(ReadExtFields(ext, header, &cmd.mutable_ext_fields()));
  }
  return cmd;
}

// ---------------------------------------------------------------------------------------------

const char* LanguageName(LanguageCode code) {
  const auto i = static_cast<size_t>(code);
  return i < kLanguageCount ? kLanguageNames[i] : "OTHER";
}

bool ParseLanguageName(std::string_view name, LanguageCode* code) {
  for (size_t i = 0; i < kLanguageCount; ++i) {
    if (name == kLanguageNames[i]) {
      *code = static_cast<LanguageCode>(i);
      return true;
    }
  }
  return false;
}

void ExtFields::Set(std::string key, std::string value) {
  for (auto& entry : entries_) {
    if (entry.first == key) {
      entry.second = std::move(value);
      return;
    }
  }
  entries_.emplace_back(std::move(key), std::move(value));
}

const std::string* ExtFields::Find(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.first == key) return &entry.second;
  }
  return nullptr;
}

std::string ExtFields::GetOr(std::string_view key, std::string fallback) const {
  const std::string* v = Find(key);
  return v != nullptr ? *v : std::move(fallback);
}

bool ExtFields::Erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->first == key) {
      entries_.erase(it);
      return true;
    }
  }
  return false;
}

ExtFields ExtFields::FromEntries(std::vector<Entry> entries) {
  ExtFields result;
  // Headers hold a few dozen fields at most: a linear look-back costs less than building a hash
  // index (one allocation per key), and most keys differ in length at the first comparison.
  constexpr size_t kLinearLimit = 48;
  if (entries.size() <= kLinearLimit) {
    result.entries_ = std::move(entries);
    size_t kept = 0;
    for (size_t i = 0; i < result.entries_.size(); ++i) {
      Entry& entry = result.entries_[i];
      size_t j = 0;
      while (j < kept && result.entries_[j].first != entry.first) ++j;
      if (j < kept) {
        result.entries_[j].second = std::move(entry.second);
      } else {
        if (kept != i) result.entries_[kept] = std::move(entry);
        ++kept;
      }
    }
    result.entries_.resize(kept);
    return result;
  }
  result.entries_.reserve(entries.size());
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(entries.size());
  for (auto& entry : entries) {
    auto it = index.find(entry.first);
    if (it != index.end()) {
      result.entries_[it->second].second = std::move(entry.second);
      continue;
    }
    result.entries_.push_back(std::move(entry));
    // Keys of result.entries_ move with the vector's buffer only on reallocation, which the
    // reserve above rules out, so the views stay valid.
    index.emplace(result.entries_.back().first, result.entries_.size() - 1);
  }
  return result;
}

RemotingCommand RemotingCommand::CreateRequest(int32_t code) {
  RemotingCommand cmd;
  cmd.code_ = code;
  return cmd;
}

RemotingCommand RemotingCommand::CreateResponse(const RemotingCommand& request, int32_t code,
                                                std::optional<std::string> remark) {
  RemotingCommand cmd;
  cmd.code_ = code;
  cmd.opaque_ = request.opaque_;
  cmd.flag_ = kFlagResponse;
  cmd.remark_ = std::move(remark);
  // Java servers answer in the serialization the request used (seen in the 4.9.8 captures).
  cmd.serialize_type_ = request.serialize_type_;
  return cmd;
}

Result<std::string> RemotingCommand::GetExtString(std::string_view key) const {
  const std::string* v = ext_fields_.Find(key);
  if (v == nullptr) return Status::NotFound("header field " + std::string(key) + " is absent");
  return *v;
}

Result<int64_t> RemotingCommand::GetExtInt64(std::string_view key) const {
  const std::string* v = ext_fields_.Find(key);
  if (v == nullptr) return Status::NotFound("header field " + std::string(key) + " is absent");
  int64_t n;
  if (!ParseJavaInteger(std::string_view(*v), &n)) {
    return Status::InvalidArgument("header field " + std::string(key) + "=" + *v +
                                   " is not a long");
  }
  return n;
}

Result<int32_t> RemotingCommand::GetExtInt32(std::string_view key) const {
  const std::string* v = ext_fields_.Find(key);
  if (v == nullptr) return Status::NotFound("header field " + std::string(key) + " is absent");
  int32_t n;
  if (!ParseJavaInteger(std::string_view(*v), &n)) {
    return Status::InvalidArgument("header field " + std::string(key) + "=" + *v +
                                   " is not an int");
  }
  return n;
}

bool RemotingCommand::GetExtBool(std::string_view key, bool fallback) const {
  const std::string* v = ext_fields_.Find(key);
  if (v == nullptr) return fallback;
  if (v->size() != 4) return false;
  static constexpr char kTrue[] = "true";
  for (size_t i = 0; i < 4; ++i) {
    char c = (*v)[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kTrue[i]) return false;
  }
  return true;
}

std::string RemotingCommand::EncodeHeader() const {
  std::string out;
  if (serialize_type_ == SerializeType::kRocketMQ) {
    ByteWriter w(&out);
    w.PutI16(static_cast<int16_t>(code_));
    w.PutU8(static_cast<uint8_t>(language_));
    w.PutI16(static_cast<int16_t>(version_));
    w.PutI32(opaque_);
    w.PutI32(flag_);
    if (remark_.has_value() && !remark_->empty()) {
      w.PutI32(static_cast<int32_t>(remark_->size()));
      w.PutBytes(*remark_);
    } else {
      w.PutI32(0);
    }
    const size_t ext_len_pos = w.size();
    w.PutI32(0);
    for (const auto& [key, value] : ext_fields_.entries()) {
      w.PutI16(static_cast<int16_t>(key.size()));
      w.PutBytes(key);
      w.PutI32(static_cast<int32_t>(value.size()));
      w.PutBytes(value);
    }
    w.PatchI32(ext_len_pos, static_cast<int32_t>(w.size() - ext_len_pos - 4));
    return out;
  }

  // fastjson with SortField: keys in alphabetical order, null fields omitted.
  out.reserve(128 + (remark_ ? remark_->size() : 0) + 32 * ext_fields_.size());
  out.append("{\"code\":");
  AppendInt(code_, &out);
  if (!ext_fields_null_) {
    out.append(",\"extFields\":{");
    bool first = true;
    for (const auto& [key, value] : ext_fields_.entries()) {
      if (!first) out.push_back(',');
      first = false;
      AppendJsonQuoted(key, &out);
      out.push_back(':');
      AppendJsonQuoted(value, &out);
    }
    out.push_back('}');
  }
  out.append(",\"flag\":");
  AppendInt(flag_, &out);
  out.append(",\"language\":\"");
  out.append(LanguageName(language_));
  out.append("\",\"opaque\":");
  AppendInt(opaque_, &out);
  if (remark_.has_value()) {
    out.append(",\"remark\":");
    AppendJsonQuoted(*remark_, &out);
  }
  out.append(",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":");
  AppendInt(version_, &out);
  out.push_back('}');
  return out;
}

std::string RemotingCommand::EncodeHead() const {
  const std::string header = EncodeHeader();
  std::string frame;
  frame.reserve(8 + header.size() + body_.size());
  ByteWriter w(&frame);
  w.PutU32(static_cast<uint32_t>(4 + header.size() + body_size()));
  w.PutU32((static_cast<uint32_t>(serialize_type_) << 24) |
           (static_cast<uint32_t>(header.size()) & kMaxHeaderLength));
  w.PutBytes(header);
  w.PutBytes(body_);
  return frame;
}

std::string RemotingCommand::Encode() const {
  std::string frame = EncodeHead();
  if (!body_refs_.empty()) {
    frame.reserve(frame.size() + body_refs_size_);
    for (const BodyRef& ref : body_refs_) frame.append(ref.data, ref.size);
  }
  return frame;
}

Result<RemotingCommand> RemotingCommand::Decode(std::string_view frame_without_length) {
  ByteReader r(frame_without_length);
  uint32_t word;
  {
    int32_t signed_word;
    if (!r.GetI32(&signed_word)) {
      return Status::Corruption("frame of " + std::to_string(frame_without_length.size()) +
                                " bytes has no header length word");
    }
    word = static_cast<uint32_t>(signed_word);
  }
  const uint32_t header_len = word & kMaxHeaderLength;
  const uint32_t type = word >> 24;
  if (header_len > r.remaining()) {
    return Status::Corruption("header length " + std::to_string(header_len) +
                              " exceeds frame length " +
                              std::to_string(frame_without_length.size()));
  }
  std::string_view header;
  std::string_view body;
  (void)r.GetBytes(header_len, &header);
  (void)r.GetBytes(r.remaining(), &body);

  Result<RemotingCommand> decoded =
      Status::Corruption("unknown serialize type " + std::to_string(type));
  if (type == static_cast<uint32_t>(SerializeType::kJson)) {
    RemotingCommand fast;
    if (DecodeFlatJsonHeader(header, &fast)) {
      decoded = std::move(fast);
    } else {
      decoded = DecodeJsonHeaderGeneral(header);
    }
  } else if (type == static_cast<uint32_t>(SerializeType::kRocketMQ)) {
    decoded = DecodeBinaryHeader(header);
  }
  if (!decoded.ok()) return decoded;
  decoded->set_body(std::string(body));
  return decoded;
}

std::string RemotingCommand::ToString() const {
  std::string s = "RemotingCommand [code=" + std::to_string(code_) +
                  ", language=" + LanguageName(language_) +
                  ", version=" + std::to_string(version_) + ", opaque=" + std::to_string(opaque_) +
                  ", flag(B)=";
  for (int bit = 1; bit >= 0; --bit) s.push_back(((flag_ >> bit) & 1) ? '1' : '0');
  s += ", remark=" + (remark_ ? *remark_ : std::string("null"));
  if (ext_fields_null_) {
    s += ", extFields=null";
  } else {
    s += ", extFields={";
    bool first = true;
    for (const auto& [key, value] : ext_fields_.entries()) {
      if (!first) s += ", ";
      first = false;
      s += key + "=" + value;
    }
    s += "}";
  }
  s += std::string(", serializeTypeCurrentRPC=") +
       (serialize_type_ == SerializeType::kJson ? "JSON" : "ROCKETMQ") +
       ", bodyLength=" + std::to_string(body_.size()) + "]";
  return s;
}

// ---------------------------------------------------------------------------------------------

void FrameDecoder::Feed(std::string_view bytes) {
  if (!error_.ok()) return;
  if (consumed_ > 0) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  buffer_.append(bytes.data(), bytes.size());
}

bool FrameDecoder::Next(std::string* frame) {
  std::string_view view;
  if (!NextView(&view)) return false;
  frame->assign(view.data(), view.size());
  return true;
}

bool FrameDecoder::NextView(std::string_view* frame) {
  if (!error_.ok() || buffered() < 4) return false;
  const uint32_t length = DecodeFixed32BE(buffer_.data() + consumed_);
  if (length < 4 || uint64_t{length} + 4 > max_frame_length_) {
    error_ =
        Status::Corruption("frame length field " + std::to_string(length) +
                           (length < 4 ? " is below 4" : " exceeds the maximum frame length ") +
                           (length < 4 ? "" : std::to_string(max_frame_length_)));
    buffer_.clear();
    consumed_ = 0;
    return false;
  }
  if (buffered() - 4 < length) return false;
  *frame = std::string_view(buffer_.data() + consumed_ + 4, length);
  consumed_ += 4 + static_cast<size_t>(length);  // the bytes stay until the next Feed()
  return true;
}

}  // namespace rocketmq::remoting
