// Tested through tests/check/review_checks_test.cc.
#include "check/review_text.h"

#include "base/utf8.h"
#include "check/context.h"

#include <algorithm>
#include <string>

namespace budgetdoc {

bool StartsWithAt(std::string_view t, size_t p, std::string_view w) {
  return p <= t.size() && t.substr(p).substr(0, w.size()) == w;
}

bool EndsWithAt(std::string_view t, size_t p, std::string_view w) {
  return p >= w.size() && t.substr(p - w.size(), w.size()) == w;
}

// The code point that ends before byte p (0 at the start).
char32_t CharBefore(std::string_view t, size_t p) {
  if (p == 0 || p > t.size()) return 0;
  size_t i = p - 1;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  return DecodeUtf8(t, &i);
}

char32_t CharAt(std::string_view t, size_t p) {
  if (p >= t.size()) return 0;
  return DecodeUtf8(t, &p);
}

namespace {

bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// A year printed as four digits and 年 at byte p ("2024年"), not part of a
// longer number; 0 otherwise.
int YearAt(std::string_view t, size_t p) {
  if (p + 7 > t.size()) return 0;
  for (size_t i = 0; i < 4; ++i) {
    if (!IsDigitByte(t[p + i])) return 0;
  }
  if (p > 0 && (IsDigitByte(t[p - 1]) || t[p - 1] == '.')) return 0;
  if (t.compare(p + 4, 3, "年") != 0) return 0;
  int y = std::stoi(std::string(t.substr(p, 4)));
  return y >= 1990 && y <= 2100 ? y : 0;
}

// Sentence ends: 。！？ and ；, full width or not.
constexpr std::string_view kSentenceEnds[] = {"。", "！", "？", "；",
                                              ";",  "!",  "?"};

size_t SentenceBegin(std::string_view t, size_t p) {
  size_t best = 0;
  for (std::string_view e : kSentenceEnds) {
    size_t q = t.rfind(e, p == 0 ? 0 : p - 1);
    if (q != std::string_view::npos && q < p)
      best = std::max(best, q + e.size());
  }
  return best;
}

size_t SentenceEnd(std::string_view t, size_t p) {
  size_t best = t.size();
  for (std::string_view e : kSentenceEnds) {
    size_t q = t.find(e, p);
    if (q != std::string_view::npos) best = std::min(best, q + e.size());
  }
  return best;
}

// Fund words a "本部门无…" note and a table title can share.
constexpr std::string_view kFundWords[] = {"政府性基金", "国有资本经营", "三公",
                                           "财政专户"};

bool IsStrictEmptyNote(std::string_view f) {
  return Contains(f, "本表为空") || Contains(f, "此表为空") ||
         Contains(f, "空表") || Contains(f, "本表无数据") ||
         Contains(f, "表为空");
}

bool DeclaresNone(std::string_view f) {
  bool who = Contains(f, "本部门") || Contains(f, "本单位") ||
             Contains(f, "我部门") || Contains(f, "我单位");
  bool none = Contains(f, "无") || Contains(f, "没有") ||
              Contains(f, "未安排") || Contains(f, "未发生") ||
              Contains(f, "不涉及");
  return who && none;
}

// A character that does not render or does not copy: U+FFFD (a byte
// sequence that could not be decoded) and private-use code points outside
// the symbol-font range U+F000..U+F0FF (Wingdings and Symbol bullets map
// there and print fine).
bool IsUnrenderable(char32_t c) {
  if (c == kReplacementChar) return true;
  if (c >= 0xE000 && c <= 0xF8FF) return !(c >= 0xF000 && c <= 0xF0FF);
  return c >= 0xF0000 && c <= 0x10FFFF;
}

// The text ends a sentence: 。！？；, or a closing quotation mark or
// bracket after one.
bool EndsSentence(std::string_view t) {
  size_t end = t.size();
  while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\n')) --end;
  for (std::string_view close : {"”", "」", "）", ")", "』"}) {
    if (EndsWithAt(t, end, close)) end -= close.size();
  }
  for (std::string_view e : kSentenceEnds) {
    if (EndsWithAt(t, end, e)) return true;
  }
  return false;
}

// Whether a note binds to the table titled `title`: a note that says the
// table is empty does; "本部门无…" does when it names the table's fund.
bool EmptyNoteBinds(std::string_view note, std::string_view title) {
  if (CountCodePoints(note) > 120) return false;
  bool strict = IsStrictEmptyNote(note);
  if (!strict && !DeclaresNone(note)) return false;
  bool named = false, same = false;
  for (std::string_view w : kFundWords) {
    if (!Contains(note, w)) continue;
    named = true;
    same |= Contains(title, w);
  }
  if (named) return same;
  return strict;
}

SectionRank SectionRankOf(std::string_view title) {
  if (Contains(title, "表") || Contains(title, "附件")) return {};
  if (Contains(title, "概况")) return {1, 10};
  bool explains = Contains(title, "说明") || Contains(title, "情况");
  if (!explains) return {};
  if (Contains(title, "机关运行") || Contains(title, "采购") ||
      Contains(title, "资产") || Contains(title, "绩效") ||
      Contains(title, "其他") || Contains(title, "会议费"))
    return {};
  if (Contains(title, "三公")) return {2, 70};
  if (Contains(title, "政府性基金")) return {2, 80};
  if (Contains(title, "国有资本")) return {2, 90};
  if (Contains(title, "一般公共预算"))
    return Contains(title, "基本支出") ? SectionRank{2, 60}
                                       : SectionRank{2, 50};
  if (Contains(title, "财政拨款")) {
    if (Contains(title, "基本支出")) return {2, 42};
    if (Contains(title, "收支") || Contains(title, "收入支出")) return {2, 40};
    if (Contains(title, "支出")) return {2, 41};
    return {};
  }
  if (Contains(title, "收支") || Contains(title, "收入支出"))
    return Contains(title, "总体") ? SectionRank{2, 10} : SectionRank{};
  if (Contains(title, "收入")) return {2, 20};
  if (Contains(title, "支出")) return {2, 30};
  // 第三部分 2024年度部门决算情况说明
  if ((Contains(title, "决算") || Contains(title, "预算")) &&
      Contains(title, "说明"))
    return {1, 20};
  return {};
}

}  // namespace budgetdoc
