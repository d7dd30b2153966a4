// The document as lines for report metadata (internal to schema/; the
// public API is schema/metadata.h): the word tables metadata reads by
// (organization endings, body labels, report phrases), small UTF-8 string
// helpers, placeholders ("XX", "××"), every heading and block line with where
// it was printed, and the years ("2023年", "20XX年") a line prints.
// Pure functions; thread-safe. Tested through tests/schema/metadata_test.cc.
#ifndef BUDGETDOC_SCHEMA_METADATA_LINES_H_
#define BUDGETDOC_SCHEMA_METADATA_LINES_H_

#include "base/provenance.h"
#include "normalize/normalize.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace metadata_internal {

// ---- Tables of words ----

// Endings of organization names, longest first so that trimming keeps the
// most specific one.
constexpr std::string_view kOrgSuffixes[] = {
    "街道办事处", "管理委员会", "人民检察院", "人民法院", "人民政府", "办事处",
    "委员会",     "办公室",     "办公厅",     "管理局",   "检察院",   "法院",
    "中心",       "政府",       "医院",       "学校",     "研究院",   "研究所",
    "常委会",     "工会",       "联合会",     "局",       "厅",       "委",
    "办",         "院",         "部",         "署",       "所",       "站",
    "队",         "馆",         "处",         "室",       "社",       "会",
    "校"};

// Labels that introduce the publishing body, in order of preference.
constexpr std::string_view kEntityLabels[] = {
    "预算主管部门", "决算主管部门", "预算单位", "决算单位",
    "主管部门",     "部门名称",     "单位名称", "编制单位",
    "填报单位",     "部门",         "单位"};

// Level words printed between the year and the scope in titles.
constexpr std::string_view kLevelWords[] = {"区级", "市级", "省级", "县级",
                                            "镇级", "乡级", "本级", "中央"};

// Words between the body and the year in some titles.
constexpr std::string_view kTitleFillers[] = {"关于", "的", "公开"};

// Words right before a year that make it a comparison or a date, not the
// fiscal year ("与2022年度相比", "截至2023年12月31日").
constexpr std::string_view kNotFiscalBefore[] = {
    "与", "比", "较", "同", "截至", "截止", "至", "从", "自", "上", "前", "和"};

// Phrases after "YYYY年(度)" that name the report itself.
constexpr std::string_view kReportPhrases[] = {
    "部门决算", "单位决算", "部门预算", "单位预算", "决算表",   "预算表",
    "决算情况", "预算情况", "决算公开", "预算公开", "决算报告", "预算报告"};

// Evidence for the kind when the title does not say it. "部门预算项目"
// (projects of the budget) is printed by final accounts too.
constexpr std::string_view kFinalPhrases[] = {
    "部门决算", "单位决算", "决算表", "决算情况说明", "支出决算", "决算数"};
constexpr std::string_view kBudgetPhrases[] = {
    "部门预算", "单位预算", "预算表", "预算情况说明", "预算安排", "预算公开"};

// CJK characters before "万元" that mark an amount left blank
// ("支出万元", "合计万元").
constexpr std::string_view kBlankAmountBefore[] = {
    "出", "计", "入", "为", "额", "费", "是", "达", "用", "余"};

constexpr int kStrongYearWeight = 5;
constexpr int kHeadingYearWeight = 10;
constexpr int kTemplatePlaceholders = 10;
constexpr int kTemplateBlankAmounts = 10;
constexpr size_t kMaxTemplateMarkers = 5;
constexpr size_t kMaxHeadLines = 12;
constexpr size_t kMaxEntityChars = 40;
constexpr size_t kMaxOrgChars = 30;

// ---- Small string helpers (UTF-8) ----

bool StartsWith(std::string_view s, std::string_view p);
bool EndsWith(std::string_view s, std::string_view p);
bool IsDigit(char c);

bool IsSpace(char32_t c);

// Code point at s[pos] (without advancing), or 0 at the end.
char32_t At(std::string_view s, size_t pos);

// Start of the code point that ends at `pos`.
size_t PrevBoundary(std::string_view s, size_t pos);

bool IsNameChar(char32_t c);

size_t CountChars(std::string_view s);

// Longest prefix of `s` (at most kMaxOrgChars) that ends with an
// organization suffix; "" when none.
std::string_view TrimToOrg(std::string_view s);

// Placeholder tokens: runs of two or more X/× not inside an ASCII word,
// and 某某.
struct Placeholder {
  size_t begin = 0, end = 0;
};
std::vector<Placeholder> FindPlaceholders(std::string_view s);

bool HasPlaceholder(std::string_view s);

// ---- The document as lines ----

struct Line {
  std::string text;       // normalized, spaces removed
  std::vector<int> norm;  // norm[i]: offset in the normalized source text
  int block = -1;
  int table = -1, row = -1, column = -1;
  bool heading = false;
  bool is_text = false;  // a text block (not a table title or cell)
};

Line MakeLine(std::string_view normalized);

std::vector<Line> CollectLines(const NormalizedDocument& nd);

Provenance Where(const NormalizedDocument& nd, const Line& line, size_t begin,
                 size_t end);

// ---- Years ----

struct YearAt {
  size_t begin = 0;  // the first digit
  size_t end = 0;    // after 年 (and 度)
  int year = 0;      // 0 for a placeholder year (20XX年)
};

// Every "YYYY年" (1990-2099) or placeholder year in `s`.
std::vector<YearAt> FindYears(std::string_view s);

// "2023年12月31日": a date, not a year of account.
bool IsDate(std::string_view s, const YearAt& y);

bool IsComparisonOrDate(std::string_view s, const YearAt& y);

// The clause after a year, up to punctuation, at most 30 bytes.
std::string_view ClauseAfter(std::string_view s, size_t from);

bool ContainsAny(std::string_view s, const std::string_view* words, size_t n);

size_t CountOccurrences(std::string_view s, std::string_view w,
                        std::string_view unless_followed_by = {});

}  // namespace metadata_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_METADATA_LINES_H_
