#include "tests/testing/corpus.h"

#include <cstdlib>
#include <sys/stat.h>

namespace budgetdoc::testing {

std::string CorpusDir() {
  const char* env = std::getenv("BUDGETDOC_CORPUS_DIR");
  if (env != nullptr && *env != '\0') return env;
  return std::string(BUDGETDOC_SHARED_DIR) + "/corpus";
}

std::string CorpusPath(const std::string& rel) {
  std::string p = CorpusDir() + "/" + rel;
  struct stat st;
  if (stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  return p;
}

}  // namespace budgetdoc::testing
