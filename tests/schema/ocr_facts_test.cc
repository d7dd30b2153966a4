#include "schema/ocr_facts.h"

#include <gtest/gtest.h>

#include <vector>

namespace budgetdoc {
namespace {

Document OcrDocument() {
  Document doc;
  Page ocr_page;
  ocr_page.number = 1;
  ocr_page.ocr = true;
  Page text_page;
  text_page.number = 2;
  doc.pages = {ocr_page, text_page};
  Block b;
  b.text = "支出1,234.5万元，收入99.1万元";
  b.page = 1;
  b.ocr = {{0, 6, 96},   {6, 13, 42},  {13, 19, 95}, {19, 22, 93},
           {22, 28, 97}, {28, 32, 91}, {32, 38, 94}};
  doc.blocks.push_back(b);
  Table t;
  Cell sure, unsure;
  sure.ocr_confidence = 93;
  unsure.ocr_confidence = 55;
  t.AddRow({sure, unsure});
  doc.tables.push_back(t);
  return doc;
}

Fact Narrative(int page, int begin, int end) {
  Fact f;
  f.origin = Origin::kNarrative;
  f.where.page = page;
  f.where.block = 0;
  f.where.raw_begin = begin;
  f.where.raw_end = end;
  return f;
}

Fact TableCell(int page, int column) {
  Fact f;
  f.origin = Origin::kTable;
  f.where.page = page;
  f.where.table = 0;
  f.where.row = 0;
  f.where.column = column;
  return f;
}

TEST(OcrFactsTest, FactsTakeTheConfidenceOfTheWordsTheyWereReadFrom) {
  Document doc = OcrDocument();
  std::vector<Fact> facts = {Narrative(1, 6, 13), Narrative(1, 28, 32),
                             TableCell(1, 0), TableCell(1, 1),
                             Narrative(2, 0, 4)};
  MarkOcrFacts(doc, &facts);
  // The misread-prone number: confidence 42, flagged.
  EXPECT_TRUE(facts[0].ocr);
  EXPECT_EQ(facts[0].ocr_confidence, 42);
  EXPECT_TRUE(facts[0].low_confidence);
  EXPECT_EQ(facts[1].ocr_confidence, 91);
  EXPECT_FALSE(facts[1].low_confidence);
  EXPECT_EQ(facts[2].ocr_confidence, 93);
  EXPECT_FALSE(facts[2].low_confidence);
  EXPECT_EQ(facts[3].ocr_confidence, 55);
  EXPECT_TRUE(facts[3].low_confidence);
  // A page with a text layer: nothing changes.
  EXPECT_FALSE(facts[4].ocr);
  EXPECT_EQ(facts[4].ocr_confidence, -1);
  EXPECT_FALSE(facts[4].low_confidence);
}

TEST(OcrFactsTest, AFactWhoseWordsCannotBeFoundIsUncertain) {
  Document doc = OcrDocument();
  std::vector<Fact> facts = {Narrative(1, 100, 110), TableCell(1, 7)};
  MarkOcrFacts(doc, &facts);
  for (const Fact& f : facts) {
    EXPECT_TRUE(f.ocr);
    EXPECT_EQ(f.ocr_confidence, -1);
    EXPECT_TRUE(f.low_confidence);
  }
}

}  // namespace
}  // namespace budgetdoc
