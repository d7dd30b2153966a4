#include "extract/extract.h"
#include "extract/readers.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

Document ReadOrDie(const std::string& bytes) {
  Result<Document> doc = ReadHtml(bytes, ExtractOptions{});
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : Document{};
}

// "kind:text" per block ("table#N" for tables), joined by "|".
std::string Blocks(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (!out.empty()) out += "|";
    out += std::string(BlockKindName(b.kind));
    if (b.heading_level > 0) out += std::to_string(b.heading_level);
    if (b.kind == BlockKind::kTable) {
      out += "#" + std::to_string(b.table);
    } else {
      out += ":" + b.text;
    }
  }
  return out;
}

struct FlowCase {
  const char* name;
  std::string html;
  std::string expected;
};

TEST(HtmlReaderTest, TurnsMarkupIntoBlocks) {
  const FlowCase cases[] = {
      {"paragraphs, headings and list items",
       "<body><h1>标题</h1><p>第一段</p><h3>小节</h3><ul><li>甲</li>"
       "<li>乙</li></ul></body>",
       "heading1:标题|para:第一段|heading3:小节|item:甲|item:乙"},
      {"div text around child blocks",
       "<body><div>前文<p>段落</p>后文</div></body>",
       "para:前文|para:段落|para:后文"},
      {"br ends a line", "<body><p>第一行<br>第二行<br/><br/>第三行</p></body>",
       "para:第一行|para:第二行|para:第三行"},
      {"whitespace collapses; line breaks next to CJK vanish",
       "<body><p>  收入\n  合计 <b>1760.20</b>\r\n万元,\n and more</p></body>",
       "para:收入合计 1760.20万元, and more"},
      {"nbsp and ideographic spaces are trimmed",
       "<body><p>&nbsp;&nbsp;　　正文&nbsp;</p></body>", "para:正文"},
      {"script, style, nav, header, footer, aside, iframe are dropped",
       "<body><header>页头</header><nav>导航</nav><script>var a;</script>"
       "<style>p{}</style><p>正文</p><aside>侧栏</aside><iframe>框</iframe>"
       "<noscript>无脚本</noscript><footer>页脚</footer></body>",
       "para:正文"},
      {"search forms are dropped, forms around content are not",
       "<body><form><input name=q>搜索</form><form id=form1><p>内容</p>"
       "</form></body>",
       "para:内容"},
      {"nested lists give their own items",
       "<body><ul><li>外<ul><li>内</li></ul></li></ul></body>",
       "item:外|item:内"},
      {"layout tables are read as flow",
       "<body><table><tr><td><p>布局一</p><p>布局二</p></td></tr></table>"
       "</body>",
       "para:布局一|para:布局二"},
      {"broken markup still gives blocks",
       "<p>未闭合<div><p>第二<table><tr><td>a<td>b</table><li>条目",
       "para:未闭合|para:第二|table#0|item:条目"},
  };
  for (const auto& c : cases) {
    Document doc = ReadOrDie(c.html);
    EXPECT_EQ(Blocks(doc), c.expected) << c.name;
  }
}

TEST(HtmlReaderTest, PlacesRowspanAndColspanOnTheGrid) {
  Document doc = ReadOrDie(
      "<body><table><caption>收入支出决算总表</caption><thead>"
      "<tr><th rowspan=2>项目</th><th colspan=2>决算数</th></tr>"
      "<tr><th>收入</th><th>支出</th></tr></thead><tbody>"
      "<tr><td>合计</td><td>1<br>2</td><td rowspan=\"9\">-</td></tr>"
      "<tr><td colspan=\"0\">宽</td></tr></tbody></table></body>");
  EXPECT_EQ(DebugString(doc),
            "document format=html blocks=1 tables=1 charts=0 pages=0\n"
            "meta encoding=UTF-8\n"
            "[0] table #0 4x3 title=收入支出决算总表\n"
            "  r0: |项目{2x1} |决算数{1x2} |^\n"
            "  r1: |^ |收入 |支出\n"
            "  r2: |合计 |1\\n2 |-{2x1}\n"
            "  r3: |宽 |_ |^\n");
  EXPECT_EQ(doc.tables[0].header_rows, 2);
}

TEST(HtmlReaderTest, NestedTableBecomesItsOwnTable) {
  Document doc = ReadOrDie(
      "<body><table><tr><td>外</td><td>说明<table><tr><td>内1</td>"
      "<td>内2</td></tr></table></td></tr></table><p>表后</p></body>");
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].rows[0][1].text, "说明");
  EXPECT_EQ(doc.tables[1].nested_in, 0);
  EXPECT_EQ(Blocks(doc), "table#0|table#1|para:表后");
}

TEST(HtmlReaderTest, FindsTheArticleBodyOfACmsPage) {
  std::string menu;
  for (int i = 0; i < 30; ++i)
    menu += "<li><a>栏目名称" + std::to_string(i) + "</a></li>";
  Document doc = ReadOrDie(
      "<html><head><title> 部门决算 _ 某区政府 </title></head><body>"
      "<div class=\"topnav\"><ul>" +
      menu +
      "</ul></div>"
      "<div class=\"wrap\"><div class=\"crumbs\">首页 &gt; 政务公开</div>"
      "<div class=\"left\"><h3>热点</h3></div>"
      "<div id=\"content\"><h1>部门决算</h1><div "
      "class=\"xl-info\">来源：财政局</div>"
      "<div class=\"TRS_Editor\"><p>一、收入支出决算总体情况说明</p>"
      "<p>2023年度收、支总计均为1889.05万元，与上年相比增加125.30万元。</p>"
      "<p>二、收入决算情况说明</p><p>本年收入合计1760.20万元。</p></div></div>"
      "</div><div class=\"foot\"><p>版权所有：某区人民政府 地址：某路1号 "
      "联系电话：0000-0000000</p></div></body></html>");
  EXPECT_EQ(doc.metadata["title"], "部门决算 _ 某区政府");
  // The h1 before the TRS_Editor body is kept as the title; the info line
  // between them is not.
  EXPECT_EQ(
      Blocks(doc),
      "heading1:部门决算|para:一、收入支出决算总体情况说明|"
      "para:2023年度收、支总计均为1889.05万元，与上年相比增加125.30万元。|"
      "para:二、收入决算情况说明|para:本年收入合计1760.20万元。");
}

TEST(HtmlReaderTest, WithoutHintsTheDominantContainerIsChosen) {
  Document doc = ReadOrDie(
      "<body><div class=\"menu\">首页 新闻 公开</div><div class=\"x\">"
      "<div class=\"y\"><p>正文第一段，足够长的文字内容。</p>"
      "<p>正文第二段，也是足够长的文字内容。</p></div></div>"
      "<div class=\"copyright\">版权所有</div></body>");
  EXPECT_EQ(Blocks(doc),
            "para:正文第一段，足够长的文字内容。|para:"
            "正文第二段，也是足够长的文字内容。");
}

TEST(HtmlReaderTest, PageThatIsAllNavLikeIsStillRead) {
  Document doc =
      ReadOrDie("<body><div class=\"navbox\"><p>只有这一段</p></div></body>");
  EXPECT_EQ(Blocks(doc), "para:只有这一段");
}

struct CharsetCase {
  const char* name;
  std::string bytes;
  const char* encoding;
  const char* text;
};

TEST(HtmlReaderTest, DetectsTheCharsetBeforeParsing) {
  // "决算" in GBK is 0xBE 0xF6 0xCB 0xE3.
  const std::string gbk = "\xBE\xF6\xCB\xE3";
  const CharsetCase cases[] = {
      {"meta charset", "<meta charset=\"gbk\"><p>" + gbk + "</p>", "GB18030",
       "决算"},
      {"http-equiv gb2312",
       "<meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=gb2312\"><p>" +
           gbk + "</p>",
       "GB18030", "决算"},
      {"xml declaration",
       "<?xml version=\"1.0\" encoding=\"GBK\"?><html><p>" + gbk +
           "</p></html>",
       "GB18030", "决算"},
      {"sniffed GBK without a declaration", "<p>" + gbk + "</p>", "GB18030",
       "决算"},
      {"sniffed UTF-8 without a declaration", "<p>决算</p>", "UTF-8", "决算"},
      {"UTF-8 BOM wins over a wrong meta",
       "\xEF\xBB\xBF<meta charset=gbk><p>决算</p>", "UTF-8", "决算"},
      {"UTF-16LE BOM", std::string("\xFF\xFE<\0p\0>\0\xB3\x51\x97\x7B", 12),
       "UTF-16LE", "决算"},
      {"declared UTF-8 that is really GBK",
       "<meta charset=utf-8><p>" + gbk + "</p>", "GB18030", "决算"},
      {"declared latin-1 on a GBK page",
       "<meta charset=iso-8859-1><p>" + gbk + "</p>", "GB18030", "决算"},
  };
  for (const auto& c : cases) {
    Document doc = ReadOrDie(c.bytes);
    EXPECT_EQ(doc.metadata["encoding"], c.encoding) << c.name;
    ASSERT_FALSE(doc.blocks.empty()) << c.name;
    EXPECT_EQ(doc.blocks[0].text, c.text) << c.name;
  }
}

TEST(HtmlReaderTest, UndecodableBytesAreReplacedAndReported) {
  Document doc = ReadOrDie("<p>ok \x81\x20 \xFF</p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_NE(doc.blocks[0].text.find("ok"), std::string::npos);
  ASSERT_FALSE(doc.findings.empty());
  EXPECT_EQ(doc.findings[0].rule, "extract.html.charset");
}

TEST(HtmlReaderTest, SampleMatchesItsGoldenDump) {
  std::string bytes =
      testing::ReadSourceFile("samples/html_cms_gbk/input.html");
  ASSERT_FALSE(bytes.empty());
  ExtractOptions opts;
  opts.source_name = "input.html";
  Result<Document> doc = Extract(bytes, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  testing::ExpectMatchesGolden(DebugString(*doc),
                               "samples/html_cms_gbk/expected/document.txt");
}

}  // namespace
}  // namespace budgetdoc
