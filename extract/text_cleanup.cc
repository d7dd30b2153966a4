#include "extract/text_cleanup.h"

#include "base/utf8.h"

#include <cctype>

namespace budgetdoc {
namespace {

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    *len = 1;
    return true;
  }
  if (s.substr(i, 3) == "\xE3\x80\x80") {  // U+3000
    *len = 3;
    return true;
  }
  if (s.substr(i, 2) == "\xC2\xA0") {  // NBSP
    *len = 2;
    return true;
  }
  return false;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Skips one field-instruction argument: a quoted string, a switch (\h, h)
// or a bare token. Returns the new position.
size_t SkipToken(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] == '"') {
    size_t end = s.find('"', i + 1);
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  while (i < s.size() && s[i] != ' ' && static_cast<unsigned char>(s[i]) < 0x80)
    ++i;
  return i;
}

bool IsSwitch(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return false;
  if (s[i] == '\\') return true;
  // "h", "z", "u", "o", "l" written without the backslash.
  return std::isalpha(static_cast<unsigned char>(s[i])) &&
         (i + 1 == s.size() || s[i + 1] == ' ') &&
         std::string_view("hzuolnptw*").find(s[i]) != std::string_view::npos;
}

// Removes a field instruction starting at `i` (at the keyword): an optional
// target (_Toc123), switches (\h, h) and quoted arguments. Returns the
// position after it.
size_t SkipField(std::string_view s, size_t i, std::string_view keyword) {
  i += keyword.size();
  bool target_done = false;
  while (true) {
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j >= s.size()) return j;
    if (s[j] == '"' || IsSwitch(s, j)) {
      i = SkipToken(s, j);
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[j]);
    if (!target_done && c < 0x80 && !std::isdigit(c)) {
      i = SkipToken(s, j);
      target_done = true;
      continue;
    }
    return j;
  }
}

}  // namespace

std::string TrimSpaces(std::string_view s) {
  size_t len = 0;
  while (!s.empty() && IsSpaceAt(s, 0, &len)) s.remove_prefix(len);
  while (!s.empty()) {
    // Check the last 1, 2 or 3 bytes.
    if (IsSpaceAt(s, s.size() - 1, &len) && len == 1) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && IsSpaceAt(s, s.size() - 2, &len) && len == 2) {
      s.remove_suffix(2);
    } else if (s.size() >= 3 && IsSpaceAt(s, s.size() - 3, &len) && len == 3) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return std::string(s);
}

std::string RemoveConversionArtifacts(std::string_view line) {
  static constexpr std::string_view kFields[] = {"PAGEREF ", "HYPERLINK ",
                                                 "TOC "};
  std::string out;
  out.reserve(line.size());
  size_t i = 0;
  while (i < line.size()) {
    if (StartsWith(line.substr(i), "[bookmark:")) {
      size_t end = line.find(']', i);
      if (end != std::string_view::npos) {
        i = end + 1;
        continue;
      }
    }
    bool skipped = false;
    for (std::string_view f : kFields) {
      if (StartsWith(line.substr(i), f) &&
          (i == 0 || static_cast<unsigned char>(line[i - 1]) >= 0x80 ||
           line[i - 1] == ' ' || line[i - 1] == '\t')) {
        std::string_view rest = line.substr(i + f.size());
        // Only real field instructions: PAGEREF/HYPERLINK name a target
        // (_Toc…, \l), TOC has a switch.
        bool looks_like_field =
            (f == "TOC " && StartsWith(rest, "\\")) ||
            (f != "TOC " && (StartsWith(rest, "_") || StartsWith(rest, "\\") ||
                             StartsWith(rest, "\"")));
        if (!looks_like_field) continue;
        size_t end = SkipField(line, i, f);
        // A TOC page number result follows PAGEREF: drop it too.
        if (f == "PAGEREF ") {
          while (end < line.size() &&
                 std::isdigit(static_cast<unsigned char>(line[end])))
            ++end;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        i = end;
        skipped = true;
        break;
      }
    }
    if (!skipped) out.push_back(line[i++]);
  }
  return out;
}

bool IsChartPlaceholder(std::string_view text) {
  std::string t = TrimSpaces(text);
  std::string_view v = t;
  bool open = StartsWith(v, "（图") || StartsWith(v, "(图");
  if (!open) return false;
  if (CountCodePoints(v) > 80) return false;
  bool close =
      v.size() >= 3 && (v.substr(v.size() - 3) == "）" || v.back() == ')');
  return close;
}

}  // namespace budgetdoc
