// Corrupt and hostile DOCX/HTML inputs: each must fail fast with a specific
// StatusCode and a message naming the part and the limit, or (HTML, wrong
// extensions) be read as what the bytes are.
#include "extract/extract.h"
#include "extract/zip_archive.h"
#include "tests/extract/docx_testing.h"
#include "tests/testing/cpu_time.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

using testing::DocumentXml;
using testing::MakeDocx;
using testing::Para;

std::string Zip(const std::vector<ZipEntryForTest>& entries) {
  Result<std::string> z = WriteZipForTest(entries);
  EXPECT_TRUE(z.ok()) << z.status().ToString();
  return z.ok() ? *z : std::string();
}

std::string BillionLaughs() {
  std::string x =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a0 \"ha\">";
  for (int i = 1; i < 10; ++i) {
    x += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) x += "&a" + std::to_string(i - 1) + ";";
    x += "\">";
  }
  return x +
         "]><w:document xmlns:w=\"urn:w\"><w:body><w:p><w:r><w:t>&a9;"
         "</w:t></w:r></w:p></w:body></w:document>";
}

std::string ExternalEntity() {
  return "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "
         "\"file:///etc/passwd\">]><w:document xmlns:w=\"urn:w\"><w:body><w:p>"
         "<w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";
}

std::string DeepXml(int depth) {
  std::string body;
  for (int i = 0; i < depth; ++i) body += "<w:customXml>";
  body += Para("深");
  for (int i = 0; i < depth; ++i) body += "</w:customXml>";
  return DocumentXml(body);
}

// Patches every declared uncompressed size so the zip lies about them.
std::string LieAboutSizes(std::string zip, uint32_t size) {
  auto put32 = [&](size_t at) {
    for (int i = 0; i < 4; ++i) {
      zip[at + static_cast<size_t>(i)] =
          static_cast<char>((size >> (8 * i)) & 0xFF);
    }
  };
  for (size_t p = zip.find("PK\x03\x04"); p != std::string::npos;
       p = zip.find("PK\x03\x04", p + 4)) {
    put32(p + 22);
  }
  for (size_t p = zip.find("PK\x01\x02"); p != std::string::npos;
       p = zip.find("PK\x01\x02", p + 4)) {
    put32(p + 24);
  }
  return zip;
}

struct CorruptCase {
  const char* name;
  std::string bytes;
  StatusCode code;
  std::vector<std::string> substrings;
};

std::vector<CorruptCase> Cases() {
  std::string good = MakeDocx(Para("正文"));
  std::vector<ZipEntryForTest> many;
  for (int i = 0; i < 10001; ++i) {
    many.push_back({"word/media/x" + std::to_string(i), "", 0, false});
  }
  const char kRels[] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
      "openxmlformats.org/officeDocument/2006/relationships/chart\" "
      "Target=\"charts/chart1.xml\"/></Relationships>";
  std::string chart_para =
      "<w:p><w:r><w:drawing><c:chart r:id=\"rId1\"/></w:drawing></w:r></w:p>";
  return {
      {"truncated zip",
       good.substr(0, good.size() * 2 / 3),
       StatusCode::kCorrupt,
       {"bad.docx: zip: ", "truncated"}},
      {"zip without word/document.xml",
       Zip({{"word/styles.xml", "<w:styles xmlns:w=\"urn:w\"/>"}}),
       StatusCode::kCorrupt,
       {"bad.docx: ", "no word/document.xml"}},
      {"zip that is not a Word document at all",
       Zip({{"content.xml", "x"}}),
       StatusCode::kUnsupported,
       {"bad.docx: unsupported format: zip"}},
      {"malformed document.xml",
       Zip({{"word/document.xml",
             "<w:document xmlns:w=\"urn:w\"><w:body>"
             "<w:p></w:body>"}}),
       StatusCode::kCorrupt,
       {"bad.docx: word/document.xml: xml is not well-formed: line 1"}},
      {"document.xml without a body",
       Zip({{"word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"}}),
       StatusCode::kCorrupt,
       {"word/document.xml: no w:body element"}},
      {"entity bomb (billion laughs)",
       Zip({{"word/document.xml", BillionLaughs()}}),
       StatusCode::kUnsupported,
       {"bad.docx: word/document.xml: xml declares entities"}},
      {"external entity to /etc/passwd",
       Zip({{"word/document.xml", ExternalEntity()}}),
       StatusCode::kUnsupported,
       {"word/document.xml: xml declares entities"}},
      {"entity bomb in a secondary part",
       MakeDocx(Para("正文"), {{"word/styles.xml", BillionLaughs()}}),
       StatusCode::kUnsupported,
       {"word/styles.xml: xml declares entities"}},
      {"entity bomb in a chart part",
       MakeDocx(chart_para, {{"word/_rels/document.xml.rels", kRels},
                             {"word/charts/chart1.xml", BillionLaughs()}}),
       StatusCode::kUnsupported,
       {"word/charts/chart1.xml: xml declares entities"}},
      {"xml nested deeper than max_xml_depth",
       Zip({{"word/document.xml", DeepXml(300)}}),
       StatusCode::kResourceExhausted,
       {"word/document.xml: xml nesting deeper than max_xml_depth (256"}},
      {"zip bomb: 300 MB of zeros",
       Zip({{"[Content_Types].xml", "<Types/>"},
            {"word/document.xml", "", size_t{300} << 20, true}}),
       StatusCode::kResourceExhausted,
       {"bad.docx: word/document.xml: uncompressed size 314572800 bytes "
        "exceeds max_entry_bytes (268435456)"}},
      {"ratio bomb: 20 MB of zeros",
       Zip({{"word/document.xml", "", size_t{20} << 20, true}}),
       StatusCode::kResourceExhausted,
       {"word/document.xml: compression ratio", "max_compression_ratio (200)"}},
      {"zip bomb that lies about its size",
       LieAboutSizes(Zip({{"word/document.xml", "", size_t{300} << 20, true}}),
                     4096),
       StatusCode::kResourceExhausted,
       {"word/document.xml: inflated data passed max_compression_ratio"}},
      {"too many zip entries",
       Zip(many),
       StatusCode::kResourceExhausted,
       {"bad.docx: zip: 10001 entries exceed max_zip_entries (10000)"}},
      {"legacy binary .doc",
       std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
           std::string(512, '\0'),
       StatusCode::kUnsupported,
       {"bad.docx: unsupported format: legacy"}},
  };
}

TEST(CorruptDocxHtmlTest, EachCorruptInputFailsWithASpecificStatus) {
  ExtractOptions opts;
  opts.source_name = "bad.docx";
  for (const CorruptCase& c : Cases()) {
    testing::CpuTimer timer;
    Result<Document> doc = Extract(c.bytes, opts);
    double ms = timer.Millis();
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), c.code)
        << c.name << ": " << doc.status().ToString();
    for (const std::string& s : c.substrings) {
      EXPECT_NE(doc.status().message().find(s), std::string::npos)
          << c.name << ": expected '" << s << "' in '" << doc.status().message()
          << "'";
    }
    EXPECT_LT(ms, testing::kRejectCpuBudgetMs) << c.name;
    std::printf("  %-45s rejected in %7.2f ms\n", c.name, ms);
  }
}

TEST(CorruptDocxHtmlTest, ExternalEntityContentIsNeverRead) {
  ExtractOptions opts;
  Result<Document> doc =
      Extract(Zip({{"word/document.xml", ExternalEntity()}}), opts);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message().find("root:"), std::string::npos);
}

TEST(CorruptDocxHtmlTest, BrokenHtmlStillGivesBlocks) {
  ExtractOptions opts;
  opts.source_name = "broken.html";
  const std::string kInputs[] = {
      "<html><body><p>一、总体情况<p>收入<b>合计<i>1889.05</b>万元<table><tr>"
      "<td>项目<td>金额<tr><td>合计",
      "<div><p>没有结束标签的段落",
      "<html><head><title>只有标题</title><body><p>正文</div></span></p></p>",
      std::string("<p>\x00\x01 控制字符 <<<>>> &unknown; &#xFFFFFFFF; &#0;</p>",
                  sizeof("<p>\x00\x01 控制字符 <<<>>> &unknown; &#xFFFFFFFF; "
                         "&#0;</p>") -
                      1),
  };
  for (const std::string& in : kInputs) {
    Result<Document> doc = Extract(in, opts);
    ASSERT_TRUE(doc.ok()) << in << ": " << doc.status().ToString();
    EXPECT_EQ(doc->format, Format::kHtml);
    EXPECT_FALSE(doc->blocks.empty()) << in;
  }
}

TEST(CorruptDocxHtmlTest, HtmlNestedPastTheParserLimitIsAClearError) {
  std::string html = "<html><body>";
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "<p>深处的文字</p>";
  ExtractOptions opts;
  opts.source_name = "deep.html";
  testing::CpuTimer timer;
  Result<Document> doc = Extract(html, opts);
  double ms = timer.Millis();
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(doc.status().message().find("deep.html: html: elements nested "
                                        "deeper than 256 levels"),
            std::string::npos)
      << doc.status().message();
  EXPECT_LT(ms, testing::kRejectCpuBudgetMs);
}

TEST(CorruptDocxHtmlTest, HtmlDeeperThanMaxXmlDepthIsFlattened) {
  std::string html = "<html><body>";
  for (int i = 0; i < 200; ++i) html += "<div>";
  html += "<p>深处的文字</p>";
  ExtractOptions opts;
  opts.max_xml_depth = 50;
  Result<Document> doc = Extract(html, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_FALSE(doc->blocks.empty());
  EXPECT_EQ(doc->blocks.back().text, "深处的文字");
  ASSERT_FALSE(doc->findings.empty());
  EXPECT_EQ(doc->findings.back().rule, "extract.html.too_deep");
}

TEST(CorruptDocxHtmlTest, FormatComesFromTheBytesNotTheExtension) {
  struct Case {
    const char* name;
    std::string bytes;
    Format format;
  };
  const Case cases[] = {
      {"report.pdf", MakeDocx(Para("其实是DOCX")), Format::kDocx},
      {"report.doc",
       "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><p>"
       "其实是HTML</p></body></html>",
       Format::kHtml},
      {"report.docx", "<!DOCTYPE html><p>其实是HTML</p>", Format::kHtml},
      {"fragment.txt", "<p style=\"text-indent:2em\">其实是HTML片段</p>",
       Format::kHtml},
      {"stored-pdf-inside.docx",
       Zip({{"attachment.pdf", "%PDF-1.4 not really", 0, false},
            {"word/document.xml", DocumentXml(Para("其实是DOCX"))}}),
       Format::kDocx},
  };
  for (const auto& c : cases) {
    ExtractOptions opts;
    opts.source_name = c.name;
    Result<Document> doc = Extract(c.bytes, opts);
    ASSERT_TRUE(doc.ok()) << c.name << ": " << doc.status().ToString();
    EXPECT_EQ(doc->format, c.format) << c.name;
    EXPECT_EQ(doc->source, c.name);
    ASSERT_FALSE(doc->blocks.empty());
    EXPECT_NE(doc->blocks[0].text.find("其实是"), std::string::npos);
  }
}

}  // namespace
}  // namespace budgetdoc
