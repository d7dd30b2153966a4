#include "schema/metadata_lines.h"

#include "base/utf8.h"
#include "normalize/sections.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace metadata_internal {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsSpace(char32_t c) {
  return c <= 0x20 || c == 0x3000 || c == 0xA0 || c == 0x200B || c == 0xFEFF;
}

char32_t At(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, &pos);
}

size_t PrevBoundary(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

bool IsNameChar(char32_t c) {
  return IsCjkIdeograph(c) || c == 0xFF08 || c == 0xFF09 || c == '(' ||
         c == ')';
}

size_t CountChars(std::string_view s) { return CountCodePoints(s); }

std::string_view TrimToOrg(std::string_view s) {
  std::string_view best;
  size_t pos = 0, chars = 0;
  while (pos < s.size() && chars < kMaxOrgChars) {
    DecodeUtf8(s, &pos);
    ++chars;
    std::string_view prefix = s.substr(0, pos);
    for (std::string_view suffix : kOrgSuffixes) {
      if (EndsWith(prefix, suffix)) {
        best = prefix;
        break;
      }
    }
  }
  return best;
}

std::vector<Placeholder> FindPlaceholders(std::string_view s) {
  std::vector<Placeholder> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(s, &pos);
    if (c == 'X' || c == 'x' || c == 0xD7 /* × */) {
      size_t end = pos, n = 1;
      while (end < s.size()) {
        size_t next = end;
        char32_t d = DecodeUtf8(s, &next);
        if (d != 'X' && d != 'x' && d != 0xD7) break;
        end = next;
        ++n;
      }
      char32_t before = start > 0 ? At(s, PrevBoundary(s, start)) : 0;
      char32_t after = At(s, end);
      auto ascii_letter = [](char32_t ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
      };
      if (n >= 2 && !ascii_letter(before) && !ascii_letter(after)) {
        out.push_back({start, end});
      }
      pos = end;
    } else if (s.substr(start, 6) == "某某") {
      out.push_back({start, start + 6});
      pos = start + 6;
    }
  }
  return out;
}

bool HasPlaceholder(std::string_view s) { return !FindPlaceholders(s).empty(); }

Line MakeLine(std::string_view normalized) {
  Line line;
  size_t pos = 0;
  while (pos < normalized.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(normalized, &pos);
    if (IsSpace(c)) continue;
    for (size_t i = start; i < pos; ++i) {
      line.text.push_back(normalized[i]);
      line.norm.push_back(static_cast<int>(i));
    }
  }
  line.norm.push_back(static_cast<int>(normalized.size()));
  return line;
}

std::vector<Line> CollectLines(const NormalizedDocument& nd) {
  std::set<int> heading_blocks;
  for (const Section& s : nd.sections.sections) {
    if (s.block >= 0) heading_blocks.insert(s.block);
  }
  std::vector<Line> lines;
  for (size_t i = 0; i < nd.doc.blocks.size() && i < nd.blocks.size(); ++i) {
    const Block& b = nd.doc.blocks[i];
    int bi = static_cast<int>(i);
    if (b.kind == BlockKind::kChart) continue;
    if (b.kind == BlockKind::kTable) {
      if (b.table < 0 || static_cast<size_t>(b.table) >= nd.doc.tables.size())
        continue;
      const Table& t = nd.doc.tables[static_cast<size_t>(b.table)];
      for (const std::string& caption : {t.title, t.unit_text}) {
        if (caption.empty()) continue;
        Line line = MakeLine(NormalizeText(caption).text);
        line.block = bi;
        if (!line.text.empty()) lines.push_back(std::move(line));
      }
      if (static_cast<size_t>(b.table) >= nd.cells.size()) continue;
      const auto& rows = nd.cells[static_cast<size_t>(b.table)];
      for (size_t r = 0; r < rows.size(); ++r) {
        for (size_t c = 0; c < rows[r].size(); ++c) {
          Line line = MakeLine(rows[r][c]);
          if (line.text.empty()) continue;
          line.block = bi;
          line.table = b.table;
          line.row = static_cast<int>(r);
          line.column = static_cast<int>(c);
          lines.push_back(std::move(line));
        }
      }
      continue;
    }
    Line line = MakeLine(nd.blocks[i].text);
    if (line.text.empty()) continue;
    line.block = bi;
    line.is_text = true;
    line.heading = b.kind == BlockKind::kHeading || heading_blocks.count(bi);
    lines.push_back(std::move(line));
  }
  return lines;
}

Provenance Where(const NormalizedDocument& nd, const Line& line, size_t begin,
                 size_t end) {
  Provenance p;
  p.source = nd.doc.source;
  p.block = line.block;
  if (line.block >= 0 &&
      static_cast<size_t>(line.block) < nd.doc.blocks.size()) {
    p.page = nd.doc.blocks[static_cast<size_t>(line.block)].page;
  }
  if (line.table >= 0) {
    p.table = line.table;
    p.row = line.row;
    p.column = line.column;
    return p;
  }
  if (!line.is_text) return p;
  begin = std::min(begin, line.text.size());
  end = std::min(std::max(end, begin), line.text.size());
  const NormalizedText& nt = nd.blocks[static_cast<size_t>(line.block)];
  p.norm_begin = line.norm[begin];
  // The end is one past the last kept byte.
  p.norm_end = end == 0 ? line.norm[0] : line.norm[end - 1] + 1;
  {
    p.raw_begin =
        static_cast<int>(nt.RawBegin(static_cast<size_t>(p.norm_begin)));
    p.raw_end = static_cast<int>(nt.RawEnd(static_cast<size_t>(p.norm_end)));
  }
  return p;
}

std::vector<YearAt> FindYears(std::string_view s) {
  std::vector<YearAt> out;
  for (size_t i = 0; i + 4 < s.size(); ++i) {
    if (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == 'X')) continue;
    std::string_view four = s.substr(i, 4);
    bool digits = std::all_of(four.begin(), four.end(), IsDigit);
    bool placeholder = (four == "20XX" || four == "XXXX" || four == "20xx");
    if (!digits && !placeholder) continue;
    if (!StartsWith(s.substr(i + 4), "年")) continue;
    YearAt y;
    y.begin = i;
    y.end = i + 4 + std::string_view("年").size();
    if (StartsWith(s.substr(y.end), "度"))
      y.end += std::string_view("度").size();
    if (digits) {
      y.year = std::stoi(std::string(four));
      if (y.year < 1990 || y.year > 2099) continue;
    }
    out.push_back(y);
  }
  return out;
}

bool IsDate(std::string_view s, const YearAt& y) {
  std::string_view after = s.substr(y.begin + 4 + 3);
  size_t d = 0;
  while (d < after.size() && IsDigit(after[d])) ++d;
  return d > 0 && StartsWith(after.substr(d), "月");
}

bool IsComparisonOrDate(std::string_view s, const YearAt& y) {
  std::string_view before = s.substr(0, y.begin);
  for (std::string_view w : kNotFiscalBefore) {
    if (EndsWith(before, w)) return true;
  }
  return IsDate(s, y);
}

std::string_view ClauseAfter(std::string_view s, size_t from) {
  std::string_view rest = s.substr(from, 30);
  for (std::string_view stop : {"，", "。", "；", "：", ",", ";", ":"}) {
    size_t p = rest.find(stop);
    if (p != std::string_view::npos) rest = rest.substr(0, p);
  }
  return rest;
}

bool ContainsAny(std::string_view s, const std::string_view* words, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s.find(words[i]) != std::string_view::npos) return true;
  }
  return false;
}

size_t CountOccurrences(std::string_view s, std::string_view w,
                        std::string_view unless_followed_by) {
  size_t n = 0;
  for (size_t p = s.find(w); p != std::string_view::npos;
       p = s.find(w, p + w.size())) {
    if (!unless_followed_by.empty() &&
        StartsWith(s.substr(p + w.size()), unless_followed_by)) {
      continue;
    }
    ++n;
  }
  return n;
}

}  // namespace metadata_internal
}  // namespace budgetdoc
