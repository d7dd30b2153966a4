// Corrupt-input suite for the workbook readers (.xlsx, .xls): each input
// fails with a specific status and a message naming what is wrong, and
// nothing crashes or inflates without bound.
#include "base/file_io.h"
#include "extract/extract.h"
#include "extract/zip_archive.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

constexpr char kWorkbook[] =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<sheets><sheet name="表1" sheetId="1"/></sheets></workbook>)";

std::string Zip(std::vector<ZipEntryForTest> entries) {
  Result<std::string> zip = WriteZipForTest(entries);
  EXPECT_TRUE(zip.ok());
  return zip.ok() ? *zip : std::string();
}

std::string Sheet(const std::string& rows) {
  return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// `bytes` with [from, to) overwritten by 0xFF.
std::string Overwritten(std::string bytes, size_t from, size_t to) {
  for (size_t i = from; i < to && i < bytes.size(); ++i) bytes[i] = '\xFF';
  return bytes;
}

std::string OleHeader() {
  return std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
         std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16);
}

struct CorruptCase {
  const char* name;
  std::string bytes;
  StatusCode code;
  const char* message;  // a substring of the status message
};

TEST(CorruptWorkbookTest, EachCorruptInputFailsWithASpecificStatus) {
  std::string real_xls;
  {
    Result<std::string> r =
        ReadFile(testing::SourcePath("samples/office/c02_final_finance.xls"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    real_xls = *r;
  }
  const std::vector<CorruptCase> cases = {
      {"zip bomb: a sheet inflating to 300 MiB",
       Zip({{"xl/workbook.xml", kWorkbook},
            {"xl/worksheets/sheet1.xml", "", size_t{300} << 20}}),
       StatusCode::kResourceExhausted, "xl/worksheets/sheet1.xml"},
      {"workbook part missing",
       Zip({{"xl/workbook.xml.bak", kWorkbook},
            {"xl/worksheets/sheet1.xml", Sheet("")}}),
       StatusCode::kCorrupt, "xl/workbook.xml is missing"},
      {"workbook part is not XML",
       Zip({{"xl/workbook.xml", "<workbook><sheets>"}}), StatusCode::kCorrupt,
       "xl/workbook.xml"},
      {"workbook without a sheet list",
       Zip({{"xl/workbook.xml", "<workbook/>"}}), StatusCode::kCorrupt,
       "lists no sheets"},
      {"entity declaration in a sheet",
       Zip({{"xl/workbook.xml", kWorkbook},
            {"xl/worksheets/sheet1.xml",
             "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet/>"}}),
       StatusCode::kUnsupported, "ENTITY"},
      {"malformed cell reference",
       Zip({{"xl/workbook.xml", kWorkbook},
            {"xl/worksheets/sheet1.xml",
             Sheet(R"(<row><c r="A0"><v>1</v></c></row>)")}}),
       StatusCode::kCorrupt, "bad cell reference 'A0'"},
      {"a far corner cell makes a huge grid",
       Zip({{"xl/workbook.xml", kWorkbook},
            {"xl/worksheets/sheet1.xml",
             Sheet(
                 R"(<row r="1"><c r="A1"><v>1</v></c></row>)"
                 R"(<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>)")}}),
       StatusCode::kResourceExhausted, "exceeds"},
      {"xls: OLE signature and nothing else", OleHeader(), StatusCode::kCorrupt,
       "xls:"},
      {"xls: OLE header followed by garbage",
       OleHeader() + std::string(4096, '\x5A'), StatusCode::kCorrupt, "xls:"},
      {"xls: a real workbook with an impossible sector size",
       Overwritten(real_xls, 0x1E, 0x20), StatusCode::kCorrupt, "xls:"},
  };
  for (const CorruptCase& c : cases) {
    ExtractOptions opts;
    opts.source_name = "book";
    Result<Document> doc = Extract(c.bytes, opts);
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), c.code)
        << c.name << ": " << doc.status().ToString();
    EXPECT_NE(doc.status().message().find(c.message), std::string::npos)
        << c.name << ": " << doc.status().message();
    EXPECT_EQ(doc.status().message().rfind("book: ", 0), 0u)
        << c.name << ": the message names the file";
  }
}

TEST(CorruptWorkbookTest, AnXlsSniffsAsAWorkbookAndADocAsLegacyWord) {
  EXPECT_EQ(SniffFormat(OleHeader()), SniffedFormat::kXls);
  std::string doc = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                    std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  EXPECT_EQ(SniffFormat(doc), SniffedFormat::kOleLegacy);
}

}  // namespace
}  // namespace budgetdoc
