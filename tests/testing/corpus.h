// Access to ../shared/corpus for tests. The corpus is not ours and may be
// absent (a user's machine): tests call SkipIfNoCorpus() and are skipped with
// a message then.
#ifndef BUDGETDOC_TESTS_TESTING_CORPUS_H_
#define BUDGETDOC_TESTS_TESTING_CORPUS_H_

#include <string>

namespace budgetdoc::testing {

// Directory of the shared corpus ("<repo>/../shared/corpus"), or the value
// of BUDGETDOC_CORPUS_DIR when set.
std::string CorpusDir();

// Path of a corpus file, e.g. CorpusPath("real/x.pdf"); "" when absent.
std::string CorpusPath(const std::string& rel);

}  // namespace budgetdoc::testing

// Skips the current test with a message when the corpus file is absent.
#define BUDGETDOC_SKIP_IF_NO_CORPUS(rel)                                \
  do {                                                                  \
    if (::budgetdoc::testing::CorpusPath(rel).empty()) {                \
      GTEST_SKIP() << "corpus file " << (rel) << " not found under "    \
                   << ::budgetdoc::testing::CorpusDir()                 \
                   << " (the shared corpus is absent on this machine)"; \
    }                                                                   \
  } while (0)

#endif  // BUDGETDOC_TESTS_TESTING_CORPUS_H_
