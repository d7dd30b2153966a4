#include "schema/table_words.h"

#include "base/utf8.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace tables_internal {

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string Fold(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 ||
        c == 0xA0 || c == '"' || c == '\'' || c == 0x201C || c == 0x201D ||
        c == 0x2018 || c == 0x2019 || c == 0x300C || c == 0x300D ||
        c == 0x300E || c == 0x300F) {
      continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == 0x3014) c = '(';
    if (c == 0x3015) c = ')';
    AppendUtf8(c, &out);
  }
  return out;
}

bool IsCnNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇两").find(c) !=
         std::u32string_view::npos;
}

std::string_view StripOrdinal(std::string_view s) {
  for (int round = 0; round < 3; ++round) {
    std::string_view before = s;
    if (StartsWith(s, "其中:"))
      s.remove_prefix(std::string_view("其中:").size());
    if (StartsWith(s, "其中")) s.remove_prefix(std::string_view("其中").size());
    if (!s.empty() && s[0] == '(') {
      // (一) / (1)
      size_t p = 1;
      bool any = false;
      while (p < s.size()) {
        size_t q = p;
        char32_t c = DecodeUtf8(s, &q);
        if (!(IsCnNumeral(c) || (c >= '0' && c <= '9'))) break;
        p = q;
        any = true;
      }
      if (any && p < s.size() && s[p] == ')') {
        s.remove_prefix(p + 1);
        if (StartsWith(s, "、")) s.remove_prefix(std::string_view("、").size());
        continue;
      }
    }
    size_t p = 0;
    bool cn = false, digit = false;
    while (p < s.size()) {
      size_t q = p;
      char32_t c = DecodeUtf8(s, &q);
      if (IsCnNumeral(c) && !digit) {
        cn = true;
      } else if (c >= '0' && c <= '9' && !cn) {
        digit = true;
      } else {
        break;
      }
      p = q;
    }
    if ((cn || (digit && p <= 2)) && p < s.size()) {
      std::string_view rest = s.substr(p);
      for (std::string_view sep : {"、", ".", "．", ",", "，"}) {
        if (StartsWith(rest, sep) && rest.size() > sep.size()) {
          // "1.5" is a number, not an ordinal.
          char next = rest[sep.size()];
          if (digit && next >= '0' && next <= '9') break;
          s = rest.substr(sep.size());
          break;
        }
      }
    }
    if (!s.empty()) {
      size_t q = 0;
      char32_t c = DecodeUtf8(s, &q);
      if (c >= 0x2460 && c <= 0x2473) s.remove_prefix(q);  // ①…⑳
    }
    if (s == before) break;
  }
  return s;
}

std::string WithoutParens(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

std::string ParseUnit(std::string_view text) {
  std::string f = Fold(text);
  std::string unit;
  size_t pos = 0;
  while ((pos = f.find("单位", pos)) != std::string::npos) {
    size_t p = pos + std::string_view("单位").size();
    pos = p;
    if (p < f.size() && f[p] == ':') ++p;
    std::string_view rest = std::string_view(f).substr(p);
    if (StartsWith(rest, "万元") || StartsWith(rest, "万")) {
      unit = "万元";
    } else if (StartsWith(rest, "亿元")) {
      unit = "亿元";
    } else if (StartsWith(rest, "元")) {
      unit = "元";
    }
  }
  return unit;
}

bool IsEmptyStatement(std::string_view text) {
  std::string f = Fold(text);
  if (f.empty() || CountCodePoints(f) > 200) return false;
  if (Contains(f, "空表") || Contains(f, "表为空") || Contains(f, "无数据") ||
      Contains(f, "无相关收支") || Contains(f, "无相关数据")) {
    return true;
  }
  bool who =
      Contains(f, "本部门") || Contains(f, "本单位") || Contains(f, "本表");
  bool none = Contains(f, "无") || Contains(f, "没有") ||
              Contains(f, "未安排") || Contains(f, "未发生") ||
              Contains(f, "不涉及");
  return who && none;
}

bool IsTotalWord(std::string_view f) {
  return f == "合计" || f == "总计" || f == "小计" || f == "合计数" ||
         f == "总计数" || f == "金额合计";
}

bool IsBasisWord(std::string_view f) {
  static constexpr std::string_view kWords[] = {
      "预算数",     "决算数",     "金额",       "数额",        "本年预算数",
      "上年预算数", "年初预算数", "调整预算数", "全年预算数",  "执行数",
      "上年执行数", "上年决算数", "本年决算数", "决算",        "预算",
      "本年数",     "上年数",     "实际数",     "预算金额",    "收入预算",
      "支出预算",   "本年预算",   "上年预算",   "年初预算",    "调整预算",
      "全年预算",   "上年执行",   "上年决算",   "金额单位",    "本年",
      "上年",       "数",         "预算安排",   "调整后预算数"};
  for (std::string_view w : kWords) {
    if (f == w) return true;
  }
  return false;
}

int StripYear(std::string* f) {
  if (f->size() >= 7 &&
      std::all_of(f->begin(), f->begin() + 4,
                  [](char c) { return c >= '0' && c <= '9'; }) &&
      f->compare(4, 3, "年") == 0) {
    int year = std::atoi(f->substr(0, 4).c_str());
    f->erase(0, 7);
    if (StartsWith(*f, "度")) f->erase(0, std::string_view("度").size());
    return year;
  }
  return 0;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Decimal> ParseCellNumber(std::string_view text, bool* percent) {
  std::string s;
  for (char c : text) {
    if (c != ' ') s.push_back(c);
  }
  *percent = false;
  bool negative = false;
  if (!s.empty() && s.back() == '%') {
    *percent = true;
    s.pop_back();
  }
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  Result<Decimal> d = Decimal::Parse(s);
  if (!d.ok()) return std::nullopt;
  return negative ? -d.value() : d.value();
}

}  // namespace tables_internal
}  // namespace budgetdoc
