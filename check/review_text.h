// Text helpers of the reviewer's checklist (check/review_checks.cc): where
// sentences begin and end, years printed in the text, characters that do
// not render, "本表为空" notes and the mandated order of sections. Pure
// functions over UTF-8 text; thread-safe. Internal to check/.
// Tested through tests/check/review_checks_test.cc.
#ifndef BUDGETDOC_CHECK_REVIEW_TEXT_H_
#define BUDGETDOC_CHECK_REVIEW_TEXT_H_

#include <cstddef>
#include <string_view>

namespace budgetdoc {

// t holds w at byte p / just before byte p.
bool StartsWithAt(std::string_view t, size_t p, std::string_view w);
bool EndsWithAt(std::string_view t, size_t p, std::string_view w);

// The code point that ends before byte p / starts at byte p (0 outside t).
char32_t CharBefore(std::string_view t, size_t p);
char32_t CharAt(std::string_view t, size_t p);

// A year printed as four digits and 年 at byte p ("2024年"), not part of a
// longer number, from 1990 to 2100; 0 otherwise.
int YearAt(std::string_view t, size_t p);

// The sentence around byte p: the byte after the previous 。！？；, and one
// past the next one (or the end of t).
size_t SentenceBegin(std::string_view t, size_t p);
size_t SentenceEnd(std::string_view t, size_t p);

// The text ends a sentence: 。！？；, or a closing quotation mark or
// bracket after one.
bool EndsSentence(std::string_view t);

// A character that does not render or does not copy: U+FFFD, private use
// outside the symbol-font range U+F000..U+F0FF.
bool IsUnrenderable(char32_t c);

// A short note that says the table titled `title` is empty: "本表为空", or
// "本部门无…" naming the table's fund (政府性基金, 国有资本经营, 三公,
// 财政专户). A note naming another fund speaks of another table.
bool EmptyNoteBinds(std::string_view note, std::string_view title);

// Where a section stands in the mandated order (domain.md §1.1, §1.3):
// the parts 概况 → 情况说明 (scale 1; 名词解释 has no rank: Shanghai's
// budgets print it before the 编制说明), and the items of the
// 情况说明 in the order of the standard tables (scale 2): 收支总体,
// 收入, 支出, 财政拨款收支 (its 支出, 基本支出), 一般公共预算支出 (its
// 基本支出), 三公, 政府性基金, 国有资本经营. Tables, 附件 and the
// 其他重要事项 (机关运行经费, 采购, 资产, 绩效) vary by province: no rank.
struct SectionRank {
  int scale = 0;  // 0 = no rank
  int rank = 0;
};

SectionRank SectionRankOf(std::string_view title);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_REVIEW_TEXT_H_
