// Chinese numerals: "十二" → 12, "两" → 2, "一百零五" → 105, "二〇二三" →
// 2023 (digit by digit). Used for counts ("两辆", "十二个") and heading
// ordinals ("第三部分", "（十一）").
// Tested by tests/normalize/numbers_test.cc.
#ifndef BUDGETDOC_NORMALIZE_NUMBERS_H_
#define BUDGETDOC_NORMALIZE_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace budgetdoc {

// Parses a whole string of Chinese numeral characters (零〇一二两三四五六七八
// 九十百千万, also 壹贰叁肆伍陆柒捌玖拾佰仟). nullopt for anything else.
std::optional<int64_t> ParseChineseNumeral(std::string_view s);

// Circled numbers ①..⑳ → 1..20.
std::optional<int> ParseCircledNumber(std::string_view s);

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_NUMBERS_H_
