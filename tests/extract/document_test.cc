// LocateText and DisplayedBox on documents built in memory.
#include "extract/document.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

// One page, 600 x 800 points, one block "合计100.00万元" printed as two
// words: "合计" at x 100..124 and "100.00万元" at x 130..(130 + 3.12 + 2)
// ems of 10 points.
Document OneBlock(int turns = 0) {
  Document doc;
  doc.format = Format::kPdf;
  Page page;
  page.number = 1;
  page.width = 600;
  page.height = 800;
  page.turns = turns;
  doc.pages.push_back(page);
  Block b;
  b.text = "合计100.00万元";
  b.page = 1;
  b.boxes.push_back({0, 6, 1, BBox{100, 50, 120, 60}});
  // "100.00" = 6 narrow chars (3.12 em), "万元" = 2 em: 51.2 points.
  b.boxes.push_back({6, 18, 1, BBox{130, 50, 181.2, 60}});
  doc.blocks.push_back(b);
  return doc;
}

TEST(LocateTextTest, CutsAWordInProportionToItsCharacterWidths) {
  Document doc = OneBlock();
  struct Case {
    int begin, end;
    double x0, x1;
  };
  for (const Case& c : {Case{6, 12, 130, 161.2},     // "100.00"
                        Case{12, 18, 161.2, 181.2},  // "万元"
                        Case{6, 18, 130, 181.2},     // the whole word
                        Case{0, 3, 100, 110}}) {     // "合"
    std::vector<TextBox> got = LocateText(doc, 0, c.begin, c.end);
    ASSERT_EQ(got.size(), 1u) << c.begin;
    EXPECT_NEAR(got[0].box.x0, c.x0, 0.01) << c.begin;
    EXPECT_NEAR(got[0].box.x1, c.x1, 0.01) << c.begin;
    EXPECT_EQ(got[0].box.y0, 50);
    EXPECT_EQ(got[0].page, 1);
  }
}

TEST(LocateTextTest, MergesPiecesOfOneLineAndKeepsLinesApart) {
  Document doc = OneBlock();
  std::vector<TextBox> one = LocateText(doc, 0, 3, 12);  // "计100.00"
  ASSERT_EQ(one.size(), 1u);
  EXPECT_NEAR(one[0].box.x0, 110, 0.01);
  EXPECT_NEAR(one[0].box.x1, 161.2, 0.01);
  doc.blocks[0].boxes[1].box = BBox{100, 70, 151.2, 80};  // wrapped
  EXPECT_EQ(LocateText(doc, 0, 3, 12).size(), 2u);
}

TEST(LocateTextTest, NothingForSpansOutsideTheBlockOrBlocksWithoutBoxes) {
  Document doc = OneBlock();
  EXPECT_TRUE(LocateText(doc, 0, 18, 30).empty());
  EXPECT_TRUE(LocateText(doc, 1, 0, 3).empty());
  EXPECT_TRUE(LocateText(doc, -1, 0, 3).empty());
  EXPECT_TRUE(LocateText(doc, 0, 5, 5).empty());
  doc.blocks[0].boxes.clear();
  EXPECT_TRUE(LocateText(doc, 0, 0, 6).empty());
}

TEST(DisplayedBoxTest, TurnsBoxesOfATurnedPageBack) {
  // A page of 600 x 800 as displayed whose text runs top to bottom (one
  // turn): the layout frame is 800 x 600. The layout's turn maps a
  // displayed box (x0, y0, x1, y1) to (y0, 600 - x1, y1, 600 - x0).
  struct Case {
    int turns;
    BBox displayed;
  };
  for (const Case& c : {Case{0, {10, 20, 30, 40}}, Case{1, {10, 20, 30, 40}},
                        Case{2, {10, 20, 30, 40}}, Case{3, {10, 20, 30, 40}}}) {
    Document doc = OneBlock(c.turns);
    const BBox& d = c.displayed;
    BBox layout = d;
    if (c.turns == 1) layout = {d.y0, 600 - d.x1, d.y1, 600 - d.x0};
    if (c.turns == 2) layout = {600 - d.x1, 800 - d.y1, 600 - d.x0, 800 - d.y0};
    if (c.turns == 3) layout = {800 - d.y1, d.x0, 800 - d.y0, d.x1};
    BBox back = DisplayedBox(doc, 1, layout);
    EXPECT_NEAR(back.x0, d.x0, 1e-9) << c.turns;
    EXPECT_NEAR(back.y0, d.y0, 1e-9) << c.turns;
    EXPECT_NEAR(back.x1, d.x1, 1e-9) << c.turns;
    EXPECT_NEAR(back.y1, d.y1, 1e-9) << c.turns;
  }
}

}  // namespace
}  // namespace budgetdoc
