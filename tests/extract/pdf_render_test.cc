// Word boxes of the PDF layout (Block::boxes, LocateText) checked against
// the page as Poppler renders it (PdfRenderer): every located word holds ink.
#include "extract/pdf_render.h"

#include "extract/extract.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace budgetdoc {
namespace {

struct Sample {
  std::string bytes;
  Document doc;
  std::unique_ptr<PdfRenderer> renderer;
};

Sample Load(const std::string& rel) {
  Sample s;
  s.bytes = testing::ReadSourceFile(rel);
  ExtractOptions opts;
  opts.source_name = rel;
  Result<Document> doc = Extract(s.bytes, opts);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (doc.ok()) s.doc = std::move(doc).value();
  Result<std::unique_ptr<PdfRenderer>> r = PdfRenderer::Open(s.bytes);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (r.ok()) s.renderer = std::move(r).value();
  return s;
}

// Share of dark pixels in a rendered region.
double Ink(PdfRenderer& r, int page, const BBox& box) {
  Result<PageBitmap> b = r.RenderRegion(page, box, 72);
  EXPECT_TRUE(b.ok()) << b.status().ToString();
  if (!b.ok() || b->pixels.empty()) return 0;
  size_t dark = 0;
  for (unsigned char p : b->pixels) dark += p < 128;
  return static_cast<double>(dark) / static_cast<double>(b->pixels.size());
}

TEST(PdfRenderTest, EveryWordBoxOfTheSamplesHoldsInk) {
  for (const char* rel :
       {"samples/pdf_narrative/input.pdf", "samples/pdf_tables/input.pdf"}) {
    Sample s = Load(rel);
    ASSERT_NE(s.renderer, nullptr);
    size_t checked = 0;
    for (size_t b = 0; b < s.doc.blocks.size(); ++b) {
      const Block& block = s.doc.blocks[b];
      for (const TextBox& t : block.boxes) {
        std::vector<TextBox> located =
            LocateText(s.doc, static_cast<int>(b), t.begin, t.end);
        ASSERT_EQ(located.size(), 1u) << rel << " block " << b;
        EXPECT_EQ(located[0].page, t.page);
        EXPECT_GT(Ink(*s.renderer, t.page, located[0].box), 0.02)
            << rel << " block " << b << " word "
            << block.text.substr(static_cast<size_t>(t.begin),
                                 static_cast<size_t>(t.end - t.begin));
        ++checked;
      }
    }
    EXPECT_GT(checked, 5u) << rel;  // tables have cell boxes instead
  }
}

TEST(PdfRenderTest, APartOfAWordIsCutInProportionAndHoldsInk) {
  Sample s = Load("samples/pdf_narrative/input.pdf");
  ASSERT_NE(s.renderer, nullptr);
  // A figure inside a long word (a CJK line is one word): its box is a
  // narrow slice of the word's box, and the figure is printed there.
  for (size_t b = 0; b < s.doc.blocks.size(); ++b) {
    const std::string& text = s.doc.blocks[b].text;
    size_t pos = text.find("2,946.25");
    if (pos == std::string::npos) continue;
    std::vector<TextBox> whole = LocateText(s.doc, static_cast<int>(b), 0,
                                            static_cast<int>(text.size()));
    std::vector<TextBox> figure =
        LocateText(s.doc, static_cast<int>(b), static_cast<int>(pos),
                   static_cast<int>(pos + 8));
    ASSERT_EQ(figure.size(), 1u);
    ASSERT_FALSE(whole.empty());
    double w = figure[0].box.x1 - figure[0].box.x0;
    EXPECT_GT(w, 25);  // eight narrow characters at 12 pt: about 50
    EXPECT_LT(w, 60);
    EXPECT_GT(Ink(*s.renderer, figure[0].page, figure[0].box), 0.05);
    return;
  }
  FAIL() << "the sample has no 2,946.25";
}

TEST(PdfRenderTest, AParagraphContinuedOnTheNextPageHasBoxesThere) {
  Sample s = Load("samples/pdf_narrative/input.pdf");
  for (const Block& b : s.doc.blocks) {
    if (b.text.rfind("5、", 0) != 0) continue;
    ASSERT_FALSE(b.boxes.empty());
    EXPECT_EQ(b.boxes.front().page, 1);
    EXPECT_EQ(b.boxes.back().page, 2);
    for (size_t i = 1; i < b.boxes.size(); ++i) {
      EXPECT_GE(b.boxes[i].begin, b.boxes[i - 1].end);
    }
    EXPECT_LE(b.boxes.back().end, static_cast<int>(b.text.size()));
    return;
  }
  FAIL() << "item 5 not found";
}

TEST(PdfRenderTest, RegionsAreClampedAndBadRequestsFail) {
  Sample s = Load("samples/pdf_narrative/input.pdf");
  ASSERT_NE(s.renderer, nullptr);
  ASSERT_FALSE(s.doc.pages.empty());
  const Page& p = s.doc.pages[0];
  Result<PageBitmap> whole = s.renderer->RenderRegion(
      1, BBox{-50, -50, p.width + 50, p.height + 50}, 144);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_NEAR(whole->width, p.width * 2, 2);
  EXPECT_NEAR(whole->height, p.height * 2, 2);
  EXPECT_EQ(whole->pixels.size(),
            static_cast<size_t>(whole->width) * whole->height);
  struct Bad {
    int page;
    BBox box;
    double dpi;
  };
  for (const Bad& bad :
       {Bad{0, {0, 0, 10, 10}, 72}, Bad{99, {0, 0, 10, 10}, 72},
        Bad{1, {10, 10, 10, 20}, 72}, Bad{1, {0, 0, 10, 10}, 5000}}) {
    EXPECT_FALSE(s.renderer->RenderRegion(bad.page, bad.box, bad.dpi).ok())
        << bad.page << " " << bad.dpi;
  }
  EXPECT_FALSE(PdfRenderer::Open("not a pdf").ok());
}

}  // namespace
}  // namespace budgetdoc
