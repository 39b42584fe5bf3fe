#include "tools/admin/cli/help_formatter.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <vector>

namespace rocketmq::admin::tools::cli {
namespace {

constexpr int kLeftPad = 1;  // HelpFormatter.defaultLeftPad
constexpr int kDescPad = 3;  // HelpFormatter.defaultDescPad

// Java String.compareToIgnoreCase (ASCII keys).
bool KeyLess(const Option* a, const Option* b) {
  const std::string& x = a->Key();
  const std::string& y = b->Key();
  const size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    const char cx = static_cast<char>(std::tolower(static_cast<unsigned char>(x[i])));
    const char cy = static_cast<char>(std::tolower(static_cast<unsigned char>(y[i])));
    if (cx != cy) return cx < cy;
  }
  return x.size() < y.size();
}

// Java's HashMap iteration order is the tie-break between keys equal ignoring case; none of
// mqadmin's commands has such keys, so the insertion order stands in for it.
std::vector<const Option*> Sorted(const std::vector<Option>& options) {
  std::vector<const Option*> sorted;
  for (const Option& option : options) sorted.push_back(&option);
  std::stable_sort(sorted.begin(), sorted.end(), KeyLess);
  return sorted;
}

void AppendOption(std::string& buff, const Option& option, bool required) {
  if (!required) buff += "[";
  if (!option.ShortName().empty()) {
    buff += "-" + option.ShortName();
  } else {
    buff += "--" + option.LongName();
  }
  if (option.HasArg()) buff += " <arg>";
  if (!required) buff += "]";
}

void AppendOptionGroup(std::string& buff, const OptionGroup& group) {
  if (!group.Required()) buff += "[";
  const std::vector<const Option*> sorted = Sorted(group.options());
  for (size_t i = 0; i < sorted.size(); ++i) {
    AppendOption(buff, *sorted[i], true);
    if (i + 1 < sorted.size()) buff += " | ";
  }
  if (!group.Required()) buff += "]";
}

// Character.isWhitespace for the characters that can occur here.
bool IsJavaWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
         (c >= 0x1c && c <= 0x1f);
}

std::string RTrim(const std::string& s) {
  size_t end = s.size();
  while (end > 0 && IsJavaWhitespace(s[end - 1])) --end;
  return s.substr(0, end);
}

// Java String.trim: strips characters <= ' ' at both ends.
std::string Trim(const std::string& s) {
  size_t begin = 0;
  size_t end = s.size();
  while (begin < end && static_cast<unsigned char>(s[begin]) <= ' ') ++begin;
  while (end > begin && static_cast<unsigned char>(s[end - 1]) <= ' ') --end;
  return s.substr(begin, end - begin);
}

// HelpFormatter.findWrapPos: where to break `text` for `width` columns, or -1 when it fits.
int FindWrapPos(const std::string& text, int width, int start) {
  const int length = static_cast<int>(text.size());
  size_t found = text.find('\n', start);
  if (found != std::string::npos && static_cast<int>(found) <= width) {
    return static_cast<int>(found) + 1;
  }
  found = text.find('\t', start);
  if (found != std::string::npos && static_cast<int>(found) <= width) {
    return static_cast<int>(found) + 1;
  }
  if (start + width >= length) return -1;

  int pos = start + width;
  while (pos >= start && text[pos] != ' ' && text[pos] != '\n' && text[pos] != '\r') --pos;
  if (pos > start) return pos;

  // No blank before the limit: break at the first one after it (Java would throw when there is
  // none at all; the word is kept whole instead).
  pos = start + width;
  while (pos < length && text[pos] != ' ' && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return pos == length ? -1 : pos;
}

// HelpFormatter.renderWrappedText.
void RenderWrappedText(std::string& sb, int width, int next_line_tab_stop, std::string text) {
  int pos = FindWrapPos(text, width, 0);
  if (pos == -1) {
    sb += RTrim(text);
    return;
  }
  sb += RTrim(text.substr(0, pos)) + "\n";
  if (next_line_tab_stop >= width) next_line_tab_stop = 1;
  const std::string padding(next_line_tab_stop, ' ');
  while (true) {
    text = padding + Trim(text.substr(pos));
    pos = FindWrapPos(text, width, 0);
    if (pos == -1) {
      sb += text;
      return;
    }
    if (static_cast<int>(text.size()) > width && pos == next_line_tab_stop - 1) pos = width;
    sb += RTrim(text.substr(0, pos)) + "\n";
  }
}

std::string Usage(const std::string& app, const Options& options, int width) {
  std::string buff = "usage: " + app + " ";
  std::vector<int> processed_groups;
  const std::vector<const Option*> sorted = Sorted(options.options());
  for (size_t i = 0; i < sorted.size(); ++i) {
    const Option& option = *sorted[i];
    const int group = options.GroupOf(option.Key());
    if (group >= 0) {
      if (std::find(processed_groups.begin(), processed_groups.end(), group) ==
          processed_groups.end()) {
        processed_groups.push_back(group);
        AppendOptionGroup(buff, options.groups()[group]);
      }
    } else {
      AppendOption(buff, option, option.Required());
    }
    if (i + 1 < sorted.size()) buff += " ";
  }
  std::string out;
  RenderWrappedText(out, width, static_cast<int>(buff.find(' ')) + 1, buff);
  return out + "\n";
}

std::string OptionTable(const Options& options, int width) {
  const std::string lpad(kLeftPad, ' ');
  const std::string dpad(kDescPad, ' ');
  const std::vector<const Option*> sorted = Sorted(options.options());
  std::vector<std::string> prefixes;
  size_t max = 0;
  for (const Option* option : sorted) {
    std::string prefix = lpad;
    if (option->ShortName().empty()) {
      prefix += "   --" + option->LongName();
    } else {
      prefix += "-" + option->ShortName();
      if (!option->LongName().empty()) prefix += ",--" + option->LongName();
    }
    if (option->HasArg()) prefix += " <arg>";
    max = std::max(max, prefix.size());
    prefixes.push_back(std::move(prefix));
  }
  std::string sb;
  for (size_t i = 0; i < sorted.size(); ++i) {
    std::string line = prefixes[i];
    line.append(max - line.size(), ' ');
    line += dpad + sorted[i]->Description();
    RenderWrappedText(sb, width, static_cast<int>(max) + kDescPad, line);
    if (i + 1 < sorted.size()) sb += "\n";
  }
  return sb + "\n";
}

}  // namespace

std::string FormatHelp(const std::string& app, const Options& options, int width) {
  return Usage(app, options, width) + OptionTable(options, width);
}

}  // namespace rocketmq::admin::tools::cli
