#include "extract/html_charset.h"

#include "base/utf8.h"
#include "normalize/unicode.h"

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace html_internal {
namespace {

// ---- Charset ----

// The value after "charset" / "encoding" at `pos` in a lowercased head.
std::string ValueAfter(std::string_view head, size_t pos) {
  while (pos < head.size() && IsAsciiSpace(head[pos])) ++pos;
  if (pos >= head.size() || head[pos] != '=') return "";
  ++pos;
  while (pos < head.size() &&
         (IsAsciiSpace(head[pos]) || head[pos] == '"' || head[pos] == '\'')) {
    ++pos;
  }
  size_t start = pos;
  while (pos < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[pos])) ||
          head[pos] == '-' || head[pos] == '_' || head[pos] == '.' ||
          head[pos] == ':')) {
    ++pos;
  }
  return std::string(head.substr(start, pos - start));
}

// The charset a document declares, lowercased; "" when none.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 8192));
  if (StartsWith(head, "<?xml")) {
    size_t end = head.find("?>");
    size_t enc = head.find("encoding");
    if (enc != std::string::npos && enc < end) {
      std::string v = ValueAfter(head, enc + 8);
      if (!v.empty()) return v;
    }
  }
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      std::string v = ValueAfter(tag, cs + 7);
      if (!v.empty()) return v;
    }
    pos = end;
  }
  return "";
}

// Maps a declared name to the converter we use; "" when unusable.
std::string CanonicalCharset(const std::string& declared) {
  static constexpr std::string_view kGb[] = {
      "gb2312",  "gbk",         "gb_2312-80", "x-gbk",  "cp936",
      "ms936",   "windows-936", "gb18030",    "euc-cn", "csgb2312",
      "chinese", "iso-ir-58",   "x-euc-cn",   "gb_2312"};
  for (std::string_view g : kGb) {
    if (declared == g) return "GB18030";
  }
  if (declared == "utf-8" || declared == "utf8" ||
      declared == "unicode-1-1-utf-8")
    return "UTF-8";
  if (declared == "big5" || declared == "big5-hkscs" || declared == "x-x-big5")
    return "Big5";
  // Latin-1/ASCII labels on Chinese pages are nearly always wrong, and
  // UTF-16 labels without a BOM are wrong by definition: sniff instead.
  if (declared == "iso-8859-1" || declared == "latin1" ||
      declared == "us-ascii" || declared == "ascii" ||
      declared == "windows-1252" || StartsWith(declared, "utf-16") ||
      declared.empty()) {
    return "";
  }
  return IsKnownCharset(declared) ? declared : "";
}

// Valid UTF-8 with invalid sequences replaced by U+FFFD.
std::string LossyUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  size_t pos = 0;
  while (pos < bytes.size()) AppendUtf8(DecodeUtf8(bytes, &pos), &out);
  return out;
}

}  // namespace

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

Decoded DecodeHtml(std::string_view bytes) {
  Decoded d;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    d.encoding = "UTF-8";
    if (IsValidUtf8(bytes)) {
      d.text = std::string(bytes);
    } else {
      d.text = LossyUtf8(bytes);
      d.problems.push_back(
          "starts with a UTF-8 byte order mark but is not "
          "valid UTF-8; invalid bytes replaced");
    }
    return d;
  }
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    std::string cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    Result<std::string> t = ConvertToUtf8(bytes.substr(2), cs);
    if (t.ok()) {
      d.text = std::move(t).value();
      d.encoding = cs;
      return d;
    }
    d.problems.push_back(
        "byte order mark says " + cs +
        " but the bytes do not convert: " + t.status().message());
  }
  std::string declared = DeclaredCharset(bytes);
  std::string cs = CanonicalCharset(declared);
  if (!cs.empty()) {
    if (cs == "UTF-8" && IsValidUtf8(bytes)) {
      d.text = std::string(bytes);
      d.encoding = "UTF-8";
      return d;
    }
    if (cs != "UTF-8") {
      Result<std::string> t = ConvertToUtf8(bytes, cs);
      if (t.ok()) {
        d.text = std::move(t).value();
        d.encoding = cs;
        return d;
      }
    }
    d.problems.push_back("declared charset '" + declared +
                         "' does not match the bytes; charset sniffed");
  }
  if (IsValidUtf8(bytes)) {
    d.text = std::string(bytes);
    d.encoding = "UTF-8";
    return d;
  }
  Result<std::string> gb = ConvertToUtf8(bytes, "GB18030");
  if (gb.ok()) {
    d.text = std::move(gb).value();
    d.encoding = "GB18030";
    return d;
  }
  d.text = LossyUtf8(bytes);
  d.encoding = "UTF-8";
  d.problems.push_back(
      "bytes are neither valid UTF-8 nor GB18030; invalid bytes replaced");
  return d;
}

}  // namespace html_internal
}  // namespace budgetdoc
