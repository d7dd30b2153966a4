// Mentions: every amount, percentage and count printed in a text, with its
// exact value, printed scale, unit and span. Classification codes
// (2010301), years (2023年度) and dates are not mentions.
// Pure; thread-safe. Tested by tests/normalize/mentions_test.cc.
#ifndef BUDGETDOC_NORMALIZE_MENTIONS_H_
#define BUDGETDOC_NORMALIZE_MENTIONS_H_

#include "base/decimal.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

enum class MentionKind {
  kAmount,      // money with 元/万元/亿元
  kPercent,     // 36.6% (or 占76.23 without the sign)
  kCount,       // 11个, 两辆, 91人次
  kBareNumber,  // a number where an amount belongs but no unit is printed
};
std::string_view MentionKindName(MentionKind k);

struct Mention {
  MentionKind kind = MentionKind::kAmount;
  Decimal value;     // exact, scale as printed ("691.5" → scale 1)
  std::string unit;  // "万元", "元", "亿元", "%", a measure word, or ""
  std::string text;  // the matched text (normalized form)
  int block = -1;    // filled by the caller
  int begin = 0, end = 0;          // span in the normalized text
  int raw_begin = 0, raw_end = 0;  // span in the raw text (filled by caller)
  std::string pattern;             // name of the pattern that found it
  bool percent_sign_missing = false;
  bool chinese_numeral = false;
  int list_size = 1;  // >1: one of several values sharing a unit
  int list_index = 0;
};

// Finds mentions in one normalized text, left to right, non-overlapping.
std::vector<Mention> FindMentions(std::string_view text);

// One line per mention: "amount 1889.05 万元 [12,25) amount".
std::string MentionsDebugString(const std::vector<Mention>& mentions);

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_MENTIONS_H_
