// `budgetdoc compare FILE FILE...`: the cross-document checks
// (check/cross_document.h) on the files given — one body's reports of
// consecutive years, or a department's report with its units' — each file
// analyzed as `check` does. Tested by tests/cli/compare_test.cc.
#ifndef BUDGETDOC_CLI_COMPARE_H_
#define BUDGETDOC_CLI_COMPARE_H_

#include "check/cross_document.h"
#include "cli/pipeline.h"

#include <ostream>
#include <string>
#include <vector>

namespace budgetdoc {

// What the cross-document checks need of one analysis.
CrossDocument CrossDocumentOf(const Analysis& a, std::string id,
                              std::string path);

// args: FILE FILE... [--format text|json] [--lang zh|en]
//       [--fail-on error|warning|never]. Exit codes as `check`: 0, 1 when a
// result is at or above --fail-on, 2 for bad usage or an unreadable file.
int RunCompareCommand(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_COMPARE_H_
