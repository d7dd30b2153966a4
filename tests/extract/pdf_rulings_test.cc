#include "extract/pdf_rulings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

// A white canvas to draw on; 0 is black.
struct Canvas {
  int width, height;
  std::vector<unsigned char> px;
  Canvas(int w, int h) : width(w), height(h), px(size_t(w) * h, 255) {}
  void Fill(int x0, int y0, int x1, int y1) {  // [x0, x1) x [y0, y1)
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) px[size_t(y) * width + x] = 0;
    }
  }
  std::vector<PdfRuling> Rulings(double pixels_per_point = 1) const {
    GrayImage img;
    img.pixels = px.data();
    img.width = width;
    img.height = height;
    img.stride = width;
    img.pixels_per_point = pixels_per_point;
    return FindRulings(img, RulingOptions());
  }
};

std::string Describe(const std::vector<PdfRuling>& rs) {
  std::string out;
  for (const PdfRuling& r : rs) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s %.1f,%.1f-%.1f,%.1f\n",
                  r.vertical() ? "v" : "h", r.x0, r.y0, r.x1, r.y1);
    out += buf;
  }
  return out;
}

TEST(PdfRulingsTest, FindsHorizontalAndVerticalBordersOfAGrid) {
  Canvas c(300, 200);
  c.Fill(10, 20, 210, 21);    // top border, 1 px
  c.Fill(10, 60, 210, 62);    // a 2 px border
  c.Fill(10, 20, 11, 100);    // left border
  c.Fill(209, 20, 210, 100);  // right border
  EXPECT_EQ(Describe(c.Rulings()),
            "h 10.0,20.5-210.0,20.5\n"
            "h 10.0,61.0-210.0,61.0\n"
            "v 10.5,20.0-10.5,100.0\n"
            "v 209.5,20.0-209.5,100.0\n");
}

TEST(PdfRulingsTest, TextStrokesAndFilledAreasAreNotRulings) {
  Canvas c(300, 200);
  for (int x = 10; x < 200; x += 12) c.Fill(x, 30, x + 9, 31);  // "一一一"
  c.Fill(20, 50, 28, 70);     // a glyph's vertical strokes: short
  c.Fill(10, 100, 200, 130);  // a shaded header band: too thick
  EXPECT_EQ(Describe(c.Rulings()), "");
}

TEST(PdfRulingsTest, AOnePixelGapDoesNotBreakALine) {
  Canvas c(300, 100);
  c.Fill(10, 40, 100, 41);
  c.Fill(101, 40, 200, 41);  // one pixel missing at x = 100
  EXPECT_EQ(Describe(c.Rulings()), "h 10.0,40.5-200.0,40.5\n");
}

TEST(PdfRulingsTest, PixelsAreConvertedToPoints) {
  Canvas c(400, 200);
  c.Fill(20, 40, 420 - 20, 42);  // 2 px thick at 2 px per point
  EXPECT_EQ(Describe(c.Rulings(2)), "h 10.0,20.5-200.0,20.5\n");
}

TEST(PdfRulingsTest, AHatchedPageGivesNoRulingsAndStaysFast) {
  // Every other pixel row a dashed line: thousands of segments, hatching,
  // not a table.
  Canvas c(600, 800);
  for (int y = 0; y < 800; y += 2) {
    for (int x = 0; x + 25 < 600; x += 28) c.Fill(x, y, x + 25, y + 1);
  }
  EXPECT_TRUE(c.Rulings().empty());
  // A checkerboard of short dashes: many runs on every line.
  Canvas d(600, 800);
  for (int y = 0; y < 800; ++y) {
    for (int x = (y % 2) * 30; x + 25 < 600; x += 28)
      d.Fill(x, y, x + 25, y + 1);
  }
  RulingOptions o;
  o.max_runs_per_line = 10;
  GrayImage img{d.px.data(), d.width, d.height, d.width, 1};
  EXPECT_TRUE(FindRulings(img, o).empty());
}

TEST(PdfRulingsTest, NoImageGivesNoRulings) {
  GrayImage img;
  EXPECT_TRUE(FindRulings(img, RulingOptions()).empty());
  unsigned char px[4] = {0, 0, 0, 0};
  img.pixels = px;
  img.width = 4;
  img.height = 1;
  img.stride = 2;  // shorter than a row: refused
  EXPECT_TRUE(FindRulings(img, RulingOptions()).empty());
}

}  // namespace
}  // namespace budgetdoc
