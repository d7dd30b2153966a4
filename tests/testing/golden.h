// Golden-file comparison for canonical dumps. On mismatch the test fails
// with a line diff; with UPDATE_GOLDEN=1 in the environment the golden file
// is rewritten instead (review with `git diff samples/`).
#ifndef BUDGETDOC_TESTS_TESTING_GOLDEN_H_
#define BUDGETDOC_TESTS_TESTING_GOLDEN_H_

#include <string>
#include <string_view>

namespace budgetdoc::testing {

// Path relative to the source tree root, e.g. "samples/x/expected/doc.txt".
void ExpectMatchesGolden(std::string_view actual, const std::string& rel_path);

// Absolute path of a file in the source tree.
std::string SourcePath(const std::string& rel_path);

// Reads a file in the source tree; fails the test and returns "" if absent.
std::string ReadSourceFile(const std::string& rel_path);

}  // namespace budgetdoc::testing

#endif  // BUDGETDOC_TESTS_TESTING_GOLDEN_H_
