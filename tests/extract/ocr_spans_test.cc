#include "extract/ocr_spans.h"

#include <gtest/gtest.h>

#include <vector>

namespace budgetdoc {
namespace {

PdfWord Word(const char* text, double x0, double x1, int confidence) {
  PdfWord w;
  w.text = text;
  w.x0 = x0;
  w.x1 = x1;
  w.y0 = 100;
  w.y1 = 110;
  w.font_size = 10;
  w.confidence = confidence;
  return w;
}

TEST(OcrSpansTest, EachRecognizedWordGetsItsByteSpanInTheBlockText) {
  PdfLine line;
  line.words = {Word("支出", 0, 20, 95), Word("1,234.5", 22, 60, 40),
                Word("万元", 62, 80, 90)};
  std::vector<OcrSpan> spans;
  // "支出" is 6 bytes; the number follows without a space.
  AppendOcrSpans({line}, "支出1,234.5万元", 10, &spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1].begin, 16);
  EXPECT_EQ(spans[1].end, 23);
  EXPECT_EQ(spans[1].confidence, 40);
  EXPECT_EQ(MinOcrConfidence(spans, 16, 23), 40);
  EXPECT_EQ(MinOcrConfidence(spans, 10, 16), 95);
  EXPECT_EQ(MinOcrConfidence(spans, 0, 5), -1);
}

TEST(OcrSpansTest, TextLayerWordsGiveNoSpansAndNoCellConfidence) {
  PdfLine line;
  line.words = {Word("合计", 0, 20, -1), Word("12.30", 40, 60, -1)};
  EXPECT_FALSE(HasOcrWords({line}));
  std::vector<OcrSpan> spans;
  AppendOcrSpans({line}, "合计12.30", 0, &spans);
  EXPECT_TRUE(spans.empty());
  EXPECT_EQ(MedianOcrConfidence(line.words), -1);
}

TEST(OcrSpansTest, ACellTakesTheLowestConfidenceOfItsWords) {
  PdfLine line;
  line.words = {Word("12.30", 40, 60, 88), Word("4.5", 42, 58, 61),
                Word("合计", 0, 20, 97)};
  line.y0 = 100;
  line.y1 = 110;
  Table t;
  Cell label, number;
  label.page = number.page = 3;
  label.bbox = BBox{0, 95, 30, 115};
  number.bbox = BBox{35, 95, 65, 115};
  t.AddRow({label, number});
  SetCellOcrConfidence({line}, 3, &t);
  EXPECT_EQ(t.rows[0][0].ocr_confidence, 97);
  EXPECT_EQ(t.rows[0][1].ocr_confidence, 61);
  // Another page: unchanged.
  Table other = t;
  other.rows[0][1].ocr_confidence = -1;
  SetCellOcrConfidence({line}, 4, &other);
  EXPECT_EQ(other.rows[0][1].ocr_confidence, -1);
}

TEST(OcrSpansTest, MedianConfidenceIgnoresTextLayerWords) {
  std::vector<PdfWord> words = {Word("a", 0, 1, 90), Word("b", 0, 1, 50),
                                Word("c", 0, 1, 70), Word("d", 0, 1, -1)};
  EXPECT_EQ(MedianOcrConfidence(words), 70);
}

}  // namespace
}  // namespace budgetdoc
