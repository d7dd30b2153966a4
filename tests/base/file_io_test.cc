// base/file_io.h: whole files and streams read into memory under a limit,
// errors naming the file.
#include "base/file_io.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace budgetdoc {
namespace {

TEST(FileIoTest, ReadStreamReadsEverythingUpToTheLimit) {
  struct Case {
    const char* name;
    std::string data;
    size_t limit;
    bool ok;
  };
  const Case kCases[] = {
      {"empty", "", 10, true},
      {"short", "预算", 10, true},
      {"exactly the limit", std::string(10, 'x'), 10, true},
      {"one byte over", std::string(11, 'x'), 10, false},
      {"several read chunks", std::string(200000, 'y'), 300000, true},
      {"NUL bytes kept", std::string("a\0b", 3), 10, true},
  };
  for (const Case& c : kCases) {
    std::istringstream in(c.data);
    Result<std::string> r = ReadStream(in, "<stdin>", c.limit);
    EXPECT_EQ(r.ok(), c.ok) << c.name;
    if (r.ok()) {
      EXPECT_EQ(*r, c.data) << c.name;
    } else {
      EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted) << c.name;
      EXPECT_EQ(r.status().message().rfind("<stdin>: ", 0), 0u)
          << r.status().message();
    }
  }
}

TEST(FileIoTest, ReadFileNamesTheFileWhenItCannotBeRead) {
  Result<std::string> missing = ReadFile("/nonexistent/report.pdf");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message().rfind("/nonexistent/report.pdf: ", 0),
            0u);
  Result<std::string> dir = ReadFile("/");
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("is a directory"), std::string::npos);
}

}  // namespace
}  // namespace budgetdoc
