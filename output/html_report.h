// RenderHtmlReport: the report a journalist reads and shows an editor — one
// self-contained HTML page (inline CSS, images as data URIs, no script, a
// Content-Security-Policy that forbids scripts and network access) with, per
// document: what the report is, a summary line, every finding that is not a
// pass with its explanation, printed vs expected values and its evidence
// (the quoted sentence or table row; for a PDF a crop of the rendered page
// with every evidence figure boxed, for other formats the passage
// highlighted in the extracted text), the checks that could not be run, a
// chart of the key totals, a page viewer (PDF: the pages holding evidence,
// boxed; other formats: the extracted text, highlighted) and the recognized
// tables with the cells that take part in a finding marked. Chinese by
// default with an English switch (CSS only). Printable on A4 and readable on
// a phone. Every piece of document text is escaped.
// Pure: page images come from the caller's callback; no clock, no files.
// Tested by tests/output/html_report_test.cc and tests/cli/report_test.cc.
#ifndef BUDGETDOC_OUTPUT_HTML_REPORT_H_
#define BUDGETDOC_OUTPUT_HTML_REPORT_H_

#include "check/check.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace budgetdoc {

// How a check result is shown. DisplayClassOf is the one place that maps the
// check model onto it.
enum class DisplayClass {
  kMaterial,       // a contradiction beyond rounding
  kMinor,          // explained by rounding, or capped (unreadable page)
  kNotChecked,     // could not be checked; the reason is shown
  kPass,           // holds; counted only
  kNotApplicable,  // does not apply; not shown
};
DisplayClass DisplayClassOf(const CheckResult& r);
std::string_view DisplayClassName(DisplayClass c);  // "material", ...

// PNG bytes of each region (page, box in points on the page as displayed),
// or nullopt for one that cannot be rendered: one result per region, in
// order. The resolution is the caller's choice. The report asks once, for
// all its regions, those of one page in a row and pages in order.
using PageImagesFn = std::function<std::vector<std::optional<std::string>>(
    const std::vector<std::pair<int, BBox>>& regions)>;

// One analyzed document.
struct HtmlReportDocument {
  const NormalizedDocument* nd = nullptr;
  const Extraction* ex = nullptr;
  const CheckReport* checks = nullptr;  // messages in Chinese
  // The same checks with messages in English (RunChecks with english =
  // true); null = the English view shows the Chinese messages.
  const CheckReport* checks_en = nullptr;
  PageImagesFn page_images;  // PDF page images; empty = none
};

struct HtmlReportOptions {
  std::string tool_version;  // shown in the footer
  // Shown in the footer when not empty; the caller injects it (the page is
  // otherwise byte-stable for the same input).
  std::string generated_at;
  // Inputs that could not be analyzed, "file: reason", listed at the top.
  std::vector<std::string> failures;
};

std::string RenderHtmlReport(const std::vector<HtmlReportDocument>& documents,
                             const HtmlReportOptions& options);

// Text escaped for HTML element content and double-quoted attribute values:
// & < > " ' as entities, invalid UTF-8 as U+FFFD, C0 controls other than
// tab and newline dropped.
std::string HtmlEscape(std::string_view text);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_HTML_REPORT_H_
