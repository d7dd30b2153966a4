// Tests schema/embedded_data.{h,cc} and the build step that embeds
// schema/data (schema/embed_data.cmake).
#include "schema/embedded_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace budgetdoc {
namespace {

std::string ReadSourceFile(const std::string& rel) {
  std::ifstream in(std::string(BUDGETDOC_SOURCE_DIR) + "/" + rel,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(EmbeddedDataTest, EveryDataFileOfOursIsEmbeddedByteForByte) {
  for (const char* name :
       {"func_codes.csv", "econ_codes.csv", "regions_provinces.csv",
        "regions_cities.csv", "regions_counties.csv"}) {
    SCOPED_TRACE(name);
    std::string on_disk = ReadSourceFile(std::string("schema/data/") + name);
    ASSERT_FALSE(on_disk.empty()) << "cannot read the source file";
    EXPECT_EQ(EmbeddedData(name), on_disk);
  }
}

TEST(EmbeddedDataTest, LargeFilesSurviveChunkingIntact) {
  // regions_counties.csv is several times the 8000-byte literal size.
  std::string_view data = EmbeddedData("regions_counties.csv");
  EXPECT_GT(data.size(), 40000u);
  EXPECT_EQ(data.substr(0, 14), "code,name\n1101");
  EXPECT_EQ(data.back(), '\n');
  EXPECT_NE(data.find("511902,巴州区\n"), std::string_view::npos);
}

TEST(EmbeddedDataTest, AbsentFileIsEmpty) {
  EXPECT_EQ(EmbeddedData("no_such_file.csv"), "");
  EXPECT_EQ(EmbeddedData(""), "");
  EXPECT_EQ(EmbeddedData("README.md"), "");  // only *.csv and *.tsv
  EXPECT_EQ(EmbeddedData("LICENSE-divisions"), "");
}

TEST(EmbeddedDataTest, FileListIsSortedAndHoldsOnlyCsvAndTsv) {
  std::vector<std::string_view> files = EmbeddedDataFiles();
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
  EXPECT_NE(std::find(files.begin(), files.end(), "func_codes.csv"),
            files.end());
  for (std::string_view f : files) {
    std::string_view ext = f.substr(f.size() - 4);
    EXPECT_TRUE(ext == ".csv" || ext == ".tsv") << f;
    EXPECT_FALSE(EmbeddedData(f).empty()) << f;
  }
}

struct TableCase {
  const char* name;
  const char* text;
  char separator;
  bool ok;
  size_t rows;
  const char* last_field;  // last field of the last row, when ok
};

TEST(EmbeddedDataTest, ParsesCommentsQuotesAndTabs) {
  const TableCase cases[] = {
      {"comments and blank lines are skipped", "# note\n\na,b\n1,2\n", ',',
       true, 1, "2"},
      {"quoted field keeps separators and quotes", "a,b\n1,\"x,\"\"y\"\"\"\n",
       ',', true, 1, "x,\"y\""},
      {"short rows are padded", "a,b,c\n1\n", ',', true, 1, ""},
      {"tabs separate tsv", "a\tb\n1\t2,3\n", '\t', true, 1, "2,3"},
      {"crlf line endings", "a,b\r\n1,2\r\n", ',', true, 1, "2"},
      {"too many fields fail", "a,b\n1,2,3\n", ',', false, 0, ""},
      {"unclosed quote fails", "a\n\"x\n", ',', false, 0, ""},
      {"no header fails", "# only a comment\n", ',', false, 0, ""},
  };
  for (const TableCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<DataTable> t = ParseDataTable("t.csv", c.text, c.separator);
    ASSERT_EQ(t.ok(), c.ok) << t.status().ToString();
    if (!c.ok) {
      EXPECT_NE(t.status().message().find("t.csv"), std::string::npos);
      continue;
    }
    ASSERT_EQ(t->rows.size(), c.rows);
    EXPECT_EQ(t->rows.back().back(), c.last_field);
    EXPECT_EQ(t->rows.back().size(), t->header.size());
  }
}

TEST(EmbeddedDataTest, ReadDataTableReportsAbsentFileAsNotFound) {
  Result<DataTable> t = ReadDataTable("absent.tsv", '\t');
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kNotFound);
  Result<DataTable> f = ReadDataTable("func_codes.csv", ',');
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->Column("code"), 0);
  EXPECT_EQ(f->Column("nope"), -1);
}

}  // namespace
}  // namespace budgetdoc
