// Corrupt-input suite for the workbook readers (.xlsx, .xls): each input
// fails with a specific status and a message naming what is wrong, and
// nothing crashes or inflates without bound.
#include "base/file_io.h"
#include "extract/extract.h"
#include "extract/zip_archive.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
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

// A compound file of three 512-byte sectors: the header, one FAT sector and
// one directory sector holding "Root Entry" (its 16-bit name length set to
// `root_name_length`) and "Workbook" (no stream). The same bytes with 65535
// are tests/fuzz/corpus/xls_fuzzer/issue21-directory-name-length.
std::string CompoundFile(uint16_t root_name_length) {
  auto le16 = [](std::string* s, uint32_t v) {
    s->push_back(static_cast<char>(v & 0xFF));
    s->push_back(static_cast<char>(v >> 8));
  };
  auto le32 = [&](std::string* s, uint32_t v) {
    le16(s, v & 0xFFFF);
    le16(s, v >> 16);
  };
  auto entry = [&](std::u16string_view name, uint16_t name_length,
                   uint8_t type) {
    std::string e;
    for (char16_t c : name) le16(&e, c);
    e.resize(64, '\0');
    le16(&e, name_length);
    e.push_back(static_cast<char>(type));
    e.push_back('\1');                                 // black
    for (int i = 0; i < 3; ++i) le32(&e, 0xFFFFFFFF);  // no siblings, child
    e.append(36, '\0');    // class id, state bits, times
    le32(&e, 0xFFFFFFFE);  // no first sector
    e.append(8, '\0');     // size 0
    return e;
  };
  std::string f("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  f.append(16, '\0');
  for (uint32_t v : {0x3E, 3, 0xFFFE, 9, 6}) le16(&f, v);  // 512-byte sectors
  f.append(6, '\0');
  // Directory sectors, FAT sectors, first directory sector, transaction,
  // mini stream cutoff, first mini FAT sector and count, first DIFAT
  // sector and count, then the DIFAT: FAT in sector 0.
  for (uint32_t v :
       {0u, 1u, 1u, 0u, 4096u, 0xFFFFFFFEu, 0u, 0xFFFFFFFEu, 0u, 0u})
    le32(&f, v);
  f.append(512 - f.size(), '\xFF');
  le32(&f, 0xFFFFFFFD);  // sector 0: the FAT
  le32(&f, 0xFFFFFFFE);  // sector 1: the directory, one sector long
  f.append(1024 - f.size(), '\xFF');
  f += entry(u"Root Entry", root_name_length, 5);
  f += entry(u"Workbook", 18, 2);
  f.append(1536 - f.size(), '\0');
  return f;
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
      {"xls: a directory entry claims a name longer than its field",
       CompoundFile(0xFFFF), StatusCode::kCorrupt,
       "directory entry 0 claims a name of 65535 bytes"},
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

// FreeXL would read the name past its sector buffer (issue 21); a name that
// fits its field reaches FreeXL, which refuses the file for its empty
// workbook stream.
TEST(CorruptWorkbookTest, AnOverlongDirectoryNameIsRefusedBeforeFreexlReadsIt) {
  std::string seed;
  {
    Result<std::string> r = ReadFile(testing::SourcePath(
        "tests/fuzz/corpus/xls_fuzzer/issue21-directory-name-length"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    seed = *r;
  }
  EXPECT_EQ(seed, CompoundFile(0xFFFF));
  ExtractOptions opts;
  opts.source_name = "book";
  for (uint16_t length : {65, 4096, 65535}) {
    Result<Document> doc = Extract(CompoundFile(length), opts);
    ASSERT_FALSE(doc.ok()) << length;
    EXPECT_EQ(doc.status().code(), StatusCode::kCorrupt) << length;
    EXPECT_NE(doc.status().message().find("directory entry 0"),
              std::string::npos)
        << doc.status().message();
  }
  Result<Document> fits = Extract(CompoundFile(22), opts);
  ASSERT_FALSE(fits.ok());
  EXPECT_EQ(fits.status().message().find("directory entry"), std::string::npos)
      << fits.status().message();
}

// FreeXL reads a sheet's cells out of bounds when a garbled record claims
// new dimensions for it, and leaks the cells of a sheet without DIMENSION
// (issue 21; both inputs are samples/office workbooks the fuzzer damaged).
// It runs in a child process: both are corrupt (the first as a crash, the
// second as FreeXL's own error) and this process goes on.
TEST(CorruptWorkbookTest,
     AWorkbookThatCrashesFreexlIsCorruptAndTheReaderGoesOn) {
  ExtractOptions opts;
  opts.source_name = "book";
  Result<std::string> garbled = ReadFile(testing::SourcePath(
      "tests/fuzz/corpus/xls_fuzzer/issue21-garbled-dimension"));
  ASSERT_TRUE(garbled.ok()) << garbled.status().ToString();
  Result<Document> doc = Extract(*garbled, opts);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(doc.status().message().find("damaged workbook: FreeXL"),
            std::string::npos)
      << doc.status().message();

  Result<std::string> no_dimension = ReadFile(testing::SourcePath(
      "tests/fuzz/corpus/xls_fuzzer/issue21-sheet-without-dimension"));
  ASSERT_TRUE(no_dimension.ok()) << no_dimension.status().ToString();
  doc = Extract(*no_dimension, opts);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kCorrupt);

  Result<std::string> clean =
      ReadFile(testing::SourcePath("samples/office/c02_final_finance.xls"));
  ASSERT_TRUE(clean.ok()) << clean.status().ToString();
  EXPECT_TRUE(Extract(*clean, opts).ok());
}

TEST(CorruptWorkbookTest, AnXlsSniffsAsAWorkbookAndADocAsLegacyWord) {
  EXPECT_EQ(SniffFormat(OleHeader()), SniffedFormat::kXls);
  std::string doc = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                    std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  EXPECT_EQ(SniffFormat(doc), SniffedFormat::kOleLegacy);
}

}  // namespace
}  // namespace budgetdoc
