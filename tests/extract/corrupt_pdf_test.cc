// Corrupt and hostile PDFs: each ends in a specific status or in a document
// with findings, never in a crash or a hang, and nothing reaches stderr.
#include "base/file_io.h"
#include "extract/extract.h"
#include "extract/readers.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

// A small PDF with correct cross-reference offsets. `pages` is the /Kids
// array body and /Count; `content` the page's content stream.
std::string MinimalPdf(const std::string& content, int pages = 1) {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      pages == 0 ? "<< /Type /Pages /Kids [] /Count 0 >>"
                 : "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
      "/Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
          content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out +=
      "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string n = std::to_string(off);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

const char kText[] =
    "BT /F1 12 Tf 72 720 Td (Budget report 2024) Tj 0 -20 Td "
    "(Total income 2,946.25) Tj ET";

std::string Sample() {
  return testing::ReadSourceFile("samples/pdf_tables/input.pdf");
}

TEST(CorruptPdfTest, EachBadPdfEndsInItsStatusOrInFindings) {
  const std::string sample = Sample();
  ASSERT_GT(sample.size(), 4096u);
  std::string bad_xref = MinimalPdf(kText);
  bad_xref.replace(bad_xref.rfind("startxref\n") + 10, 3, "999");
  struct Case {
    std::string name;
    std::string bytes;
    bool ok;                   // a Document is expected
    StatusCode code;           // when !ok
    std::string_view message;  // substring of the status message, or the
                               // rule of a finding expected when ok ("" =
                               // none required)
  } cases[] = {
      {"truncated to its first kilobyte", sample.substr(0, 1024), false,
       StatusCode::kCorrupt, "cannot be opened"},
      {"header only", "%PDF-1.7\n", false, StatusCode::kCorrupt,
       "cannot be opened"},
      {"not a PDF at all", "PK\x03\x04 this is a zip, not a pdf", false,
       StatusCode::kCorrupt, "cannot be opened"},
      {"PDF header followed by garbage",
       "%PDF-1.4\n" + std::string(3000, '\x9c') + "\n%%EOF", false,
       StatusCode::kCorrupt, "cannot be opened"},
      {"zero pages", MinimalPdf("", 0), false, StatusCode::kInvalidArgument,
       "no pages"},
      {"user password",
       testing::ReadSourceFile("tests/extract/testdata/user_password.pdf"),
       false, StatusCode::kUnsupported, "password"},
      {"garbage content stream",
       MinimalPdf("BT /F9 12 Tf ( unclosed 72 720 Td ] Tj ET q Q Q Q 1 2 re f "
                  "\x01\x02\xff BI ID \x80\x80 EI"),
       true, StatusCode::kOk, "extract.pdf.poppler_messages"},
      // Poppler rebuilds the cross-reference table silently.
      {"cross-reference pointing nowhere", bad_xref, true, StatusCode::kOk, ""},
      {"truncated in the middle", sample.substr(0, sample.size() / 2), false,
       StatusCode::kCorrupt, "trailer"},
  };
  for (const Case& c : cases) {
    ExtractOptions opts;
    opts.source_name = "bad.pdf";
    ::testing::internal::CaptureStderr();
    Result<Document> doc = ReadPdf(c.bytes, opts);
    std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(err, "") << c.name << ": poppler wrote to stderr";
    if (!c.ok) {
      ASSERT_FALSE(doc.ok()) << c.name;
      EXPECT_EQ(doc.status().code(), c.code)
          << c.name << ": " << doc.status().ToString();
      EXPECT_NE(doc.status().message().find(c.message), std::string::npos)
          << c.name << ": " << doc.status().ToString();
      continue;
    }
    ASSERT_TRUE(doc.ok()) << c.name << ": " << doc.status().ToString();
    if (c.message.empty()) continue;
    bool found = false;
    for (const Finding& f : doc->findings) found |= f.rule == c.message;
    EXPECT_TRUE(found) << c.name << ": no finding " << c.message << "\n"
                       << DebugString(*doc);
  }
}

TEST(CorruptPdfTest, ErrorsThroughExtractNameTheFile) {
  ExtractOptions opts;
  opts.source_name = "report.pdf";
  Result<Document> doc = Extract("%PDF-1.7\n garbage", opts);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(doc.status().message().find("report.pdf"), std::string::npos)
      << doc.status().ToString();
}

TEST(CorruptPdfTest, EveryPrefixOfASmallPdfIsHandled) {
  // Truncation at every 37th byte: a status or a document, never a crash.
  const std::string pdf = MinimalPdf(kText);
  ExtractOptions opts;
  opts.source_name = "prefix.pdf";
  for (size_t n = 0; n <= pdf.size(); n += 37) {
    Result<Document> doc = ReadPdf(pdf.substr(0, n), opts);
    if (!doc.ok()) {
      EXPECT_NE(doc.status().code(), StatusCode::kOk);
    }
  }
}

TEST(CorruptPdfTest, AMinimalValidPdfReadsItsText) {
  ExtractOptions opts;
  opts.source_name = "minimal.pdf";
  Result<Document> doc = ReadPdf(MinimalPdf(kText), opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  // Two lines of one paragraph; Latin words keep their spaces.
  ASSERT_EQ(doc->blocks.size(), 1u) << DebugString(*doc);
  EXPECT_EQ(doc->blocks[0].text, "Budget report 2024 Total income 2,946.25");
  EXPECT_EQ(doc->blocks[0].page, 1);
}

}  // namespace
}  // namespace budgetdoc
