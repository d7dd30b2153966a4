// OCR end to end on one short page we make: page 1 of the pdf_narrative
// sample rendered to an image and wrapped in an image-only PDF (written
// here), then read back with --ocr auto / off. Skipped with a message when
// the Tesseract language data (tesseract-ocr-chi-sim) is not installed.
#include "extract/ocr.h"

#include "base/file_io.h"
#include "extract/extract.h"
#include "extract/pdf_render.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>
#include <sys/stat.h>
#include <vector>

namespace budgetdoc {
namespace {

bool LanguageDataInstalled() {
  struct stat st;
  return ::stat("/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata",
                &st) == 0;
}

// A one-page PDF showing `image` (8-bit gray, uncompressed) over a page of
// `width` x `height` points: what a scanner writes, without a text layer.
std::string ImageOnlyPdf(const PageBitmap& image, double width, double height) {
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "] /Resources << /XObject << /Im0 4 0 R >> >> "
                    "/Contents 5 0 R >>");
  std::string pixels(image.pixels.begin(), image.pixels.end());
  objects.push_back(
      "<< /Type /XObject /Subtype /Image /Width " +
      std::to_string(image.width) + " /Height " + std::to_string(image.height) +
      " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " +
      std::to_string(pixels.size()) + " >>\nstream\n" + pixels + "\nendstream");
  std::string draw = "q " + std::to_string(width) + " 0 0 " +
                     std::to_string(height) + " 0 0 cm /Im0 Do Q";
  objects.push_back("<< /Length " + std::to_string(draw.size()) +
                    " >>\nstream\n" + draw + "\nendstream");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) +
         "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

class OcrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!LanguageDataInstalled()) {
      GTEST_SKIP() << "Tesseract language data chi_sim is not installed "
                      "(apt-get install tesseract-ocr-chi-sim): OCR not tested";
    }
    Result<std::string> text_pdf =
        ReadFile(testing::SourcePath("samples/pdf_narrative/input.pdf"));
    ASSERT_TRUE(text_pdf.ok());
    RenderOptions render;
    render.dpi = 200;
    Result<PageBitmap> page = RenderPdfPage(*text_pdf, 1, render);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    scan_ = ImageOnlyPdf(*page, 595.304, 841.89);
  }
  std::string scan_;
};

TEST_F(OcrTest, AScannedPageIsRecognizedAndFeedsTheLayout) {
  ExtractOptions opts;
  opts.source_name = "scan.pdf";
  Result<Document> doc = Extract(scan_, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_TRUE(doc->pages[0].ocr);
  EXPECT_FALSE(doc->pages[0].unreadable);
  EXPECT_GE(doc->pages[0].ocr_confidence, 80);
  EXPECT_EQ(doc->pages[0].reason, "no text layer (the page is an image)");
  std::string text;
  size_t spans = 0;
  for (const Block& b : doc->blocks) {
    text += b.text + "\n";
    spans += b.ocr.size();
  }
  EXPECT_GT(spans, 20u);
  for (const char* expected :
       {"部门预算", "2,946.25", "2,940.05", "99.79%", "2,336.91", "603.14"}) {
    EXPECT_NE(text.find(expected), std::string::npos)
        << "missing '" << expected << "' in:\n"
        << text;
  }
}

TEST_F(OcrTest, OffLeavesTheScannedPageUnreadable) {
  ExtractOptions opts;
  opts.ocr.mode = OcrMode::kOff;
  Result<Document> doc = Extract(scan_, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  EXPECT_TRUE(doc->pages[0].unreadable);
  EXPECT_FALSE(doc->pages[0].ocr);
  EXPECT_TRUE(doc->blocks.empty());
}

TEST(OcrEngineTest, MissingLanguageDataNamesThePackageToInstall) {
  OcrOptions opts;
  opts.language = "chi_sim";
  opts.tessdata_dir = "/nonexistent/tessdata";
  Result<OcrEngine> engine = OcrEngine::Create(opts);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(engine.status().message().find("tesseract-ocr-chi-sim"),
            std::string::npos)
      << engine.status().message();
}

TEST(OcrEngineTest, MissingLanguageDataInAutoModeIsAFindingNotAFailure) {
  // A page that is an image: a black square on a white page.
  PageBitmap image;
  image.width = image.height = 200;
  image.pixels.assign(200 * 200, 255);
  for (int y = 50; y < 150; ++y) {
    for (int x = 50; x < 150; ++x) image.pixels[y * 200 + x] = 0;
  }
  std::string pdf = ImageOnlyPdf(image, 200, 200);
  ExtractOptions opts;
  opts.ocr.tessdata_dir = "/nonexistent/tessdata";
  Result<Document> doc = Extract(pdf, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  bool named = false;
  for (const Finding& f : doc->findings) {
    named |= f.rule == "extract.pdf.ocr_unavailable" &&
             f.message.find("tesseract-ocr-chi-sim") != std::string::npos;
  }
  EXPECT_TRUE(named);
}

TEST(OcrWordsTest, NoLineIsSmallerTypeThanThePagesMedianLine) {
  // Two body lines, a line of digits only (the "1" of a wrapped code: a
  // shorter line box) and a heading line.
  auto word = [](const char* text, double y0, double y1) {
    OcrWord w;
    w.text = text;
    w.x0 = 10;
    w.x1 = 20;
    w.y0 = w.line_y0 = y0;
    w.y1 = w.line_y1 = y1;
    w.confidence = 90;
    return w;
  };
  std::vector<OcrWord> words = {
      word("行政运行", 100, 107.5), word("10,781,900.00", 100, 107.5),
      word("机关服务", 120, 127.5), word("1", 110, 115), word("标题", 40, 56)};
  std::vector<PdfWord> out = OcrWordsToPdfWords(words);
  ASSERT_EQ(out.size(), 5u);
  EXPECT_DOUBLE_EQ(out[0].font_size, 7.5);
  EXPECT_DOUBLE_EQ(out[3].font_size, 7.5);  // lifted from 5
  EXPECT_DOUBLE_EQ(out[4].font_size, 16);   // a taller line keeps its own
  EXPECT_DOUBLE_EQ(out[3].y0, 110);         // boxes are not changed
  EXPECT_DOUBLE_EQ(out[3].y1, 115);
  EXPECT_EQ(out[3].confidence, 90);
}

TEST(OcrModeTest, ParsesTheThreeModes) {
  OcrMode m = OcrMode::kOff;
  EXPECT_TRUE(ParseOcrMode("auto", &m));
  EXPECT_EQ(m, OcrMode::kAuto);
  EXPECT_TRUE(ParseOcrMode("force", &m));
  EXPECT_EQ(m, OcrMode::kForce);
  EXPECT_TRUE(ParseOcrMode("off", &m));
  EXPECT_EQ(m, OcrMode::kOff);
  EXPECT_FALSE(ParseOcrMode("on", &m));
}

}  // namespace
}  // namespace budgetdoc
