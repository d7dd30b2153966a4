#include "schema/metadata_title.h"

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

bool IsPageNumber(std::string_view s) {
  return !s.empty() && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), IsDigit);
}

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

std::string_view StripTitleFiller(std::string_view s) {
  for (std::string_view w : kTitleFillers) {
    if (EndsWith(s, w)) {
      s.remove_suffix(w.size());
      break;
    }
  }
  return s;
}

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

}  // namespace metadata_internal
}  // namespace budgetdoc
