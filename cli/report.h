// The HTML report of output/html_report.h for one or more documents, with
// PDF page images rendered by extract/pdf_render.h and encoded by
// output/png_writer.h: `budgetdoc report` (cli/report_command.cc). The
// server's workers (cli/serve.cc) build the same page with HtmlReportOf.
// Tested by tests/cli/report_test.cc.
#ifndef BUDGETDOC_CLI_REPORT_H_
#define BUDGETDOC_CLI_REPORT_H_

#include "cli/pipeline.h"
#include "output/html_report.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// Resolution of the page images (crops and pages, 16 gray levels): sharp
// enough to read small table print, small enough to keep a report of many
// pages light and quick to write.
inline constexpr double kReportDpi = 96;
// Time a page image may take (its crops included) before it is given up.
inline constexpr int kReportPageBudgetMs = 10000;

// One analyzed document and the bytes it was read from.
struct ReportSource {
  std::string_view bytes;
  const Analysis* analysis = nullptr;
};

// The report page: checks run again in English for the language switch,
// PDF pages rendered from the bytes. A PDF that Poppler cannot render again
// just has no images.
std::string HtmlReportOf(const std::vector<ReportSource>& sources,
                         const PipelineOptions& options,
                         const HtmlReportOptions& html);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_REPORT_H_
