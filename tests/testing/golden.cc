#include "tests/testing/golden.h"

#include "base/file_io.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <vector>

namespace budgetdoc::testing {
namespace {

std::vector<std::string> Lines(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\n') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// A short diff: the first differing lines with some context.
std::string Diff(std::string_view expected, std::string_view actual) {
  std::vector<std::string> e = Lines(expected), a = Lines(actual);
  std::ostringstream out;
  size_t i = 0;
  while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
  out << "first difference at line " << (i + 1) << " (expected " << e.size()
      << " lines, got " << a.size() << ")\n";
  for (size_t k = i; k < i + 8 && (k < e.size() || k < a.size()); ++k) {
    if (k < e.size()) out << "- " << e[k] << "\n";
    if (k < a.size()) out << "+ " << a[k] << "\n";
  }
  return out.str();
}

}  // namespace

std::string SourcePath(const std::string& rel_path) {
  return std::string(BUDGETDOC_SOURCE_DIR) + "/" + rel_path;
}

std::string ReadSourceFile(const std::string& rel_path) {
  Result<std::string> data = ReadFile(SourcePath(rel_path));
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return data.ok() ? *data : std::string();
}

void ExpectMatchesGolden(std::string_view actual, const std::string& rel_path) {
  std::string path = SourcePath(rel_path);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    Status s = WriteFileAtomically(path, actual);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return;
  }
  Result<std::string> expected = ReadFile(path);
  ASSERT_TRUE(expected.ok())
      << "missing golden file " << rel_path << " (run scripts/update_golden)";
  if (*expected != actual) {
    ADD_FAILURE() << "output differs from " << rel_path << "\n"
                  << Diff(*expected, actual);
  }
}

}  // namespace budgetdoc::testing
