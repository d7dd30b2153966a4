#include "schema/metadata.h"

#include "base/utf8.h"
#include "normalize/sections.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace {

// ---- Tables of words ----

// Endings of organization names, longest first so that trimming keeps the
// most specific one.
constexpr std::string_view kOrgSuffixes[] = {
    "街道办事处", "管理委员会", "人民检察院", "人民法院", "人民政府", "办事处",
    "委员会",     "办公室",     "办公厅",     "管理局",   "检察院",   "法院",
    "中心",       "政府",       "医院",       "学校",     "研究院",   "研究所",
    "常委会",     "工会",       "联合会",     "局",       "厅",       "委",
    "办",         "院",         "部",         "署",       "所",       "站",
    "队",         "馆",         "处",         "室",       "社",       "会",
    "校"};

// Labels that introduce the publishing body, in order of preference.
constexpr std::string_view kEntityLabels[] = {
    "预算主管部门", "决算主管部门", "预算单位", "决算单位",
    "主管部门",     "部门名称",     "单位名称", "编制单位",
    "填报单位",     "部门",         "单位"};

// Level words printed between the year and the scope in titles.
constexpr std::string_view kLevelWords[] = {"区级", "市级", "省级", "县级",
                                            "镇级", "乡级", "本级", "中央"};

// Words between the body and the year in some titles.
constexpr std::string_view kTitleFillers[] = {"关于", "的", "公开"};

// Words right before a year that make it a comparison or a date, not the
// fiscal year ("与2022年度相比", "截至2023年12月31日").
constexpr std::string_view kNotFiscalBefore[] = {
    "与", "比", "较", "同", "截至", "截止", "至", "从", "自", "上", "前", "和"};

// Phrases after "YYYY年(度)" that name the report itself.
constexpr std::string_view kReportPhrases[] = {
    "部门决算", "单位决算", "部门预算", "单位预算", "决算表",   "预算表",
    "决算情况", "预算情况", "决算公开", "预算公开", "决算报告", "预算报告"};

// Evidence for the kind when the title does not say it. "部门预算项目"
// (projects of the budget) is printed by final accounts too.
constexpr std::string_view kFinalPhrases[] = {
    "部门决算", "单位决算", "决算表", "决算情况说明", "支出决算", "决算数"};
constexpr std::string_view kBudgetPhrases[] = {
    "部门预算", "单位预算", "预算表", "预算情况说明", "预算安排", "预算公开"};

// CJK characters before "万元" that mark an amount left blank
// ("支出万元", "合计万元").
constexpr std::string_view kBlankAmountBefore[] = {
    "出", "计", "入", "为", "额", "费", "是", "达", "用", "余"};

constexpr int kStrongYearWeight = 5;
constexpr int kHeadingYearWeight = 10;
constexpr int kTemplatePlaceholders = 10;
constexpr int kTemplateBlankAmounts = 10;
constexpr size_t kMaxTemplateMarkers = 5;
constexpr size_t kMaxHeadLines = 12;
constexpr size_t kMaxEntityChars = 40;
constexpr size_t kMaxOrgChars = 30;

// ---- Small string helpers (UTF-8) ----

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

// Code point at s[pos] (without advancing), or 0 at the end.
char32_t At(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, &pos);
}

// Start of the code point that ends at `pos`.
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

// Longest prefix of `s` (at most kMaxOrgChars) that ends with an
// organization suffix; "" when none.
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

// Placeholder tokens: runs of two or more X/× not inside an ASCII word,
// and 某某.
struct Placeholder {
  size_t begin = 0, end = 0;
};
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

// ---- The document as lines ----

struct Line {
  std::string text;       // normalized, spaces removed
  std::vector<int> norm;  // norm[i]: offset in the normalized source text
  int block = -1;
  int table = -1, row = -1, column = -1;
  bool heading = false;
  bool is_text = false;  // a text block (not a table title or cell)
};

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
  if (!nt.to_raw.empty()) {
    p.raw_begin =
        static_cast<int>(nt.RawBegin(static_cast<size_t>(p.norm_begin)));
    p.raw_end = static_cast<int>(nt.RawEnd(static_cast<size_t>(p.norm_end)));
  }
  return p;
}

// ---- Years ----

struct YearAt {
  size_t begin = 0;  // the first digit
  size_t end = 0;    // after 年 (and 度)
  int year = 0;      // 0 for a placeholder year (20XX年)
};

// Every "YYYY年" (1990-2099) or placeholder year in `s`.
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

// "2023年12月31日": a date, not a year of account.
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

// The clause after a year, up to punctuation, at most 30 bytes.
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
                        std::string_view unless_followed_by = {}) {
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

// ---- Title ----

struct Title {
  bool found = false;
  std::string text;  // the joined title lines
  size_t first_line = 0;
  std::string entity;  // may be ""
  size_t entity_line = 0, entity_begin = 0, entity_end = 0;
  int year = 0;  // 0: none or placeholder
  bool year_placeholder = false;
  size_t year_line = 0, year_begin = 0, year_end = 0;
  std::string kind, scope;
  size_t kind_line = 0, kind_begin = 0, kind_end = 0;
};

bool IsPageNumber(std::string_view s) {
  return !s.empty() && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), IsDigit);
}

// Lines before the table of contents or the first numbered heading.
std::vector<size_t> HeadLines(const std::vector<Line>& lines) {
  std::vector<size_t> head;
  for (size_t i = 0; i < lines.size() && head.size() < kMaxHeadLines; ++i) {
    const Line& line = lines[i];
    if (!line.is_text) break;
    std::string_view t = line.text;
    if (IsPageNumber(t)) continue;
    if (StartsWith(t, "目录") || t == "目" || StartsWith(t, "第一部分")) break;
    HeadingLabel label;
    if (ParseHeadingLabel(t, &label) && label.style != "title") break;
    if (t.find("。") != std::string_view::npos) break;
    head.push_back(i);
  }
  return head;
}

// Removes trailing scope and level words from the text between the year
// and the kind ("区级部门" → "").
std::string_view StripScopeAndLevel(std::string_view s, std::string* scope) {
  for (std::string_view w : {"部门", "单位"}) {
    if (EndsWith(s, w)) {
      if (scope != nullptr) *scope = std::string(w);
      s.remove_suffix(w.size());
      break;
    }
  }
  for (std::string_view w : kLevelWords) {
    if (EndsWith(s, w)) {
      s.remove_suffix(w.size());
      break;
    }
  }
  return s;
}

// Drops words that join the body to the year in titles ("…局关于2023年度").
std::string_view StripTitleFiller(std::string_view s) {
  for (std::string_view w : kTitleFillers) {
    if (EndsWith(s, w)) {
      s.remove_suffix(w.size());
      break;
    }
  }
  return s;
}

// True when `s` names only a region ("上海市普陀区").
bool IsOnlyRegion(std::string_view s, const RegionCatalog& regions) {
  std::optional<RegionMatch> m = regions.MatchRegionAtStart(s);
  return m.has_value() && m->matched_text.size() == s.size();
}

Title FindTitle(const std::vector<Line>& lines, const RegionCatalog& regions) {
  Title title;
  std::vector<size_t> head = HeadLines(lines);
  // Joined head text and where each line starts in it.
  std::string joined;
  std::vector<size_t> starts;
  for (size_t i : head) {
    starts.push_back(joined.size());
    joined += lines[i].text;
  }
  auto locate = [&](size_t offset, size_t* line, size_t* in_line) {
    size_t k = 0;
    while (k + 1 < starts.size() && starts[k + 1] <= offset) ++k;
    *line = head[k];
    *in_line = offset - starts[k];
  };
  for (const YearAt& y : FindYears(joined)) {
    if (IsDate(joined, y)) continue;
    std::string_view after = std::string_view(joined).substr(y.end, 60);
    size_t k_final = after.find("决算"), k_budget = after.find("预算");
    size_t k = std::min(k_final, k_budget);
    if (k == std::string_view::npos) continue;
    std::string_view between = after.substr(0, k);
    if (between.find("：") != std::string_view::npos ||
        between.find("。") != std::string_view::npos) {
      continue;
    }
    title.found = true;
    title.year = y.year;
    title.year_placeholder = y.year == 0;
    size_t kind_at = y.end + k;
    title.kind = between.find("三公") != std::string_view::npos
                     ? "three_public_note"
                 : k == k_final ? "final_accounts"
                                : "budget";
    std::string scope;
    std::string_view rest = StripScopeAndLevel(between, &scope);
    title.scope = scope;
    locate(y.begin, &title.year_line, &title.year_begin);
    title.year_end = title.year_begin + (y.end - y.begin);
    locate(kind_at, &title.kind_line, &title.kind_begin);
    title.kind_end = title.kind_begin + 6;
    size_t year_k = 0, kind_k = 0;
    while (year_k < head.size() && head[year_k] != title.year_line) ++year_k;
    while (kind_k < head.size() && head[kind_k] != title.kind_line) ++kind_k;
    // The body before the year may be wrapped over the line or two above
    // the year's line: take the longest of (this line's part, with the line
    // above, with the two above) that starts with a region; else this
    // line's part, or, when the year starts its line, the line above if it
    // ends like an organization name. Cover and navigation lines above a
    // title ("公开版", "首页>…") do neither.
    size_t first_k = year_k;
    if (title.year_begin == 0 && year_k >= 1) {
      const std::string& above = lines[head[year_k - 1]].text;
      if (TrimToOrg(above).size() == above.size()) first_k = year_k - 1;
    }
    std::string candidate =
        lines[head[year_k]].text.substr(0, title.year_begin);
    for (size_t up = 1; up <= 2 && up <= year_k; ++up) {
      candidate = lines[head[year_k - up]].text + candidate;
      if (regions.MatchRegionAtStart(candidate).has_value()) {
        first_k = year_k - up;
      }
    }
    title.first_line = head[first_k];
    size_t title_begin = starts[first_k];
    size_t title_end =
        kind_k + 1 < starts.size() ? starts[kind_k + 1] : joined.size();
    title.text = joined.substr(title_begin, title_end - title_begin);
    // The body: before the year, else between the year and the kind.
    std::string_view before =
        std::string_view(joined).substr(title_begin, y.begin - title_begin);
    size_t colon = before.rfind("：");
    size_t entity_offset = title_begin;
    if (colon != std::string_view::npos) {
      entity_offset += colon + std::string_view("：").size();
      before = before.substr(colon + std::string_view("：").size());
    }
    before = StripTitleFiller(before);
    std::string_view entity;
    if (!before.empty() && !IsOnlyRegion(before, regions)) {
      entity = before;
    } else if (!rest.empty() && !IsOnlyRegion(rest, regions)) {
      entity = rest;
      entity_offset = y.end;
    }
    if (!entity.empty() && CountChars(entity) <= kMaxEntityChars) {
      title.entity = std::string(entity);
      locate(entity_offset, &title.entity_line, &title.entity_begin);
      title.entity_end = title.entity_begin + entity.size();
    }
    break;
  }
  return title;
}

// ---- Body from labels and from the text ----

struct EntityFound {
  std::string name;
  size_t line = 0, begin = 0, end = 0;
  std::string how;  // for the reason text
};

std::optional<EntityFound> FindLabelledEntity(const std::vector<Line>& lines,
                                              const RegionCatalog& regions) {
  for (std::string_view label : kEntityLabels) {
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view t = lines[i].text;
      for (std::string_view colon : {"：", ":"}) {
        std::string key = std::string(label) + std::string(colon);
        size_t p = t.find(key);
        if (p == std::string_view::npos) continue;
        // The label starts the line or follows a non-name character, so
        // "预算单位：" is not read as "单位：".
        if (p > 0 && IsNameChar(At(t, PrevBoundary(t, p)))) continue;
        std::string_view value = t.substr(p + key.size());
        for (std::string_view stop : {"单位：", "单位:", "目录", "金额"}) {
          size_t q = value.find(stop);
          if (q != std::string_view::npos) value = value.substr(0, q);
        }
        std::string_view org = TrimToOrg(value);
        if (org.empty() || !regions.MatchRegionAtStart(org).has_value()) {
          continue;
        }
        EntityFound e;
        e.name = std::string(org);
        e.line = i;
        e.begin = p + key.size();
        e.end = e.begin + org.size();
        e.how = "labelled " + std::string(label);
        return e;
      }
    }
  }
  return std::nullopt;
}

// Organization names that start at a region name, counted over the text.
std::optional<EntityFound> FindFrequentEntity(const std::vector<Line>& lines,
                                              const RegionCatalog& regions) {
  struct Count {
    int n = 0;
    size_t line = 0, begin = 0;
  };
  std::map<std::string, Count> counts;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    size_t pos = 0;
    char32_t prev = 0;
    while (pos < t.size()) {
      size_t start = pos;
      char32_t c = DecodeUtf8(t, &pos);
      bool boundary = start == 0 || !IsNameChar(prev) ||
                      EndsWith(t.substr(0, start), "年度") ||
                      EndsWith(t.substr(0, start), "年");
      prev = c;
      if (!boundary || !IsCjkIdeograph(c)) continue;
      std::string_view window = t.substr(start, 3 * kMaxOrgChars);
      std::optional<RegionMatch> region = regions.MatchRegionAtStart(window);
      if (!region) continue;
      // Extend through name characters, then take every prefix that ends
      // in an organization suffix and is longer than the region.
      size_t end = 0, chars = 0;
      while (end < window.size() && chars < kMaxOrgChars) {
        size_t next = end;
        char32_t d = DecodeUtf8(window, &next);
        if (!IsNameChar(d)) break;
        end = next;
        ++chars;
      }
      std::string_view run = window.substr(0, end);
      size_t region_bytes = region->matched_text.size();
      if (StartsWith(run, "中共")) region_bytes += 6;
      if (StartsWith(run, "中国共产党")) region_bytes += 15;
      size_t q = 0;
      while (q < run.size()) {
        DecodeUtf8(run, &q);
        if (q <= region_bytes) continue;
        std::string_view prefix = run.substr(0, q);
        for (std::string_view suffix : kOrgSuffixes) {
          if (!EndsWith(prefix, suffix)) continue;
          Count& count = counts[std::string(prefix)];
          if (count.n == 0) {
            count.line = i;
            count.begin = start;
          }
          ++count.n;
          break;
        }
      }
    }
  }
  if (counts.empty()) return std::nullopt;
  // The most frequent name, then longer names that keep most of its count
  // ("…人民政府" → "…人民政府办公室", but not "…办公室政府").
  auto best = counts.end();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (best == counts.end() || it->second.n > best->second.n ||
        (it->second.n == best->second.n &&
         it->first.size() > best->first.size())) {
      best = it;
    }
  }
  if (best->second.n < 2) return std::nullopt;
  for (bool extended = true; extended;) {
    extended = false;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      if (it->first.size() > best->first.size() &&
          StartsWith(it->first, best->first) &&
          it->second.n * 5 >= best->second.n * 3 && it->second.n >= 2) {
        best = it;
        extended = true;
        break;
      }
    }
  }
  EntityFound e;
  e.name = best->first;
  e.line = best->second.line;
  e.begin = best->second.begin;
  e.end = e.begin + e.name.size();
  e.how = "printed " + std::to_string(best->second.n) + " times in the text";
  return e;
}

// ---- Year, kind and scope from the body text ----

struct YearVote {
  int score = 0;
  size_t line = 0, begin = 0, end = 0;
  bool seen = false;
};

}  // namespace

ReportMeta DetectMetadata(const NormalizedDocument& nd) {
  return DetectMetadata(nd, RegionCatalog::Default());
}

ReportMeta DetectMetadata(const NormalizedDocument& nd,
                          const RegionCatalog& regions) {
  ReportMeta meta;
  std::vector<Line> lines = CollectLines(nd);
  Title title = FindTitle(lines, regions);
  if (title.found) {
    meta.title = title.text;
    const Line& first = lines[title.first_line];
    meta.sources["title"] = Where(nd, first, 0, first.text.size());
  }

  // Body.
  std::optional<EntityFound> entity;
  if (!title.entity.empty()) {
    entity = EntityFound{title.entity, title.entity_line, title.entity_begin,
                         title.entity_end, "title"};
  }
  if (!entity) entity = FindLabelledEntity(lines, regions);
  if (!entity) entity = FindFrequentEntity(lines, regions);
  if (entity) {
    meta.entity_name = entity->name;
    meta.sources["entity_name"] =
        Where(nd, lines[entity->line], entity->begin, entity->end);
  } else {
    meta.unknown_reasons["entity_name"] =
        title.found ? "the title names no body and no labelled or repeated "
                      "organization name was found"
                    : "no title, no labelled body (部门：…) and no "
                      "organization name repeated in the text";
  }

  // Region: from the body, else from the title ("上海市普陀区2025年…").
  std::optional<RegionMatch> region;
  std::vector<RegionMatch> candidates;
  if (!meta.entity_name.empty()) {
    region = regions.MatchRegion(meta.entity_name, &candidates);
    if (region) meta.sources["region_code"] = meta.sources["entity_name"];
  }
  if (!region && title.found) {
    std::vector<RegionMatch> title_candidates;
    region = regions.MatchRegion(title.text, &title_candidates);
    if (region) {
      meta.sources["region_code"] = meta.sources["title"];
    } else if (candidates.empty()) {
      candidates = title_candidates;
    }
  }
  if (region) {
    meta.region_code = region->code;
    meta.region_level = std::string(RegionLevelName(region->level));
    for (char c : region->name_path) {
      if (c != '/') meta.region_name.push_back(c);
    }
  } else if (!candidates.empty()) {
    std::string list;
    for (const RegionMatch& c : candidates) {
      if (!list.empty()) list += ", ";
      list += c.code + " " + c.name_path;
    }
    meta.unknown_reasons["region_code"] =
        "the name fits several regions: " + list;
  } else {
    meta.unknown_reasons["region_code"] =
        meta.entity_name.empty()
            ? "no body name to read a region from"
            : "no province, city or county at the start of '" +
                  meta.entity_name + "'";
  }

  // Year: the title's, else the best-supported year in the text.
  if (title.found && title.year != 0) {
    meta.fiscal_year = title.year;
    meta.sources["fiscal_year"] =
        Where(nd, lines[title.year_line], title.year_begin, title.year_end);
  } else {
    std::map<int, YearVote> votes;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view t = lines[i].text;
      for (const YearAt& y : FindYears(t)) {
        if (y.year == 0 || IsComparisonOrDate(t, y)) continue;
        std::string_view clause = ClauseAfter(t, y.end);
        int weight = 0;
        if (ContainsAny(clause, kReportPhrases, std::size(kReportPhrases))) {
          weight = lines[i].heading ? kHeadingYearWeight : kStrongYearWeight;
        } else if (EndsWith(t.substr(0, y.end), "年度")) {
          weight = 1;
        }
        if (weight == 0) continue;
        YearVote& v = votes[y.year];
        if (!v.seen) {
          v.seen = true;
          v.line = i;
          v.begin = y.begin;
          v.end = y.end;
        }
        v.score += weight;
      }
    }
    int best = 0, best_score = 0;
    bool tie = false;
    for (const auto& [year, vote] : votes) {
      if (vote.score > best_score) {
        best = year;
        best_score = vote.score;
        tie = false;
      } else if (vote.score == best_score) {
        tie = true;
      }
    }
    if (best != 0 && !tie) {
      meta.fiscal_year = best;
      const YearVote& v = votes[best];
      meta.sources["fiscal_year"] = Where(nd, lines[v.line], v.begin, v.end);
    } else if (tie) {
      std::string list;
      for (const auto& [year, vote] : votes) {
        if (vote.score != best_score) continue;
        if (!list.empty()) list += ", ";
        list += std::to_string(year);
      }
      meta.unknown_reasons["fiscal_year"] =
          "years " + list + " are equally supported and there is no title";
    } else {
      meta.unknown_reasons["fiscal_year"] =
          title.year_placeholder
              ? "the title year is a placeholder (" + title.text + ")"
              : "no fiscal year in a title, heading or \"YYYY年度\" sentence "
                "(dates and comparison years do not count)";
    }
  }

  // Kind and scope.
  if (title.found) {
    meta.kind = title.kind;
    meta.sources["kind"] =
        Where(nd, lines[title.kind_line], title.kind_begin, title.kind_end);
  }
  size_t final_score = 0, budget_score = 0;
  size_t dept = 0, unit = 0, our_dept = 0, our_unit = 0;
  int first_final = -1, first_budget = -1;
  // First line printing each scope phrase: 部门决算/预算, 单位决算/预算,
  // 本部门, 本单位.
  int first_dept = -1, first_unit = -1, first_our_dept = -1,
      first_our_unit = -1;
  auto note = [](size_t n, size_t i, int* first) {
    if (n > 0 && *first < 0) *first = static_cast<int>(i);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    size_t weight = lines[i].heading ? 3 : 1;
    size_t f = 0, b = 0;
    for (std::string_view w : kFinalPhrases) f += CountOccurrences(t, w);
    for (std::string_view w : kBudgetPhrases) {
      b += CountOccurrences(t, w, "项目");
    }
    if (f > 0 && first_final < 0) first_final = static_cast<int>(i);
    if (b > 0 && first_budget < 0) first_budget = static_cast<int>(i);
    final_score += weight * f;
    budget_score += weight * b;
    size_t d = CountOccurrences(t, "部门决算") +
               CountOccurrences(t, "部门预算", "项目");
    size_t u =
        CountOccurrences(t, "单位决算") + CountOccurrences(t, "单位预算");
    size_t od = CountOccurrences(t, "本部门"),
           ou = CountOccurrences(t, "本单位");
    note(d, i, &first_dept);
    note(u, i, &first_unit);
    note(od, i, &first_our_dept);
    note(ou, i, &first_our_unit);
    dept += d;
    unit += u;
    our_dept += od;
    our_unit += ou;
  }
  if (meta.kind.empty()) {
    if (final_score > budget_score) {
      meta.kind = "final_accounts";
      const Line& l = lines[static_cast<size_t>(first_final)];
      meta.sources["kind"] = Where(nd, l, 0, l.text.size());
    } else if (budget_score > final_score) {
      meta.kind = "budget";
      const Line& l = lines[static_cast<size_t>(first_budget)];
      meta.sources["kind"] = Where(nd, l, 0, l.text.size());
    } else {
      meta.unknown_reasons["kind"] =
          final_score == 0
              ? "no title and no 决算/预算 phrase (部门决算, 预算表, …)"
              : "决算 and 预算 phrases are equally frequent and there is no "
                "title";
    }
  }
  if (title.found && !title.scope.empty()) {
    meta.scope = title.scope;
    meta.sources["scope"] = meta.sources["kind"];
  } else if (dept != unit) {
    meta.scope = dept > unit ? "部门" : "单位";
    const Line& l =
        lines[static_cast<size_t>(dept > unit ? first_dept : first_unit)];
    meta.sources["scope"] = Where(nd, l, 0, l.text.size());
  } else if (our_dept != our_unit) {
    meta.scope = our_dept > our_unit ? "部门" : "单位";
    const Line& l = lines[static_cast<size_t>(
        our_dept > our_unit ? first_our_dept : first_our_unit)];
    meta.sources["scope"] = Where(nd, l, 0, l.text.size());
  } else if (entity && StartsWith(entity->how, "labelled ")) {
    std::string_view label = std::string_view(entity->how).substr(9);
    if (EndsWith(label, "部门")) meta.scope = "部门";
    if (EndsWith(label, "单位")) meta.scope = "单位";
    if (!meta.scope.empty()) {
      meta.sources["scope"] = meta.sources["entity_name"];
    }
  }
  if (meta.scope.empty()) {
    meta.unknown_reasons["scope"] =
        "neither the title nor the text says 部门 or 单位 决算/预算";
  }

  // Template: placeholders in the title or body, or many of them.
  int placeholders = 0, blank_amounts = 0;
  std::optional<Provenance> first_marker;
  auto add_marker = [&](const Line& line, size_t begin, size_t end) {
    if (!first_marker) first_marker = Where(nd, line, begin, end);
    if (meta.template_markers.size() >= kMaxTemplateMarkers) return;
    // A little context: one character either side.
    size_t b = PrevBoundary(line.text, begin);
    size_t e = end;
    if (e < line.text.size()) DecodeUtf8(line.text, &e);
    meta.template_markers.push_back(line.text.substr(b, e - b));
  };
  for (const Line& line : lines) {
    for (const Placeholder& p : FindPlaceholders(line.text)) {
      ++placeholders;
      add_marker(line, p.begin, p.end);
    }
    for (size_t p = line.text.find("万元"); p != std::string::npos;
         p = line.text.find("万元", p + 6)) {
      std::string_view before = std::string_view(line.text).substr(0, p);
      for (std::string_view w : kBlankAmountBefore) {
        if (EndsWith(before, w)) {
          ++blank_amounts;
          add_marker(line, PrevBoundary(line.text, p), p + 6);
          break;
        }
      }
    }
  }
  bool placeholder_body = HasPlaceholder(meta.entity_name) ||
                          title.year_placeholder ||
                          (title.found && HasPlaceholder(title.text));
  meta.is_template = placeholder_body ||
                     placeholders >= kTemplatePlaceholders ||
                     blank_amounts >= kTemplateBlankAmounts;
  if (meta.is_template && first_marker) {
    meta.sources["is_template"] = *first_marker;
  }

  // Text unit: the unit most narrative amounts carry.
  std::map<std::string, int> units;
  std::map<std::string, const Mention*> first_mention;
  for (const Mention& m : nd.mentions) {
    if (m.kind != MentionKind::kAmount || m.unit.empty()) continue;
    if (++units[m.unit] == 1) first_mention[m.unit] = &m;
  }
  std::string best_unit;
  int best_count = 0;
  bool unit_tie = false;
  for (const auto& [unit_name, n] : units) {
    if (n > best_count) {
      best_unit = unit_name;
      best_count = n;
      unit_tie = false;
    } else if (n == best_count) {
      unit_tie = true;
    }
  }
  if (!best_unit.empty() && !unit_tie) {
    meta.text_unit = best_unit;
    const Mention& m = *first_mention[best_unit];
    Provenance p;
    p.source = nd.doc.source;
    p.block = m.block;
    if (m.block >= 0 && static_cast<size_t>(m.block) < nd.doc.blocks.size()) {
      p.page = nd.doc.blocks[static_cast<size_t>(m.block)].page;
    }
    p.norm_begin = m.begin;
    p.norm_end = m.end;
    p.raw_begin = m.raw_begin;
    p.raw_end = m.raw_end;
    meta.sources["text_unit"] = p;
  } else {
    meta.unknown_reasons["text_unit"] =
        unit_tie ? "as many narrative amounts in one unit as in another"
                 : "no amount with a unit in the narrative";
  }
  return meta;
}

std::string MetadataDebugString(const ReportMeta& meta) {
  std::string out;
  auto field = [&](const std::string& name, const std::string& value) {
    out += name + ": " + value;
    auto s = meta.sources.find(name);
    if (s != meta.sources.end()) out += " (" + s->second.ToString() + ")";
    auto r = meta.unknown_reasons.find(name);
    if (r != meta.unknown_reasons.end()) out += " [unknown: " + r->second + "]";
    out += "\n";
  };
  field("title", meta.title);
  field("entity_name", meta.entity_name);
  field("region_code",
        meta.region_code + " " + meta.region_name + " " + meta.region_level);
  field("fiscal_year", std::to_string(meta.fiscal_year));
  field("kind", meta.kind);
  field("scope", meta.scope);
  std::string markers;
  for (const std::string& m : meta.template_markers) {
    markers += (markers.empty() ? "" : " ") + m;
  }
  field("is_template", std::string(meta.is_template ? "true" : "false") +
                           (markers.empty() ? "" : " [" + markers + "]"));
  field("text_unit", meta.text_unit);
  return out;
}

}  // namespace budgetdoc
