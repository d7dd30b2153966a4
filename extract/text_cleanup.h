// Text helpers shared by the readers (internal to extract/): trimming,
// removal of Word conversion artifacts, chart placeholder recognition.
// Tested by tests/extract/text_cleanup_test.cc.
#ifndef BUDGETDOC_EXTRACT_TEXT_CLEANUP_H_
#define BUDGETDOC_EXTRACT_TEXT_CLEANUP_H_

#include <string>
#include <string_view>

namespace budgetdoc {

// Trims ASCII whitespace, ideographic spaces (U+3000) and NBSP at both ends.
std::string TrimSpaces(std::string_view s);

// Removes "[bookmark: _Toc…]" markers and Word field instructions
// ("PAGEREF _Toc25831 \h 3", "TOC \o "1-3" \h \z \u", "HYPERLINK \l "…"").
std::string RemoveConversionArtifacts(std::string_view line);

// "（图1：收、支决算总计变动情况图）（柱状图）", "(图2：…)": a chart
// placeholder left where a chart stood.
bool IsChartPlaceholder(std::string_view text);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_TEXT_CLEANUP_H_
