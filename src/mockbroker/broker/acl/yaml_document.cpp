#include "mockbroker/broker/acl/yaml_document.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <regex>

namespace rocketmq::broker::acl {

namespace {

// snakeyaml Resolver (YAML 1.1 implicit types).
const std::regex& BoolPattern() {
  static const std::regex re(
      "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  return re;
}
const std::regex& IntPattern() {
  static const std::regex re(
      "^(?:[-+]?0b_*[0-1]+[0-1_]*|[-+]?0_*[0-7]+[0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-"
      "F]+"
      "[0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  return re;
}
const std::regex& FloatPattern() {
  static const std::regex re(
      "^(?:[-+]?(?:\\.[0-9]+|[0-9_]+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]"
      "?"
      "[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  return re;
}
const std::regex& NullPattern() {
  static const std::regex re("^(?:~|null|Null|NULL| )$");
  return re;
}
const std::regex& OtherImplicitPattern() {  // timestamp, merge (<<), value (=), yaml (! & *)
  static const std::regex re(
      "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
      "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ "
      "\\t]*(?:Z|[-+][0-9][0-9]?"
      "(?::[0-9][0-9])?))?|<<|=|!|&|\\*)$");
  return re;
}

bool IsTrueWord(const std::string& s) {
  return s == "yes" || s == "Yes" || s == "YES" || s == "true" || s == "True" || s == "TRUE" ||
         s == "on" || s == "On" || s == "ON";
}

// True when a plain scalar `s` would not read back as a string.
bool ResolvesToNonString(const std::string& s) {
  return s.empty() || std::regex_match(s, NullPattern()) || std::regex_match(s, BoolPattern()) ||
         std::regex_match(s, IntPattern()) || std::regex_match(s, FloatPattern()) ||
         std::regex_match(s, OtherImplicitPattern());
}

YamlNode FromYamlCpp(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence: {
      YamlNode out = YamlNode::Sequence();
      for (const auto& item : n) out.items.push_back(FromYamlCpp(item));
      return out;
    }
    case YAML::NodeType::Map: {
      YamlNode out = YamlNode::Map();
      for (const auto& kv : n) out.Set(kv.first.Scalar(), FromYamlCpp(kv.second));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      // "!" marks a quoted (non-plain) scalar; an explicit !!str tag also forces a string.
      if (n.Tag() == "!" || n.Tag() == "tag:yaml.org,2002:str") return YamlNode::String(s);
      if (std::regex_match(s, NullPattern())) return YamlNode::Null();
      YamlNode out;
      out.kind = YamlNode::Kind::kScalar;
      out.text = s;
      if (std::regex_match(s, BoolPattern())) {
        out.type = YamlNode::Type::kBool;
        out.text = IsTrueWord(s) ? "true" : "false";
      } else if (std::regex_match(s, IntPattern())) {
        out.type = YamlNode::Type::kInt;
      } else if (std::regex_match(s, FloatPattern())) {
        out.type = YamlNode::Type::kFloat;
      }
      return out;
    }
    default:  // Null, Undefined
      return YamlNode::Null();
  }
}

// snakeyaml Emitter.analyzeScalar, reduced to the block-context decisions dumpAsMap needs.
enum class Style { kPlain, kSingleQuoted, kDoubleQuoted };

Style ChooseStyle(const std::string& s) {
  if (ResolvesToNonString(s)) return Style::kSingleQuoted;
  bool block_indicators = false;
  bool special = false;
  bool line_break = false;
  const bool space_edge = s.front() == ' ' || s.back() == ' ';
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool followed_by_space = i + 1 >= s.size() || s[i + 1] == ' ' || s[i + 1] == '\t' ||
                                   s[i + 1] == '\n' || s[i + 1] == '\r';
    if (i == 0) {
      if (std::string("#,[]{}&*!|>'\"%@`").find(static_cast<char>(c)) != std::string::npos) {
        block_indicators = true;
      }
      if ((c == '?' || c == ':' || c == '-') && followed_by_space) block_indicators = true;
    } else {
      if (c == ':' && followed_by_space) block_indicators = true;
      if (c == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')) block_indicators = true;
    }
    if (c == '\n' || c == '\r') {
      line_break = true;
    } else if (c < 0x20 && c != '\t') {
      special = true;
    } else if (c == 0x7f) {
      special = true;
    }
  }
  if (special || line_break) return Style::kDoubleQuoted;
  if (block_indicators || space_edge || s.find('\t') != std::string::npos) {
    return Style::kSingleQuoted;
  }
  return Style::kPlain;
}

std::string DoubleQuote(const std::string& s) {
  std::string out = "\"";
  static const char kHex[] = "0123456789ABCDEF";
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string ScalarText(const YamlNode& n) {
  if (n.IsNull()) return "null";
  if (n.type != YamlNode::Type::kString) return n.text;
  switch (ChooseStyle(n.text.empty() ? std::string() : n.text)) {
    case Style::kPlain:
      return n.text;
    case Style::kDoubleQuoted:
      return DoubleQuote(n.text);
    case Style::kSingleQuoted: {
      std::string out = "'";
      for (char c : n.text) out += c == '\'' ? std::string("''") : std::string(1, c);
      return out + "'";
    }
  }
  return n.text;
}

std::string KeyText(const std::string& key) { return ScalarText(YamlNode::String(key)); }

bool IsEmptyCollection(const YamlNode& n) {
  return (n.IsMap() && n.entries.empty()) || (n.IsSequence() && n.items.empty());
}

// Inline form of a leaf: scalar, null, [] or {}.
std::string Inline(const YamlNode& n) {
  if (n.IsMap()) return "{}";
  if (n.IsSequence()) return "[]";
  return ScalarText(n);
}

void EmitSequence(const YamlNode& seq, size_t indent, const std::string* first_prefix,
                  std::string* out);

// Writes the members of a non-empty map at `indent`; the first line starts with
// `*first_prefix` instead of the indentation when given (a map that is a sequence item).
void EmitMap(const YamlNode& map, size_t indent, const std::string* first_prefix,
             std::string* out) {
  bool first = true;
  for (const auto& [key, value] : map.entries) {
    *out += first && first_prefix != nullptr ? *first_prefix : std::string(indent, ' ');
    first = false;
    *out += KeyText(key) + ":";
    if (value.IsMap() && !value.entries.empty()) {
      *out += "\n";
      EmitMap(value, indent + 2, nullptr, out);
    } else if (value.IsSequence() && !value.items.empty()) {
      *out += "\n";
      EmitSequence(value, indent, nullptr, out);  // indentless, as snakeyaml's default
    } else {
      *out += " " + Inline(value) + "\n";
    }
  }
}

void EmitSequence(const YamlNode& seq, size_t indent, const std::string* first_prefix,
                  std::string* out) {
  bool first = true;
  for (const YamlNode& item : seq.items) {
    std::string prefix =
        (first && first_prefix != nullptr ? *first_prefix : std::string(indent, ' ')) + "- ";
    first = false;
    if (item.IsMap() && !IsEmptyCollection(item)) {
      EmitMap(item, indent + 2, &prefix, out);
    } else if (item.IsSequence() && !IsEmptyCollection(item)) {
      EmitSequence(item, indent + 2, &prefix, out);
    } else {
      *out += prefix + Inline(item) + "\n";
    }
  }
}

}  // namespace

YamlNode YamlNode::String(std::string s) {
  YamlNode n;
  n.kind = Kind::kScalar;
  n.type = Type::kString;
  n.text = std::move(s);
  return n;
}

YamlNode YamlNode::Int(int64_t v) {
  YamlNode n;
  n.kind = Kind::kScalar;
  n.type = Type::kInt;
  n.text = std::to_string(v);
  return n;
}

YamlNode YamlNode::Bool(bool v) {
  YamlNode n;
  n.kind = Kind::kScalar;
  n.type = Type::kBool;
  n.text = v ? "true" : "false";
  return n;
}

YamlNode YamlNode::Sequence(std::vector<YamlNode> items) {
  YamlNode n;
  n.kind = Kind::kSequence;
  n.items = std::move(items);
  return n;
}

YamlNode YamlNode::StringSequence(const std::vector<std::string>& items) {
  YamlNode n = Sequence();
  for (const auto& s : items) n.items.push_back(String(s));
  return n;
}

YamlNode YamlNode::Map() {
  YamlNode n;
  n.kind = Kind::kMap;
  return n;
}

const YamlNode* YamlNode::Find(const std::string& key) const {
  if (!IsMap()) return nullptr;
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

YamlNode* YamlNode::Find(const std::string& key) {
  return const_cast<YamlNode*>(static_cast<const YamlNode*>(this)->Find(key));
}

void YamlNode::Set(const std::string& key, YamlNode value) {
  if (IsNull()) kind = Kind::kMap;
  if (YamlNode* existing = Find(key)) {
    *existing = std::move(value);
    return;
  }
  entries.emplace_back(key, std::move(value));
}

bool YamlNode::Erase(const std::string& key) {
  auto it =
      std::find_if(entries.begin(), entries.end(), [&](const auto& kv) { return kv.first == key; });
  if (it == entries.end()) return false;
  entries.erase(it);
  return true;
}

const std::string& YamlNode::AsString() const {
  static const std::string kEmpty;
  return IsScalar() ? text : kEmpty;
}

bool YamlNode::AsBool(bool fallback) const {
  if (!IsScalar()) return fallback;
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "true") return true;
  if (lower == "false") return false;
  return fallback;
}

int64_t YamlNode::AsInt(int64_t fallback) const {
  if (!IsScalar() || text.empty()) return fallback;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  return end != nullptr && *end == '\0' ? static_cast<int64_t>(v) : fallback;
}

Result<YamlNode> ParseYaml(const std::string& text) {
  try {
    return FromYamlCpp(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    return Status::Corruption(std::string("yaml: ") + e.what());
  }
}

std::string DumpYamlAsMap(const YamlNode& root) {
  if (!root.IsMap() || root.entries.empty()) return "{}\n";
  std::string out;
  EmitMap(root, 0, nullptr, &out);
  return out;
}

}  // namespace rocketmq::broker::acl
