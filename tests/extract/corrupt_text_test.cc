// Corrupt and hostile plain-text inputs: each ends in a specific status (or a
// document), never a crash, and errors name the file.
#include "extract/extract.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

Result<Document> ReadBytes(std::string_view bytes) {
  ExtractOptions opts;
  opts.source_name = "bad.txt";
  return Extract(bytes, opts);
}

TEST(CorruptTextTest, RejectsBadInputWithACodeAndTheFileName) {
  struct Case {
    std::string name;
    std::string bytes;
    StatusCode code;
    std::string_view message;
  } cases[] = {
      {"empty file", "", StatusCode::kInvalidArgument, "file is empty"},
      {"binary with NUL bytes",
       std::string("\x7F"
                   "ELF\x02\x01\x01\0\0\0\0",
                   12),
       StatusCode::kUnsupported, "unsupported format"},
      {"legacy word document",
       std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10),
       StatusCode::kUnsupported, "legacy Word document"},
      {"undecodable bytes", "\x81\x20\xFF\xFE\x80\x80 text",
       StatusCode::kCorrupt, "neither valid UTF-8"},
      {"mostly control characters", std::string(200, '\x01') + "abc",
       StatusCode::kUnsupported, "unsupported format"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ReadBytes(c.bytes);
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), c.code)
        << c.name << ": " << doc.status().ToString();
    EXPECT_NE(doc.status().message().find("bad.txt"), std::string::npos)
        << c.name;
    EXPECT_NE(doc.status().message().find(c.message), std::string::npos)
        << c.name << ": " << doc.status().ToString();
  }
}

TEST(CorruptTextTest, GbkFileIsReadNotRejected) {
  std::string gbk;
  for (int i = 0; i < 50; ++i)
    gbk +=
        "\xCA\xD5\xC8\xEB"
        "100\xCD\xF2\xD4\xAA\xA1\xA3\n";
  Result<Document> doc = ReadBytes(gbk);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->blocks.size(), 50u);
  EXPECT_EQ(doc->blocks[0].text, "收入100万元。");
}

TEST(CorruptTextTest, InvalidUtf8ThatIsValidGb18030IsConverted) {
  // A stray Latin-1 byte pair is also a valid GB18030 character; what
  // matters is that the result is valid UTF-8 and nothing crashes.
  Result<Document> doc = ReadBytes("abc\xC3\xA9\xB0\xA1 def\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->metadata.at("encoding"), "GB18030");
}

TEST(CorruptTextTest, ASingleTenMegabyteLineIsKeptWithoutLoss) {
  std::string line;
  line.reserve(10 << 20);
  while (line.size() < (10u << 20)) line += "收入1889.05万元，";
  ExtractOptions opts;
  opts.source_name = "long.txt";
  opts.max_line_bytes = 1 << 20;
  Result<Document> doc = Extract(line, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  size_t total = 0;
  for (const Block& b : doc->blocks) total += b.text.size();
  EXPECT_EQ(total, line.size());
  EXPECT_GE(doc->blocks.size(), 10u);
}

TEST(SniffFormatTest, DetectsFormatFromBytesNotNames) {
  EXPECT_EQ(SniffFormat("%PDF-1.7\n..."), SniffedFormat::kPdf);
  EXPECT_EQ(SniffFormat("junk\n%PDF-1.4"), SniffedFormat::kPdf);
  EXPECT_EQ(SniffFormat(std::string("PK\x03\x04....word/document.xml", 28)),
            SniffedFormat::kDocx);
  EXPECT_EQ(SniffFormat(std::string("PK\x03\x04....xl/workbook.xml", 26)),
            SniffedFormat::kXlsx);
  EXPECT_EQ(SniffFormat(std::string("PK\x03\x04....content.xml", 22)),
            SniffedFormat::kZipOther);
  EXPECT_EQ(SniffFormat("<!DOCTYPE html><html>"), SniffedFormat::kHtml);
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF  <html lang=zh>"), SniffedFormat::kHtml);
  EXPECT_EQ(SniffFormat("一、概况\n"), SniffedFormat::kText);
}

}  // namespace
}  // namespace budgetdoc
