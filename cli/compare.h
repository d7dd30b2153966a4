// What the checks across documents (check/cross_document.h) need of one
// analysis; `budgetdoc compare` (cli/compare_command.cc) and the tests use
// it. Tested by tests/cli/compare_test.cc.
#ifndef BUDGETDOC_CLI_COMPARE_H_
#define BUDGETDOC_CLI_COMPARE_H_

#include "check/cross_document.h"
#include "cli/pipeline.h"

#include <string>

namespace budgetdoc {

// The analysis's metadata and facts under the caller's id and path, with
// the sentence where the report says it restated last year's figures
// (FindRestatement over its text blocks and table cells).
CrossDocument CrossDocumentOf(const Analysis& a, std::string id,
                              std::string path);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_COMPARE_H_
