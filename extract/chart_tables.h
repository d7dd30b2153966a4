// Chart data printed as a small table next to its chart caption: a text or
// HTML export often keeps a chart only as "图1：…（柱状图）" plus a grid of
// its categories and values. Such tables become charts.
// Tested by tests/extract/chart_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_CHART_TABLES_H_
#define BUDGETDOC_EXTRACT_CHART_TABLES_H_

#include "extract/document.h"

#include <string_view>

namespace budgetdoc {

// "图1", "图 2", "（图3：…）", "(图一", "图表1": text that starts like a
// figure caption (the DOCX reader links charts to such paragraphs).
bool StartsLikeFigureCaption(std::string_view text);

// "图1：收、支决算总计变动情况（柱状图）", "（图2：支出决算结构）（饼状图）":
// a chart caption — starts like one and is short (≤ 80 code points).
// Table captions ("表1 …") are not.
bool IsChartCaption(std::string_view text);

// The chart a caption names: title without "图N：" and the type in brackets
// ("柱状图" -> "bar", "饼状图" -> "pie", "折线图" -> "line").
void ChartTitleFromCaption(std::string_view caption, Chart* chart);

// Turns every top-level table that sits right after or right before a chart
// caption block and has a chart's shape (a header row of category labels
// over a blank corner; every other row a series name followed by numbers)
// into a chart block linked to that caption. Other tables are untouched;
// table indices are renumbered.
void ConvertChartTables(Document* doc);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_CHART_TABLES_H_
