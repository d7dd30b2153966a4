#include "schema/claim_text.h"

#include "base/utf8.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}

bool StartsWith(std::string_view s, std::string_view w) {
  return s.substr(0, w.size()) == w;
}

size_t CharBoundary(std::string_view t, size_t pos) {
  while (pos > 0 && pos < t.size() &&
         (static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

size_t LastOf(std::string_view s, std::initializer_list<std::string_view> words,
              std::string_view* which) {
  size_t best = std::string_view::npos, best_end = 0;
  for (std::string_view w : words) {
    size_t p = s.rfind(w);
    if (p != std::string_view::npos &&
        (best == std::string_view::npos || p + w.size() > best_end)) {
      best = p;
      best_end = p + w.size();
      if (which != nullptr) *which = w;
    }
  }
  return best == std::string_view::npos ? std::string_view::npos : best_end;
}

std::optional<SubjectMatch> LastSubjectIn(
    const std::vector<SubjectMatch>& subjects, int from, int to) {
  auto after =
      std::partition_point(subjects.begin(), subjects.end(),
                           [&](const SubjectMatch& s) { return s.end <= to; });
  if (after == subjects.begin() || std::prev(after)->begin < from) {
    return std::nullopt;
  }
  return *std::prev(after);
}

std::vector<Span> SplitSentences(std::string_view t) {
  static constexpr std::string_view kEnds[] = {"。", "！", "？", "!", "?"};
  std::vector<Span> out;
  size_t start = 0, i = 0;
  while (i < t.size()) {
    size_t len = 0;
    if (t[i] == '!' || t[i] == '?') {
      len = 1;
    } else if (static_cast<unsigned char>(t[i]) == 0xE3 ||
               static_cast<unsigned char>(t[i]) == 0xEF) {
      for (std::string_view e : kEnds) {
        if (t.substr(i, e.size()) == e) len = e.size();
      }
    }
    if (len > 0) {
      out.push_back({static_cast<int>(start), static_cast<int>(i + len)});
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  if (start < t.size())
    out.push_back({static_cast<int>(start), static_cast<int>(t.size())});
  return out;
}

size_t DelimiterAt(std::string_view t, size_t i) {
  if (t[i] == ',' || t[i] == ';' || t[i] == ':') return 1;
  for (std::string_view d : {"，", "；", "：", "、"}) {
    if (t.substr(i, d.size()) == d) return d.size();
  }
  return 0;
}

std::string StripLead(std::string_view s) {
  static constexpr std::string_view kTails[] = {
      "支出决算数为", "支出决算为", "决算数为", "预算数为",
      "支出决算",     "决算为",     "预算为",   "支出为",
      "共计",         "合计为",     "总额为",   "金额为",
      "安排",         "合计",       "总计",     "小计",
      "预算",         "决算",       "全年",     "年初",
      "调整后",       "调整",       "为",       "是",
      "达",           "约",         "共",       "计",
      "均",           "各",         "”",        "\""};
  std::string out(s);
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view t : kTails) {
      if (out.size() >= t.size() && EndsWith(out, t)) {
        out.resize(out.size() - t.size());
        changed = true;
      }
    }
  }
  // Drop a leading year phrase ("2023年度", "2023年").
  size_t y = out.find("年度");
  if (y != std::string::npos && y <= 4) out = out.substr(y + 6);
  if (out.size() >= 7 && out.substr(4, 3) == "年" &&
      std::all_of(out.begin(), out.begin() + 4,
                  [](char c) { return c >= '0' && c <= '9'; })) {
    out = out.substr(7);
  }
  for (std::string_view q : {"“", "\""}) {
    if (StartsWith(out, q)) out = out.substr(q.size());
  }
  // What is left may name only the measure ("2022年当年预算执行数为…",
  // "本年预算安排…"): that is a basis, not a subject.
  static constexpr std::string_view kMeasureOnly[] = {
      "当年预算执行数", "预算执行数", "当年执行数", "执行数",
      "预算执行",       "当年",       "本年",       "上年",
      "去年",           "本年度",     "上年度"};
  for (std::string_view m : kMeasureOnly) {
    if (out == m) return "";
  }
  return out;
}

bool IsConnective(std::string_view between) {
  static constexpr std::string_view kWords[] = {
      "支出决算数为", "支出决算为", "决算数为", "预算数为", "预算数", "决算数",
      "支出决算",     "支出预算",   "决算为",   "预算为",   "支出为", "收入为",
      "共计",         "合计为",     "总额为",   "金额为",   "合计",   "总计",
      "小计",         "预算",       "决算",     "支出",     "收入",   "资金",
      "为",           "是",         "达",       "约",       "共",     "计",
      "均",           "各",         "的",       "数",       "本年",   "年初",
      "全年",         "占比",       "占",       " ",        "增加",   "减少",
      "增长",         "下降",       "降低",     "上升",     "提高",   "节约",
      "持平",         "比",         "较",       "同比",     "上年度", "上年",
      "年度",         "年",         "相比",     "与",       "安排",   "当年",
      "执行数",       "执行",       "”",        "\""};
  std::string_view rest = between;
  bool changed = true;
  while (!rest.empty() && changed) {
    changed = false;
    if (rest[0] >= '0' && rest[0] <= '9') {
      rest.remove_prefix(1);
      changed = true;
      continue;
    }
    for (std::string_view w : kWords) {
      if (rest.substr(0, w.size()) == w) {
        rest.remove_prefix(w.size());
        changed = true;
        break;
      }
    }
  }
  return rest.empty();
}

bool IsQualifier(std::string_view prefix, std::string_view entity) {
  std::string p(prefix);
  if (!entity.empty()) {
    size_t at = p.find(entity);
    if (at != std::string::npos) p.erase(at, entity.size());
  }
  static constexpr std::string_view kDrop[] = {
      "其中", "此外", "另外",   "本部门", "本单位", "我部门", "我单位", "部门",
      "单位", "全年", "本年",   "当年",   "年度",   "年",     "度",     "预算",
      "决算", "年初", "调整后", "“",      "”",      "\"",     " ",      ".",
      "、",   "（",   "）",     "(",      ")",      "其",     "各项"};
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view d : kDrop) {
      size_t at = p.find(d);
      if (at != std::string::npos) {
        p.erase(at, d.size());
        changed = true;
      }
    }
    size_t i = 0;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
    if (i > 0) {
      p.erase(0, i);
      changed = true;
    }
  }
  if (p.empty()) return false;
  // An organization name the metadata did not catch ("…财政局", "…办公室").
  static constexpr std::string_view kOrgEnds[] = {
      "办公室", "办公厅", "委员会", "办事处", "人民政府", "政府", "局",
      "院",     "厅",     "中心",   "委",     "部",       "会",   "所"};
  for (std::string_view e : kOrgEnds) {
    if (p.size() >= e.size() &&
        p.compare(p.size() - e.size(), e.size(), e) == 0 &&
        CountCodePoints(p) >= 3) {
      return false;
    }
  }
  return CountCodePoints(p) >= 2;
}

std::string DirectionIn(std::string_view lead) {
  for (std::string_view t : {"增加（减少）", "减少（增加）", "增长（下降）",
                             "下降（增长）", "增加(减少)", "增长(下降)"}) {
    size_t at = lead.rfind(t);
    if (at != std::string_view::npos && CountCodePoints(lead.substr(at)) <= 8)
      return "增加（减少）";
  }
  std::string_view which;
  size_t p = LastOf(lead,
                    {"增加", "增长", "上升", "提高", "减少", "下降", "降低",
                     "节约", "持平", "增幅", "降幅", "减幅", "增", "减"},
                    &which);
  if (p == std::string_view::npos) return "";
  // Only when the word is near the number (within a few characters:
  // "增长了", "下降幅度为").
  std::string_view rest = lead.substr(p);
  for (std::string_view filler : {"幅度为", "幅度", "率为", "为", "了", "约"}) {
    if (StartsWith(rest, filler)) rest.remove_prefix(filler.size());
  }
  if (CountCodePoints(rest) > 2) return "";
  if (which == "增" || which == "增幅") return "增加";
  if (which == "减" || which == "减幅") return "减少";
  if (which == "降幅") return "下降";
  return std::string(which);
}

}  // namespace claims_internal
}  // namespace budgetdoc
