#include "common/properties.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "common/string_util.h"

namespace rocketmq {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Joins continuation lines: a line ending in an odd number of backslashes continues on the next
// line, whose leading whitespace is dropped.
std::vector<std::string> LogicalLines(std::string_view text) {
  std::vector<std::string> lines;
  std::string current;
  bool continuing = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (end < text.size() && text[end] == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
    if (continuing) {
      size_t i = 0;
      while (i < line.size() && IsSpace(line[i])) ++i;
      line.remove_prefix(i);
    }
    size_t backslashes = 0;
    while (backslashes < line.size() && line[line.size() - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) {
      current.append(line.substr(0, line.size() - 1));
      continuing = true;
    } else {
      current.append(line);
      lines.push_back(std::move(current));
      current.clear();
      continuing = false;
    }
    if (end == text.size()) break;
  }
  if (continuing) lines.push_back(std::move(current));
  return lines;
}

// Reads a key or value from `s` starting at *i, unescaping; stops at an unescaped separator when
// `is_key`. A \u escape with fewer than four hex digits sets *malformed (Java: "Malformed
// \\uxxxx encoding.").
std::string ReadToken(const std::string& s, size_t* i, bool is_key, bool* malformed) {
  std::string out;
  while (*i < s.size()) {
    char c = s[*i];
    if (is_key && (c == '=' || c == ':' || IsSpace(c))) break;
    ++*i;
    if (c != '\\' || *i >= s.size()) {
      out.push_back(c);
      continue;
    }
    char e = s[(*i)++];
    switch (e) {
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u': {
        uint32_t cp = 0;
        int digits = 0;
        while (digits < 4 && *i < s.size() && std::isxdigit(static_cast<unsigned char>(s[*i]))) {
          cp = cp * 16 + static_cast<uint32_t>(std::stoi(std::string(1, s[*i]), nullptr, 16));
          ++*i;
          ++digits;
        }
        if (digits < 4) *malformed = true;
        AppendUtf8(cp, &out);
        break;
      }
      default:
        out.push_back(e);
        break;
    }
  }
  return out;
}

}  // namespace

Properties Properties::Parse(std::string_view text) {
  bool malformed = false;
  return ParseInternal(text, &malformed);
}

Result<Properties> Properties::ParseChecked(std::string_view text) {
  bool malformed = false;
  Properties props = ParseInternal(text, &malformed);
  if (malformed) return Status::InvalidArgument("Malformed \\uxxxx encoding.");
  return props;
}

Properties Properties::ParseInternal(std::string_view text, bool* malformed) {
  Properties props;
  for (const std::string& line : LogicalLines(text)) {
    size_t i = 0;
    while (i < line.size() && IsSpace(line[i])) ++i;
    if (i == line.size() || line[i] == '#' || line[i] == '!') continue;
    std::string key = ReadToken(line, &i, true, malformed);
    while (i < line.size() && IsSpace(line[i])) ++i;
    if (i < line.size() && (line[i] == '=' || line[i] == ':')) ++i;
    while (i < line.size() && IsSpace(line[i])) ++i;
    std::string value = ReadToken(line, &i, false, malformed);
    props.Set(key, std::move(value));
  }
  return props;
}

Result<Properties> Properties::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str());
}

void Properties::Set(const std::string& key, std::string value) {
  auto it = index_.find(key);
  if (it != index_.end()) {
    entries_[it->second].second = std::move(value);
    return;
  }
  index_[key] = entries_.size();
  entries_.emplace_back(key, std::move(value));
}

const std::string* Properties::Find(const std::string& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &entries_[it->second].second;
}

std::string Properties::GetOr(const std::string& key, const std::string& fallback) const {
  const std::string* v = Find(key);
  return v != nullptr ? *v : fallback;
}

bool Properties::Erase(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return false;
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(it->second));
  index_.clear();
  for (size_t i = 0; i < entries_.size(); ++i) index_[entries_[i].first] = i;
  return true;
}

std::string Properties::ToText() const {
  std::string out;
  for (const auto& [key, value] : entries_) {
    out += key;
    out += '=';
    out += value;
    out += '\n';
  }
  return out;
}

}  // namespace rocketmq
