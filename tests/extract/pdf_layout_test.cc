// Layout from synthetic word boxes: no PDF needed.
#include "extract/pdf_layout.h"

#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

// A word at (x, y) in font size fs: CJK characters are fs wide, others half.
PdfWord Word(const std::string& text, double x, double y, double fs = 12) {
  PdfWord w;
  w.text = text;
  double width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = DecodeUtf8(text, &pos);
    width += c < 0x80 ? 0.5 * fs : fs;
  }
  w.x0 = x;
  w.x1 = x + width;
  w.y0 = y;
  w.y1 = y + fs;
  w.font_size = fs;
  return w;
}

PdfPageInput Page(int number, std::vector<PdfWord> words, double width = 595,
                  double height = 842) {
  PdfPageInput p;
  p.number = number;
  p.width = width;
  p.height = height;
  p.words = std::move(words);
  return p;
}

// Text of all paragraph-like blocks, one per line.
std::string Texts(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTable) continue;
    out += b.text + "\n";
  }
  return out;
}

TEST(PdfLayoutTest, JoinsPiecesWithSpacesOnlyBetweenLatinWords) {
  struct Case {
    const char* left;
    const char* right;
    const char* joined;
  } cases[] = {
      {"预算支出", "222.5", "预算支出222.5"},
      {"222.5", "万元", "222.5万元"},
      {"一般公共", "预算", "一般公共预算"},
      {"Page", "3", "Page 3"},
      {"budget", "report", "budget report"},
      {"占", "15.16%；", "占15.16%；"},
      {"2017", "年度", "2017年度"},
      {"(1)", "公务用车", "(1)公务用车"},
      {"", "起", "起"},
  };
  for (const Case& c : cases) {
    std::string out = c.left;
    AppendJoined(c.right, &out);
    EXPECT_EQ(out, c.joined) << c.left << " + " << c.right;
  }
}

TEST(PdfLayoutTest, RecognizesPageNumbersInTheirUsualForms) {
  struct Case {
    const char* text;
    bool page_number;
  } cases[] = {
      {"— 5 —", true},
      {"─ 14 ─", true},
      {"-16-", true},
      {"- 3 -", true},
      {"第3页", true},
      {"第 3 页 共 20 页", true},
      {"共20页 第3页", true},
      {"28", true},
      {"3/20", true},
      {"Page 3 of 20", true},
      {"（5）", true},
      {"第三页", true},
      {"222.5", false},
      {"2023年", false},
      {"一、", false},
      {"12345", false},
      {"第三部分", false},
      {"单位：万元", false},
      {"", false},
      {"——", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsPageNumberText(c.text), c.page_number) << c.text;
  }
}

TEST(PdfLayoutTest, RecognizesNumberingAtTheStartOfALine) {
  struct Case {
    const char* text;
    bool numbered;
  } cases[] = {
      {"一、主要职能", true},  {"十一、其他", true},  {"（一）贯彻执行", true},
      {"(2)公务用车", true},   {"1．因公出国", true}, {"3、公务接待", true},
      {"第一部分 概况", true}, {"第二条 上海", true}, {"①人员经费", true},
      {"1.5万元", false},      {"2023年预算", false}, {"万元，占", false},
      {"一般公共预算", false}, {"第2023年", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StartsWithNumbering(c.text), c.numbered) << c.text;
  }
}

TEST(PdfLayoutTest, GivesWordsWithImplausibleBoxesOneFontSizeOfHeight) {
  PdfWord flat = Word("合计", 10, 100, 12);
  flat.y0 = 252.0;  // a quarter of the font size high, at the baseline
  flat.y1 = 255.1;
  PdfWord tall = Word("2,112.86", 60, 100, 12);
  tall.y0 = 237.6;  // twice the font size high, centred
  tall.y1 = 259.9;
  std::vector<PdfWord> out = NormalizeWords({flat, tall, Word(" ", 0, 0)});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NEAR(out[0].y1 - out[0].y0, 12, 1e-6);
  EXPECT_NEAR(out[1].y1 - out[1].y0, 12, 1e-6);
  // Both now share a line.
  EXPECT_EQ(BuildLines(out).size(), 1u);
}

TEST(PdfLayoutTest, SortsWordsIntoLinesTopToBottomAndLeftToRight) {
  std::vector<PdfWord> words = {Word("第二行", 100, 130), Word("右", 300, 100),
                                Word("左", 100, 101)};
  std::vector<PdfLine> lines = BuildLines(NormalizeWords(words));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(LineText(lines[0]), "左右");
  EXPECT_EQ(LineText(lines[1]), "第二行");
}

// A paragraph of full lines at x = 72..516 (37 CJK characters of 12 pt).
std::vector<PdfWord> Paragraph(double y, const std::vector<std::string>& lines,
                               double indent = 24) {
  std::vector<PdfWord> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out.push_back(Word(lines[i], 72 + (i == 0 ? indent : 0), y + 20.0 * i));
  }
  return out;
}

TEST(PdfLayoutTest, JoinsWrappedLinesAndSplitsParagraphsAtIndentAndNumbering) {
  std::vector<PdfWord> words;
  // Paragraph 1: indented first line, two full lines, a short last line.
  std::string full(35 * 3, ' ');
  full.clear();
  for (int i = 0; i < 37; ++i) full += "预";
  std::string first_line;
  for (int i = 0; i < 35; ++i) first_line += "算";
  for (const PdfWord& w : Paragraph(100, {first_line, full, "末行。"})) {
    words.push_back(w);
  }
  // A numbered line that is not indented.
  words.push_back(Word("一、主要职能", 72, 170));
  // Paragraph 3: indented.
  words.push_back(Word("本部门收入预算。", 96, 190));
  Document doc = LayOutPdf({Page(1, words)}, PdfLayoutOptions());
  ASSERT_EQ(doc.blocks.size(), 3u) << DebugString(doc);
  EXPECT_EQ(doc.blocks[0].text, first_line + full + "末行。");
  EXPECT_EQ(doc.blocks[1].text, "一、主要职能");
  EXPECT_EQ(doc.blocks[2].text, "本部门收入预算。");
  EXPECT_EQ(doc.blocks[0].page, 1);
  ASSERT_TRUE(doc.blocks[0].bbox.has_value());
  EXPECT_NEAR(doc.blocks[0].bbox->x0, 72, 1e-6);
}

TEST(PdfLayoutTest, PageNumberBetweenANumberAndItsUnitIsRemoved) {
  // "…支出 222.5" ends page 1 at the right margin, the page number sits at
  // the bottom, and "万元，占…" starts page 2.
  std::string head;
  for (int i = 0; i < 34; ++i) head += "费";
  std::vector<PdfWord> p1 = {Word(head, 96, 100), Word("222.5", 504, 120)};
  p1.push_back(Word(head + "支出", 72, 120));
  p1.back().x1 = 500;  // the line holding 222.5 at its end
  p1.push_back(Word("— 28 —", 280, 800, 10));
  std::vector<PdfWord> p2 = {Word("万元，占“三公”经费的8.75%。", 72, 80),
                             Word("— 29 —", 280, 800, 10)};
  Document doc = LayOutPdf({Page(1, p1), Page(2, p2)}, PdfLayoutOptions());
  std::string text = Texts(doc);
  EXPECT_NE(text.find("222.5万元，占"), std::string::npos) << text;
  EXPECT_EQ(text.find("28"), std::string::npos) << text;
  EXPECT_EQ(text.find("29"), std::string::npos) << text;
}

TEST(PdfLayoutTest, RemovesRunningHeadersFootersAndBarePageNumbers) {
  std::vector<PdfPageInput> pages;
  for (int n = 1; n <= 4; ++n) {
    pages.push_back(
        Page(n, {Word("上海市普陀区财政局2024年度部门决算", 150, 30, 10),
                 Word("第" + std::to_string(n) + "段正文。", 96, 300),
                 Word(std::to_string(n + 10), 290, 805, 10)}));
  }
  Document doc = LayOutPdf(pages, PdfLayoutOptions());
  ASSERT_EQ(doc.blocks.size(), 4u) << DebugString(doc);
  for (int n = 1; n <= 4; ++n) {
    EXPECT_EQ(doc.blocks[n - 1].text, "第" + std::to_string(n) + "段正文。");
  }
}

TEST(PdfLayoutTest, KeepsANumberThatIsPartOfTheText) {
  // A lone number inside the page is text, not a page number.
  Document doc =
      LayOutPdf({Page(1, {Word("合计：", 96, 300), Word("28", 300, 400)})},
                PdfLayoutOptions());
  EXPECT_NE(Texts(doc).find("28"), std::string::npos) << DebugString(doc);
}

TEST(PdfLayoutTest, ReadsTwoColumnTextColumnByColumn) {
  std::vector<PdfWord> words;
  words.push_back(Word("两栏标题", 250, 60, 16));
  std::string left, right;
  for (int i = 0; i < 18; ++i) left += "左";
  for (int i = 0; i < 18; ++i) right += "右";
  for (int i = 0; i < 8; ++i) {
    words.push_back(Word(left, 60, 100 + 20.0 * i));
    words.push_back(Word(right, 320, 100 + 20.0 * i));
  }
  Document doc = LayOutPdf({Page(1, words)}, PdfLayoutOptions());
  std::string text = Texts(doc);
  std::string all_left, all_right;
  for (int i = 0; i < 8; ++i) all_left += left;
  for (int i = 0; i < 8; ++i) all_right += right;
  EXPECT_NE(text.find(all_left), std::string::npos) << text;
  EXPECT_NE(text.find(all_right), std::string::npos) << text;
  EXPECT_LT(text.find("两栏标题"), text.find(all_left));
  EXPECT_LT(text.find(all_left), text.find(all_right));
}

TEST(PdfLayoutTest, ReadsTextDrawnRotatedOnThePage) {
  // Text running top to bottom (rotation 1): lines follow right to left.
  auto rotated = [](const std::string& text, double x, double y) {
    PdfWord w = Word(text, 0, 0);
    double len = w.x1 - w.x0;
    w.x0 = x;
    w.x1 = x + 12;
    w.y0 = y;
    w.y1 = y + len;
    w.rotation = 1;
    return w;
  };
  Document doc = LayOutPdf({Page(1, {rotated("第一行文字。", 500, 100),
                                     rotated("第二行文字。", 470, 100)})},
                           PdfLayoutOptions());
  // Two equally long lines of one paragraph, in reading order.
  EXPECT_EQ(Texts(doc), "第一行文字。第二行文字。\n") << DebugString(doc);
  ASSERT_EQ(doc.pages.size(), 1u);
}

TEST(PdfLayoutTest, MarksClearlyLargerShortLinesAsHeadings) {
  std::vector<PdfWord> words = {Word("第一部分 部门概况", 150, 80, 18)};
  for (int i = 0; i < 5; ++i) {
    words.push_back(Word("正文正文正文正文正文。", 96, 130 + 40.0 * i));
  }
  Document doc = LayOutPdf({Page(1, words)}, PdfLayoutOptions());
  ASSERT_GE(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].heading_level, 1);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kParagraph);
}

TEST(PdfLayoutTest, MarksGarbageAndImageOnlyPagesUnreadable) {
  std::vector<PdfWord> garbage;
  for (int i = 0; i < 10; ++i) {
    garbage.push_back(
        Word("\xEF\xBF\xBD\xEF\xBF\xBD\xEE\x80\x81", 72, 100 + 20.0 * i));
  }
  garbage.push_back(Word("(cid:12)(cid:7)", 72, 400));
  PdfPageInput scanned = Page(2, {});
  scanned.image_only = true;
  Document doc = LayOutPdf(
      {Page(1, garbage), scanned, Page(3, {Word("正常的一页。", 96, 100)})},
      PdfLayoutOptions());
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_TRUE(doc.pages[0].unreadable);
  EXPECT_NE(doc.pages[0].reason.find("garbled"), std::string::npos);
  EXPECT_TRUE(doc.pages[1].unreadable);
  EXPECT_NE(doc.pages[1].reason.find("no text layer"), std::string::npos);
  EXPECT_FALSE(doc.pages[2].unreadable);
  EXPECT_EQ(Texts(doc), "正常的一页。\n");
  int unreadable_findings = 0;
  for (const Finding& f : doc.findings) {
    if (f.rule == "extract.pdf.unreadable_page") ++unreadable_findings;
  }
  EXPECT_EQ(unreadable_findings, 2);
}

TEST(PdfLayoutTest, KeepsTheReadersBlankMarkOnlyOnReadablePages) {
  // The reader marks a page blank when it has no words and renders white;
  // a scan (ink, no words) is unreadable and never blank.
  PdfPageInput blank = Page(2, {});
  blank.blank = true;
  PdfPageInput scanned = Page(3, {});
  scanned.image_only = true;
  scanned.blank = true;
  Document doc =
      LayOutPdf({Page(1, {Word("正常的一页。", 96, 100)}), blank, scanned},
                PdfLayoutOptions());
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_FALSE(doc.pages[0].blank);
  EXPECT_TRUE(doc.pages[1].blank);
  EXPECT_FALSE(doc.pages[1].unreadable);
  EXPECT_FALSE(doc.pages[2].blank);
  EXPECT_TRUE(doc.pages[2].unreadable);
}

TEST(PdfLayoutTest, JudgesTextPlausibleByItsScripts) {
  struct Case {
    const char* text;
    bool unreadable;
  };
  // Glyph ids of a font without a Unicode map come out as letters of other
  // scripts; Chinese, figures and the symbols tables use are plausible.
  const Case cases[] = {
      {"本年支出合计1234.56万元，占比81.00%。", false},
      {"①基本支出■项目支出×100‰ ㎡ ℃ Ⅱ ─5─", false},
      {"ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠ", true},
      {"ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ支出", true},
      {"αβγδεζηθικλμνξοπρστυφχψω", true},
      {"ぁあぃいぅうぇえぉおかがきぎくぐ", true},
  };
  for (const Case& c : cases) {
    PdfTextQuality q =
        AssessPageText(Page(1, {Word(c.text, 72, 100)}), PdfLayoutOptions());
    EXPECT_EQ(q.unreadable, c.unreadable) << c.text << " " << q.reason;
    if (c.unreadable) {
      EXPECT_NE(q.reason.find("garbled"), std::string::npos);
    }
  }
}

TEST(PdfLayoutTest, APageOfLatinLettersInAChineseDocumentIsGarbled) {
  std::string chinese = "本部门年度决算收入支出总体情况说明如下所列各项内容。";
  std::string latin = "HJKLhjklQWERTYqwertyZXCVBzxcvbASDFGasdfgPOIUYpoiuy";
  std::vector<PdfWord> p1, p2, p3;
  for (int i = 0; i < 3; ++i) {
    p1.push_back(Word(chinese, 72, 100 + 20.0 * i));
    p3.push_back(Word(chinese, 72, 100 + 20.0 * i));
  }
  p2.push_back(Word(latin, 72, 100));
  Document doc =
      LayOutPdf({Page(1, p1), Page(2, p2), Page(3, p3)}, PdfLayoutOptions());
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_FALSE(doc.pages[0].unreadable);
  EXPECT_TRUE(doc.pages[1].unreadable);
  EXPECT_NE(doc.pages[1].reason.find("garbled"), std::string::npos);
  EXPECT_FALSE(doc.pages[2].unreadable);
  // The same Latin page alone is not judged: nothing says it is Chinese.
  Document alone = LayOutPdf({Page(1, p2)}, PdfLayoutOptions());
  EXPECT_FALSE(alone.pages[0].unreadable);
}

TEST(PdfLayoutTest, ABlankPageIsNotUnreadable) {
  Document doc = LayOutPdf({Page(1, {})}, PdfLayoutOptions());
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_FALSE(doc.pages[0].unreadable);
  EXPECT_TRUE(doc.blocks.empty());
}

TEST(PdfLayoutTest, DropsLinesRepeatedClippedAtTheTopOfTheNextPage) {
  std::string a = "8、组织协调本区工商业、煤炭、电力日常运行的监控。";
  std::string b = "9、组织协调本区商品交易市场规划和管理。";
  Document doc = LayOutPdf({Page(1, {Word(a, 72, 700), Word(b, 72, 720)}),
                            Page(2, {Word(a, 72, -5), Word(b, 72, 15),
                                     Word("10、提供咨询服务。", 72, 100)})},
                           PdfLayoutOptions());
  EXPECT_EQ(Texts(doc), a + "\n" + b + "\n10、提供咨询服务。\n")
      << DebugString(doc);
}

TEST(PdfLayoutTest, ContinuesAParagraphAcrossAPageBreak) {
  std::string full;
  for (int i = 0; i < 37; ++i) full += "续";
  Document doc =
      LayOutPdf({Page(1, {Word("开头" + full.substr(0, 35 * 3), 96, 700),
                          Word(full, 72, 720)}),
                 Page(2, {Word("结尾。", 72, 80), Word("新段落。", 96, 100)})},
                PdfLayoutOptions());
  ASSERT_EQ(doc.blocks.size(), 2u) << DebugString(doc);
  EXPECT_EQ(doc.blocks[0].page, 1);
  EXPECT_NE(doc.blocks[0].text.find(full + "结尾。"), std::string::npos);
  EXPECT_EQ(doc.blocks[1].text, "新段落。");
}

}  // namespace
}  // namespace budgetdoc
