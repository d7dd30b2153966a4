#include "normalize/mentions.h"

#include "normalize/numbers.h"
#include "normalize/patterns.h"

#include <algorithm>

namespace budgetdoc {
namespace {

bool Overlaps(const std::vector<std::pair<int, int>>& claimed, int b, int e) {
  for (const auto& [cb, ce] : claimed) {
    if (b < ce && cb < e) return true;
  }
  return false;
}

// Splits "4125.49,4143.91" on list separators. Returns {begin, end} pairs
// relative to the list text.
std::vector<std::pair<int, int>> SplitList(std::string_view list) {
  static constexpr std::string_view kSeps[] = {",",  "、", "，",
                                               "和", "及", "与"};
  std::vector<std::pair<int, int>> parts;
  size_t start = 0, i = 0;
  while (i < list.size()) {
    size_t sep_len = 0;
    for (std::string_view s : kSeps) {
      if (list.substr(i, s.size()) == s) sep_len = s.size();
    }
    if (sep_len > 0) {
      parts.emplace_back(static_cast<int>(start), static_cast<int>(i));
      i += sep_len;
      start = i;
    } else {
      ++i;
    }
  }
  parts.emplace_back(static_cast<int>(start), static_cast<int>(list.size()));
  return parts;
}

// "3，518.85" with the full-width comma as a thousands separator (one
// number, as printed by some producers), not the list 3 and 518.85: 1-3
// digits, then groups of exactly 3 digits after "，", the last with a
// decimal part, or at least two such groups ("1，234，567"). Returns the
// number with ASCII separators, or "" when `list` is not one.
std::string FullWidthThousands(std::string_view list) {
  static constexpr std::string_view kComma = "，";
  std::vector<std::string_view> groups;
  for (size_t at = 0;;) {
    size_t next = list.find(kComma, at);
    groups.push_back(list.substr(at, next == std::string_view::npos
                                         ? std::string_view::npos
                                         : next - at));
    if (next == std::string_view::npos) break;
    at = next + kComma.size();
  }
  if (groups.size() < 2) return "";
  auto digits = [](std::string_view g) {
    return !g.empty() && std::all_of(g.begin(), g.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
  };
  if (!digits(groups[0]) || groups[0].size() > 3 || groups[0][0] == '0')
    return "";
  std::string_view last = groups.back();
  size_t dot = last.find('.');
  std::string_view last_int = last.substr(0, dot);
  bool decimals = dot != std::string_view::npos && digits(last.substr(dot + 1));
  for (size_t i = 1; i < groups.size(); ++i) {
    std::string_view g = i + 1 == groups.size() ? last_int : groups[i];
    if (g.size() != 3 || !digits(g)) return "";
  }
  if (!decimals && (dot != std::string_view::npos || groups.size() < 3))
    return "";
  std::string out(groups[0]);
  for (size_t i = 1; i < groups.size(); ++i)
    out += "," + std::string(groups[i]);
  return out;
}

// The character before `pos` is an ASCII letter, digit or '.', so a number
// starting at pos is really the tail of a code or a longer token.
bool GluedToPrevious(std::string_view text, int pos) {
  if (pos <= 0) return false;
  char c = text[static_cast<size_t>(pos - 1)];
  return (c >= '0' && c <= '9') || c == '.' || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

}  // namespace

std::string_view MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kAmount:
      return "amount";
    case MentionKind::kPercent:
      return "percent";
    case MentionKind::kCount:
      return "count";
    case MentionKind::kBareNumber:
      return "bare";
  }
  return "amount";
}

std::vector<Mention> FindMentions(std::string_view text) {
  const PatternSet& ps = PatternSet::Default();
  std::vector<Mention> out;
  std::vector<std::pair<int, int>> claimed;

  auto add = [&](MentionKind kind, std::string_view number, int b, int e,
                 std::string_view unit, std::string_view pattern) -> Mention* {
    Result<Decimal> v = Decimal::Parse(number);
    if (!v.ok()) return nullptr;
    Mention m;
    m.kind = kind;
    m.value = *v;
    m.unit = std::string(unit);
    m.begin = b;
    m.end = e;
    m.text = std::string(
        text.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)));
    m.pattern = std::string(pattern);
    out.push_back(std::move(m));
    claimed.emplace_back(b, e);
    return &out.back();
  };

  for (const PatternMatch& m : ps.FindAll("amount_list", text)) {
    std::string_view list = m.Group(text, 0);
    if (Decimal::Parse(list).ok()) continue;  // "1,889" is one number
    if (GluedToPrevious(text, m.groups[0].first)) continue;
    std::string_view unit = m.Group(text, 1);
    if (std::string one = FullWidthThousands(list); !one.empty()) {
      add(MentionKind::kAmount, one, m.groups[0].first, m.end, unit,
          "amount_list");
      continue;
    }
    auto parts = SplitList(list);
    int index = 0;
    for (auto [pb, pe] : parts) {
      int b = m.groups[0].first + pb, e = m.groups[0].first + pe;
      // The unit belongs to the last value's span.
      int end = (index + 1 == static_cast<int>(parts.size())) ? m.end : e;
      Mention* added =
          add(MentionKind::kAmount,
              text.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)),
              b, end, unit, "amount_list");
      if (added != nullptr) {
        added->list_size = static_cast<int>(parts.size());
        added->list_index = index;
      }
      ++index;
    }
  }
  for (const PatternMatch& m : ps.FindAll("amount", text)) {
    if (Overlaps(claimed, m.begin, m.end) || GluedToPrevious(text, m.begin)) {
      continue;
    }
    std::string number(m.Group(text, 0));
    add(MentionKind::kAmount, number, m.begin, m.end, m.Group(text, 1),
        "amount");
  }
  for (const PatternMatch& m : ps.FindAll("percent", text)) {
    if (Overlaps(claimed, m.begin, m.end) || GluedToPrevious(text, m.begin)) {
      continue;
    }
    add(MentionKind::kPercent, m.Group(text, 0), m.begin, m.end, "%",
        "percent");
  }
  for (const PatternMatch& m : ps.FindAll("share_without_percent", text)) {
    int b = m.groups[0].first, e = m.groups[0].second;
    if (Overlaps(claimed, b, e)) continue;
    Mention* added = add(MentionKind::kPercent, m.Group(text, 0), b, e, "",
                         "share_without_percent");
    if (added != nullptr) added->percent_sign_missing = true;
  }
  for (const PatternMatch& m : ps.FindAll("count", text)) {
    if (Overlaps(claimed, m.begin, m.end) || GluedToPrevious(text, m.begin)) {
      continue;
    }
    std::string_view number = m.Group(text, 0);
    bool chinese = !number.empty() && (number[0] < '0' || number[0] > '9');
    std::string digits(number);
    if (chinese) {
      std::optional<int64_t> v = ParseChineseNumeral(number);
      if (!v) continue;
      digits = std::to_string(*v);
    }
    Mention* added = add(MentionKind::kCount, digits, m.begin, m.end,
                         m.Group(text, 1), "count");
    if (added != nullptr) added->chinese_numeral = chinese;
  }
  for (const PatternMatch& m : ps.FindAll("bare_amount", text)) {
    int b = m.groups[0].first, e = m.groups[0].second;
    if (Overlaps(claimed, b, e)) continue;
    // A bare number with decimals is an amount that lost its unit; a plain
    // integer ("为3") is too ambiguous to report.
    std::string_view number = m.Group(text, 0);
    if (number.find('.') == std::string_view::npos) continue;
    add(MentionKind::kBareNumber, number, b, e, "", "bare_amount");
  }
  // A decimal number left without its unit in a sentence where the other
  // figures are money ("支出807.52，主要用于…"); not a rate ("增长1.84，").
  bool money_text = false;
  for (const Mention& m : out) money_text |= m.kind == MentionKind::kAmount;
  if (money_text) {
    static constexpr std::string_view kRateWords[] = {
        "增长", "下降", "降低", "上升", "提高", "完成", "率", "占"};
    for (const PatternMatch& m : ps.FindAll("bare_amount_in_prose", text)) {
      int b = m.groups[0].first, e = m.groups[0].second;
      if (Overlaps(claimed, b, e) || GluedToPrevious(text, b)) continue;
      std::string_view before = text.substr(0, static_cast<size_t>(b));
      bool rate = false;
      for (std::string_view w : kRateWords) {
        rate |= before.size() >= w.size() &&
                before.substr(before.size() - w.size()) == w;
      }
      if (rate) continue;
      add(MentionKind::kBareNumber, m.Group(text, 0), b, e, "",
          "bare_amount_in_prose");
    }
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    return a.begin < b.begin;
  });
  return out;
}

std::string MentionsDebugString(const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions) {
    out += std::string(MentionKindName(m.kind)) + " " + m.value.ToString();
    if (!m.unit.empty()) out += " " + m.unit;
    if (m.percent_sign_missing) out += " (no %)";
    if (m.list_size > 1) {
      out += " (list " + std::to_string(m.list_index + 1) + "/" +
             std::to_string(m.list_size) + ")";
    }
    if (m.block >= 0) out += " b" + std::to_string(m.block);
    out += " [" + std::to_string(m.begin) + "," + std::to_string(m.end) + ") " +
           m.text + "\n";
  }
  return out;
}

}  // namespace budgetdoc
