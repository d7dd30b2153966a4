#include "extract/extract.h"
#include "extract/readers.h"
#include "tests/extract/docx_testing.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

using testing::MakeDocx;
using testing::Para;

Document ReadOrDie(const std::string& bytes) {
  Result<Document> doc = ReadDocx(bytes, ExtractOptions{});
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : Document{};
}

// "kind:text" per non-table block, joined by "|".
std::string Blocks(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (!out.empty()) out += "|";
    out += std::string(BlockKindName(b.kind));
    if (b.heading_level > 0) out += std::to_string(b.heading_level);
    if (b.kind == BlockKind::kTable) {
      out += "#" + std::to_string(b.table);
    } else if (b.kind == BlockKind::kChart) {
      out += "#" + std::to_string(b.chart);
    } else {
      out += ":" + b.text;
    }
  }
  return out;
}

std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

TEST(DocxReaderTest, MergesRunsIntoOneParagraph) {
  Document doc = ReadOrDie(MakeDocx("<w:p>" + R("2023年度") + R("收、支总计") +
                                    R("均为1889.05万元。") + "</w:p>"));
  EXPECT_EQ(doc.format, Format::kDocx);
  EXPECT_EQ(Blocks(doc), "para:2023年度收、支总计均为1889.05万元。");
}

struct InlineCase {
  const char* name;
  std::string body;
  std::string expected;
};

TEST(DocxReaderTest, ReadsInlineMarkupAsWordShowsIt) {
  const InlineCase cases[] = {
      {"tabs and breaks stay whitespace",
       "<w:p><w:r><w:t>合计</w:t><w:tab/><w:t>1889.05</w:t><w:br/>"
       "<w:t>万元</w:t></w:r></w:p>",
       "para:合计\t1889.05\n万元"},
      {"empty paragraphs and spaces vanish",
       "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">　 </w:t></w:r></w:p>" +
           Para("　　正文"),
       "para:正文"},
      {"tracked insertions kept, deletions dropped",
       "<w:p>" + R("支出") + "<w:ins w:id=\"1\">" + R("决算") +
           "</w:ins><w:del w:id=\"2\"><w:r><w:delText>预算</w:delText></w:r>"
           "</w:del><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom>"
           "<w:moveTo><w:r><w:t>新</w:t></w:r></w:moveTo></w:p>",
       "para:支出决算新"},
      {"simple field keeps its result",
       "<w:p>" + R("见第") + "<w:fldSimple w:instr=\" PAGEREF _Toc1 \\h \">" +
           R("3") + "</w:fldSimple>" + R("页") + "</w:p>",
       "para:见第3页"},
      {"complex field keeps only the result",
       "<w:p>" + R("一、部门概况") +
           "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
           "<w:r><w:instrText> PAGEREF _Toc2 \\h </w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
           R("2") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
       "para:一、部门概况2"},
      {"a TOC field spans paragraphs and nests PAGEREF fields",
       "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
       "<w:r><w:instrText>TOC \\o \"1-3\" \\h</w:instrText></w:r>"
       "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
       "<w:hyperlink w:anchor=\"_Toc1\">" +
           R("第一部分") +
           "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
           "<w:r><w:instrText>PAGEREF _Toc1 \\h</w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
           R("1") +
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>"
           "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
           Para("正文"),
       "para:第一部分1|para:正文"},
      {"a field without a result shows nothing",
       "<w:p>" + R("页码") +
           "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
           "<w:r><w:instrText>PAGE</w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
           R("。") + "</w:p>",
       "para:页码。"},
      {"content controls are read through",
       "<w:sdt><w:sdtPr/><w:sdtContent>" + Para("块级控件") +
           "</w:sdtContent></w:sdt><w:p><w:sdt><w:sdtContent>" + R("行内控件") +
           "</w:sdtContent></w:sdt></w:p>",
       "para:块级控件|para:行内控件"},
      {"text box read once from mc:Choice, not again from mc:Fallback",
       "<w:p>" + R("正文") +
           "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
           "<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
           "<w:txbxContent>" +
           Para("文本框内容") +
           "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
           "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
           "<v:shape><v:textbox><w:txbxContent>" +
           Para("文本框内容") +
           "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r></w:p>",
       "para:正文|para:文本框内容"},
      {"a VML-only text box is read",
       "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" +
           Para("旧式文本框") +
           "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
       "para:旧式文本框"},
      {"tracked paragraph-level insertions and customXml are read",
       "<w:customXml>" + Para("自定义") + "</w:customXml><w:ins>" +
           Para("插入段") + "</w:ins><w:del>" + Para("删除段") + "</w:del>",
       "para:自定义|para:插入段"},
  };
  for (const auto& c : cases) {
    Document doc = ReadOrDie(MakeDocx(c.body));
    EXPECT_EQ(Blocks(doc), c.expected) << c.name;
  }
}

const char kStyles[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Sec"><w:name w:val="Section"/><w:basedOn w:val="2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>
</w:styles>)";

const char kNumbering[] = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
</w:numbering>)xml";

std::string StyledPara(const std::string& style, const std::string& text,
                       const std::string& extra_ppr = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + extra_ppr +
         "</w:pPr>" + R(text) + "</w:p>";
}

std::string NumPara(const std::string& num_id, int ilvl,
                    const std::string& text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) +
         "\"/><w:numId w:val=\"" + num_id + "\"/></w:numPr></w:pPr>" + R(text) +
         "</w:p>";
}

TEST(DocxReaderTest, HeadingLevelsComeFromStylesAndOutlineLevels) {
  Document doc = ReadOrDie(MakeDocx(
      StyledPara("1", "第一部分 部门概况") + StyledPara("2", "部门职责") +
          StyledPara("a", "直接大纲级别", "<w:outlineLvl w:val=\"2\"/>") +
          StyledPara("a", "正文") + StyledPara("Missing", "未知样式"),
      {{"word/styles.xml", kStyles}}));
  EXPECT_EQ(
      Blocks(doc),
      "heading1:第一部分 部门概况|heading2:部门职责|heading3:直接大纲级别|"
      "para:正文|para:未知样式");
  EXPECT_EQ(doc.blocks[0].style, "heading 1");
}

TEST(DocxReaderTest, NumberingLabelsAreRenderedInFrontOfTheText) {
  Document doc = ReadOrDie(MakeDocx(
      StyledPara("Sec", "收入支出决算总体情况说明") +
          NumPara("1", 1, "总体情况") + NumPara("1", 1, "结构情况") +
          NumPara("2", 0, "基本支出") + NumPara("2", 0, "项目支出") +
          StyledPara("Sec", "收入决算情况说明") + NumPara("1", 1, "总体情况") +
          // numId 0 switches the style's numbering off.
          StyledPara("Sec", "无编号",
                     "<w:numPr><w:numId w:val=\"0\"/></w:numPr>"),
      {{"word/styles.xml", kStyles}, {"word/numbering.xml", kNumbering}}));
  EXPECT_EQ(
      Blocks(doc),
      "heading2:一、收入支出决算总体情况说明|item:（一）总体情况|"
      "item:（二）结构情况|item:1.基本支出|item:2.项目支出|"
      "heading2:二、收入决算情况说明|item:（一）总体情况|heading2:无编号");
}

TEST(DocxReaderTest, MergedCellsArePlacedOnTheGridWithTheirSpans) {
  auto tc = [](const std::string& props, const std::string& text) {
    return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + Para(text) + "</w:tc>";
  };
  std::string table =
      "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr><w:trPr><w:tblHeader/></w:trPr>" +
      tc("<w:vMerge w:val=\"restart\"/>", "项目") +
      tc("<w:gridSpan w:val=\"2\"/>", "决算数") +
      "</w:tr><w:tr><w:trPr><w:tblHeader/></w:trPr>" + tc("<w:vMerge/>", "") +
      tc("", "收入") + tc("", "支出") + "</w:tr><w:tr>" + tc("", "合计") +
      tc("", "1889.05") + tc("", "-") + "</w:tr><w:tr>" +
      "<w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + tc("", "0") +
      "</w:tr></w:tbl>";
  Document doc = ReadOrDie(MakeDocx(table));
  ASSERT_EQ(doc.tables.size(), 1u);
  const Table& t = doc.tables[0];
  EXPECT_EQ(t.columns, 3);
  EXPECT_EQ(t.header_rows, 2);
  EXPECT_EQ(DebugString(doc),
            "document format=docx blocks=1 tables=1 charts=0 pages=0\n"
            "[0] table #0 4x3\n"
            "  r0: |项目{2x1} |决算数{1x2} |^\n"
            "  r1: |^ |收入 |支出\n"
            "  r2: |合计 |1889.05 |-\n"
            "  r3: |_ |0 |_\n");
}

TEST(DocxReaderTest, NestedTableBecomesItsOwnTableAfterTheOuterOne) {
  std::string inner = "<w:tbl><w:tr><w:tc>" + Para("内1") + "</w:tc><w:tc>" +
                      Para("内2") + "</w:tc></w:tr></w:tbl>";
  std::string body = "<w:tbl><w:tr><w:tc>" + Para("外") + "</w:tc><w:tc>" +
                     Para("含表") + inner + "<w:p/></w:tc></w:tr></w:tbl>" +
                     Para("表后");
  Document doc = ReadOrDie(MakeDocx(body));
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].nested_in, -1);
  EXPECT_EQ(doc.tables[1].nested_in, 0);
  EXPECT_EQ(doc.tables[0].rows[0][1].text, "含表");
  EXPECT_EQ(doc.tables[1].rows[0][1].text, "内2");
  EXPECT_EQ(Blocks(doc), "table#0|table#1|para:表后");
}

const char kChart[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart>
<c:title><c:tx><c:rich><a:p><a:r><a:t>收、支决算总计变动情况</a:t></a:r></a:p></c:rich></c:tx></c:title>
<c:plotArea><c:barChart>
<c:ser><c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>收入总计</c:v></c:pt></c:strCache></c:strRef></c:tx>
<c:cat><c:strRef><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>2022年</c:v></c:pt><c:pt idx="1"><c:v>2023年</c:v></c:pt></c:strCache></c:strRef></c:cat>
<c:val><c:numRef><c:numCache><c:ptCount val="2"/><c:pt idx="0"><c:v>1763.75</c:v></c:pt><c:pt idx="1"><c:v>1889.05</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>
<c:ser><c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>支出总计</c:v></c:pt></c:strCache></c:strRef></c:tx>
<c:val><c:numRef><c:numCache><c:pt idx="1"><c:v>1889.05</c:v></c:pt><c:pt idx="0"><c:v>1763.75</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>
</c:barChart></c:plotArea></c:chart></c:chartSpace>)";

const char kRels[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/>
<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/missing.xml"/>
</Relationships>)";

std::string ChartPara(const std::string& rid) {
  return "<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData "
         "uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
         "<c:chart r:id=\"" +
         rid +
         "\"/></a:graphicData></a:graphic></wp:inline></w:drawing>"
         "</w:r></w:p>";
}

TEST(DocxReaderTest, ChartIsReadFromItsPartAndLinkedToItsCaption) {
  Document doc = ReadOrDie(
      MakeDocx(Para("2023年度收、支总计均为1889.05万元。") + ChartPara("rId5") +
                   Para("图1：收、支决算总计变动情况") + ChartPara("rId6"),
               {{"word/_rels/document.xml.rels", kRels},
                {"word/charts/chart1.xml", kChart}}));
  EXPECT_EQ(DebugString(doc),
            "document format=docx blocks=3 tables=0 charts=1 pages=0\n"
            "[0] para 2023年度收、支总计均为1889.05万元。\n"
            "[1] chart #0 type=bar title=收、支决算总计变动情况 caption=[2]\n"
            "  categories: |2022年 |2023年\n"
            "  series 收入总计: 1763.75 1889.05\n"
            "  series 支出总计: 1763.75 1889.05\n"
            "[2] caption 图1：收、支决算总计变动情况\n"
            "finding warning extract.docx.chart_missing: chart part "
            "word/charts/missing.xml is missing or unreadable\n");
  EXPECT_EQ(doc.charts[0].part, "word/charts/chart1.xml");
}

TEST(DocxReaderTest, CaptionBeforeTheChartIsFoundToo) {
  Document doc = ReadOrDie(MakeDocx(
      Para("（图2：支出结构）") + ChartPara("rId5") + Para("下一段正文。"),
      {{"word/_rels/document.xml.rels", kRels},
       {"word/charts/chart1.xml", kChart}}));
  ASSERT_EQ(doc.charts.size(), 1u);
  EXPECT_EQ(doc.charts[0].caption_block, 0);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kCaption);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kParagraph);
}

TEST(DocxReaderTest, CorePropertiesBecomeMetadata) {
  const char kCore[] = R"(<?xml version="1.0"?><cp:coreProperties
    xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <dc:title>2023年度部门决算</dc:title><dc:creator>财务科</dc:creator>
    <dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T08:00:00Z</dcterms:created>
    <dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-02T09:30:00Z</dcterms:modified>
    </cp:coreProperties>)";
  Document doc =
      ReadOrDie(MakeDocx(Para("正文"), {{"docProps/core.xml", kCore}}));
  EXPECT_EQ(doc.metadata["title"], "2023年度部门决算");
  EXPECT_EQ(doc.metadata["author"], "财务科");
  EXPECT_EQ(doc.metadata["created"], "2024-05-01T08:00:00Z");
  EXPECT_EQ(doc.metadata["modified"], "2024-05-02T09:30:00Z");
}

TEST(DocxReaderTest, HeadersAndFootersAreNotBodyText) {
  std::string header = std::string("<w:hdr ") + testing::kDocxNamespaces + ">" +
                       Para("页眉文字") + "</w:hdr>";
  std::string footer = std::string("<w:ftr ") + testing::kDocxNamespaces + ">" +
                       Para("第 1 页") + "</w:ftr>";
  Document doc = ReadOrDie(MakeDocx(
      Para("正文") + "<w:sectPr><w:headerReference r:id=\"rId9\"/></w:sectPr>",
      {{"word/header1.xml", header}, {"word/footer1.xml", footer}}));
  EXPECT_EQ(Blocks(doc), "para:正文");
}

TEST(DocxReaderTest, MainPartIsFoundThroughThePackageRelationships) {
  const char kPackageRels[] = R"(<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>
</Relationships>)";
  Result<std::string> zip = WriteZipForTest(
      {{"_rels/.rels", kPackageRels},
       {"word/document2.xml", testing::DocumentXml(Para("另一主文档"))},
       {"word/document.xml", testing::DocumentXml(Para("不应读取"))}});
  ASSERT_TRUE(zip.ok());
  Document doc = ReadOrDie(*zip);
  EXPECT_EQ(Blocks(doc), "para:另一主文档");
}

TEST(DocxReaderTest, HostileSpansAreClampedNotAllocated) {
  std::string body =
      "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan "
      "w:val=\"999999999\"/></w:tcPr>" +
      Para("宽") + "</w:tc><w:tc>" + Para("外") + "</w:tc></w:tr></w:tbl>";
  Result<Document> doc = ReadDocx(MakeDocx(body), ExtractOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->tables.size(), 1u);
  EXPECT_EQ(doc->tables[0].columns, 512);
  EXPECT_EQ(doc->findings.size(), 1u);
}

// ---- Samples ----

struct SampleCase {
  const char* dir;
};

TEST(DocxReaderTest, SamplesMatchTheirGoldenDumps) {
  for (const char* dir : {"samples/docx_report", "samples/docx_features"}) {
    std::string bytes =
        testing::ReadSourceFile(std::string(dir) + "/input.docx");
    ASSERT_FALSE(bytes.empty()) << dir;
    ExtractOptions opts;
    opts.source_name = "input.docx";
    Result<Document> doc = Extract(bytes, opts);
    ASSERT_TRUE(doc.ok()) << dir << ": " << doc.status().ToString();
    testing::ExpectMatchesGolden(DebugString(*doc),
                                 std::string(dir) + "/expected/document.txt");
  }
}

// Downstream, sections and mentions are computed from paragraph texts, so
// the same report as text and as DOCX must give the same texts.
TEST(DocxReaderTest, TextAndDocxVersionsOfAReportGiveTheSameParagraphs) {
  auto texts = [](const std::string& path) {
    ExtractOptions opts;
    opts.source_name = path;
    Result<Document> doc = Extract(testing::ReadSourceFile(path), opts);
    EXPECT_TRUE(doc.ok()) << path << ": " << doc.status().ToString();
    std::vector<std::string> out;
    if (!doc.ok()) return out;
    for (const Block& b : doc->blocks) {
      if (b.kind == BlockKind::kTable || b.kind == BlockKind::kChart) continue;
      if (!b.text.empty()) out.push_back(b.text);
    }
    return out;
  };
  std::vector<std::string> from_text =
      texts("samples/text_docx_report/input.txt");
  std::vector<std::string> from_docx = texts("samples/docx_report/input.docx");
  EXPECT_FALSE(from_text.empty());
  EXPECT_EQ(from_text, from_docx);
}

}  // namespace
}  // namespace budgetdoc
