// SettingsRegistry<Config>: every setting of a client object (producer, transactional producer,
// consumers) reachable by its Java name as a string ("sendMsgTimeout" -> "3000"), with type and
// range checks, so configuration files and command lines need no per-key code. The same entries
// produce docs/settings.md (RenderSettingsDoc, tool gen_settings_doc).
//
// A registry is built once (a function-local static in the function that returns it) and then
// only read: Set/Get/Describe are const and thread-safe; the Config they touch is the caller's.
// Registering a key is one line, e.g.
//   r.Int("sendMsgTimeout", RMQ_SETTING(send_msg_timeout_ms), 1, kMaxInt32, "One deadline ...");
// The default shown in the docs is read from a default-constructed Config unless given.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/status.h"

namespace rocketmq::client {

enum class SettingType { kBool, kInt, kString, kChoice };
// "bool", "int", "string", "enum".
const char* SettingTypeName(SettingType type);

inline constexpr int64_t kMaxInt32Setting = std::numeric_limits<int32_t>::max();

// What a setting is, for errors and documentation.
struct SettingInfo {
  std::string key;
  SettingType type = SettingType::kString;
  std::string section;  // heading in docs/settings.md ("Client", "Producer", ...)
  std::string default_value;
  int64_t min = 0;  // kInt only
  int64_t max = 0;
  std::vector<std::string> choices;  // kChoice only
  std::string meaning;
};

// Text -> value, with errors that name the key. Booleans are "true"/"false" (any case, as Java's
// Boolean.parseBoolean accepts only those); integers are plain decimal within [min, max].
Result<bool> ParseBoolSetting(const std::string& key, const std::string& value);
Result<int64_t> ParseIntSetting(const std::string& key, const std::string& value, int64_t min,
                                int64_t max);
// Status for a key no registry knows; `owner` names the object ("DefaultMQProducer").
Status UnknownSetting(const std::string& owner, const std::string& key);
// Status for a value outside an enum's `choices`.
Status NotAChoice(const std::string& key, const std::string& value,
                  const std::vector<std::string>& choices);

// A generic accessor for RMQ_SETTING: the member `field` of whatever config it is given.
#define RMQ_SETTING(field) \
  [](auto& c) -> auto& { return c.field; }

template <typename Config>
class SettingsRegistry {
 public:
  // `owner` names the configured object in error messages.
  explicit SettingsRegistry(std::string owner) : owner_(std::move(owner)) {}

  const std::string& owner() const { return owner_; }
  // The docs heading of the keys registered next (until the next call).
  SettingsRegistry& Section(std::string section) {
    section_ = std::move(section);
    return *this;
  }

  // An integer field (any integral type) accepting [min, max].
  template <typename Ref>
  SettingsRegistry& Int(const char* key, Ref ref, int64_t min, int64_t max, const char* meaning,
                        const char* doc_default = nullptr) {
    using Field = std::remove_reference_t<std::invoke_result_t<Ref, Config&>>;
    static_assert(std::is_integral_v<Field> && !std::is_same_v<Field, bool>);
    SettingInfo info = Info(key, SettingType::kInt, meaning);
    info.min = min;
    info.max = max;
    return Add(
        std::move(info),
        [ref, key, min, max](Config& c, const std::string& v) -> Status {
          Result<int64_t> n = ParseIntSetting(key, v, min, max);
          if (!n.ok()) return n.status();
          ref(c) = static_cast<Field>(*n);
          return Status::OK();
        },
        [ref](Config& c) { return std::to_string(ref(c)); }, doc_default);
  }

  SettingsRegistry& Bool(const char* key, std::function<bool&(Config&)> ref, const char* meaning,
                         const char* doc_default = nullptr) {
    return Add(
        Info(key, SettingType::kBool, meaning),
        [ref, key](Config& c, const std::string& v) -> Status {
          Result<bool> b = ParseBoolSetting(key, v);
          if (!b.ok()) return b.status();
          ref(c) = *b;
          return Status::OK();
        },
        [ref](Config& c) { return std::string(ref(c) ? "true" : "false"); }, doc_default);
  }

  // A string field; `check` (optional) validates a new value.
  SettingsRegistry& String(const char* key, std::function<std::string&(Config&)> ref,
                           const char* meaning, const char* doc_default = nullptr,
                           std::function<Status(const std::string&)> check = nullptr) {
    return Add(
        Info(key, SettingType::kString, meaning),
        [ref, check](Config& c, const std::string& v) -> Status {
          if (check) ROCKETMQ_RETURN_IF_ERROR(check(v));
          ref(c) = v;
          return Status::OK();
        },
        [ref](Config& c) { return ref(c); }, doc_default);
  }

  // A string field restricted to `choices` (exact spelling).
  SettingsRegistry& Choice(const char* key, std::function<std::string&(Config&)> ref,
                           std::vector<std::string> choices, const char* meaning) {
    SettingInfo info = Info(key, SettingType::kChoice, meaning);
    info.choices = choices;
    return Add(
        std::move(info),
        [ref, key, choices](Config& c, const std::string& v) -> Status {
          for (const std::string& ok : choices) {
            if (ok == v) {
              ref(c) = v;
              return Status::OK();
            }
          }
          return NotAChoice(key, v, choices);
        },
        [ref](Config& c) { return ref(c); }, nullptr);
  }

  // An enum field set by the names of its values (exact spelling), e.g. the Java enum constant
  // names {{"BROADCASTING", BROADCASTING}, {"CLUSTERING", CLUSTERING}}. Get() of a value missing
  // from `values` gives its number.
  template <typename E>
  SettingsRegistry& Enum(const char* key, std::function<E&(Config&)> ref,
                         std::vector<std::pair<std::string, E>> values, const char* meaning) {
    static_assert(std::is_enum_v<E>);
    SettingInfo info = Info(key, SettingType::kChoice, meaning);
    for (const auto& [name, value] : values) info.choices.push_back(name);
    std::vector<std::string> choices = info.choices;
    return Add(
        std::move(info),
        [ref, key, values, choices](Config& c, const std::string& v) -> Status {
          for (const auto& [name, value] : values) {
            if (name == v) {
              ref(c) = value;
              return Status::OK();
            }
          }
          return NotAChoice(key, v, choices);
        },
        [ref, values](Config& c) {
          for (const auto& [name, value] : values) {
            if (value == ref(c)) return name;
          }
          return std::to_string(static_cast<int64_t>(ref(c)));
        },
        nullptr);
  }

  // Every key of `other` (a registry of a part of Config reached through `part`), e.g. the
  // shared client keys inside a producer's config.
  template <typename Part, typename PartRef>
  SettingsRegistry& Include(const SettingsRegistry<Part>& other, PartRef part) {
    for (const auto& e : other.entries()) {
      auto set = e.set;
      auto get = e.get;
      Add(
          e.info, [set, part](Config& c, const std::string& v) { return set(part(c), v); },
          [get, part](Config& c) { return get(part(c)); }, nullptr, true);
    }
    return *this;
  }

  bool Has(const std::string& key) const { return index_.count(key) != 0; }

  // Parses and stores `value`; InvalidArgument for an unknown key or a bad value (the config is
  // then unchanged).
  Status Set(Config& config, const std::string& key, const std::string& value) const {
    auto it = index_.find(key);
    if (it == index_.end()) return UnknownSetting(owner_, key);
    return entries_[it->second].set(config, value);
  }

  // The current value as text.
  Result<std::string> Get(const Config& config, const std::string& key) const {
    auto it = index_.find(key);
    if (it == index_.end()) return UnknownSetting(owner_, key);
    // The getters only read; they take Config& so one accessor serves Set and Get.
    return entries_[it->second].get(const_cast<Config&>(config));
  }

  // Every setting in registration order.
  const std::vector<SettingInfo> Describe() const {
    std::vector<SettingInfo> out;
    for (const auto& e : entries_) out.push_back(e.info);
    return out;
  }

  struct Entry {
    SettingInfo info;
    std::function<Status(Config&, const std::string&)> set;
    std::function<std::string(Config&)> get;
  };
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  SettingInfo Info(const char* key, SettingType type, const char* meaning) const {
    SettingInfo info;
    info.key = key;
    info.type = type;
    info.section = section_;
    info.meaning = meaning;
    return info;
  }

  SettingsRegistry& Add(SettingInfo info, std::function<Status(Config&, const std::string&)> set,
                        std::function<std::string(Config&)> get, const char* doc_default,
                        bool keep_default = false) {
    if (!keep_default) {
      if (doc_default != nullptr) {
        info.default_value = doc_default;
      } else {
        Config defaults;
        info.default_value = get(defaults);
      }
    }
    // A duplicate key is a programming error; the later registration wins.
    auto [it, inserted] = index_.emplace(info.key, entries_.size());
    Entry entry{std::move(info), std::move(set), std::move(get)};
    if (inserted) {
      entries_.push_back(std::move(entry));
    } else {
      entries_[it->second] = std::move(entry);
    }
    return *this;
  }

  std::string owner_;
  std::string section_ = "General";
  std::vector<Entry> entries_;
  std::map<std::string, size_t> index_;
};

// One table of docs/settings.md: the settings of one configurable class.
struct SettingsTable {
  std::string title;  // e.g. "DefaultMQProducer"
  std::vector<SettingInfo> settings;
};

// docs/settings.md: one section per distinct SettingInfo::section in first-seen order, each a
// table "key | type | default | range | meaning" listing every key once (a key shared by several
// classes, like the client keys, is listed once with the classes that accept it).
std::string RenderSettingsDoc(const std::vector<SettingsTable>& tables);

}  // namespace rocketmq::client
