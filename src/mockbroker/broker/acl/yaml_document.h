// YamlNode: an ordered YAML document tree with the scalar types Java's snakeyaml gives them,
// so that an ACL file can be edited the way Java's PlainPermissionManager edits it (load into
// a LinkedHashMap, change some members, dump the whole map back) without losing members it
// does not know, their order, or whether `12345678` was a number or a quoted string.
//
// ParseYaml reads with yaml-cpp and resolves plain scalars with YAML 1.1 rules (snakeyaml's
// Resolver): null/~/empty -> null, yes/no/true/false/on/off -> bool, ints, floats; quoted or
// !!str scalars stay strings. DumpYamlAsMap writes what snakeyaml's Yaml.dumpAsMap writes:
// block style, 2-space indent, sequences inside a mapping not indented ("key:\n- item"), a
// string quoted ('...') only when it would read back as another type or is not plain-safe.
// Not reproduced: snakeyaml folding plain scalars longer than 80 columns at spaces, and its
// single-quoted folding of multi-line strings (written double-quoted here, which reads back the
// same).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace rocketmq::broker::acl {

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  // What a Java loader makes of a scalar: String, Integer/Long, Boolean, Double.
  enum class Type { kString, kInt, kBool, kFloat };

  Kind kind = Kind::kNull;
  Type type = Type::kString;    // scalars only
  std::string text;             // scalars: the value (bools as "true"/"false")
  std::vector<YamlNode> items;  // kSequence
  std::vector<std::pair<std::string, YamlNode>> entries;  // kMap, in document order

  static YamlNode Null() { return YamlNode(); }
  static YamlNode String(std::string s);
  static YamlNode Int(int64_t v);
  static YamlNode Bool(bool v);
  static YamlNode Sequence(std::vector<YamlNode> items = {});
  static YamlNode StringSequence(const std::vector<std::string>& items);
  static YamlNode Map();

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMap() const { return kind == Kind::kMap; }

  // Map member `key`, or nullptr (also when this is not a map).
  const YamlNode* Find(const std::string& key) const;
  YamlNode* Find(const std::string& key);
  // Java LinkedHashMap.put: replaces the value in place, or appends the member. Turns a null
  // node into an empty map first.
  void Set(const std::string& key, YamlNode value);
  // Removes member `key`; false when absent.
  bool Erase(const std::string& key);

  // The scalar's text as Java's fastjson would convert it to a String (numbers and bools as
  // written); empty for null and collections.
  const std::string& AsString() const;
  // Scalar bool, or "true"/"false" strings (any case); `fallback` otherwise.
  bool AsBool(bool fallback) const;
  // Scalar int, or a decimal string; `fallback` otherwise.
  int64_t AsInt(int64_t fallback) const;
};

// Parses a YAML document (an empty document is a null node). Corruption with yaml-cpp's message
// (line and column) on a syntax error.
Result<YamlNode> ParseYaml(const std::string& text);

// The document as snakeyaml's dumpAsMap writes it (ends with a newline; "{}\n" for an empty
// or null root).
std::string DumpYamlAsMap(const YamlNode& root);

}  // namespace rocketmq::broker::acl
