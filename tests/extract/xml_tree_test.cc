#include "extract/xml_tree.h"

#include "tests/testing/cpu_time.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace budgetdoc {
namespace {

TEST(XmlTreeTest, BuildsElementsAttributesAndText) {
  Result<XmlNode> root = ParseXml(
      R"(<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:p w:val="1">)"
      R"(<w:t xml:space="preserve"> a </w:t><w:t><![CDATA[<b>]]></w:t>)"
      R"(</w:p></w:document>)",
      "word/document.xml", {});
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_EQ(root->name, "document");
  EXPECT_EQ(root->ns, "urn:w");
  const XmlNode* p = root->Child("p");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->AttrOr("val", ""), "1");
  EXPECT_EQ(p->InnerText(), " a <b>");
}

TEST(XmlTreeTest, MalformedXmlIsCorruptWithTheLine) {
  Result<XmlNode> root = ParseXml("<a>\n<b></a>", "word/document.xml", {});
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(root.status().message().find("word/document.xml: xml is not "
                                         "well-formed: line 2"),
            std::string::npos)
      << root.status().message();
}

TEST(XmlTreeTest, DepthCapIsAResourceLimit) {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  for (int i = 0; i < 100; ++i) deep += "</a>";
  XmlParseOptions opts;
  opts.max_depth = 50;
  Result<XmlNode> root = ParseXml(deep, "x.xml", opts);
  EXPECT_EQ(root.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(root.status().message().find("max_xml_depth (50)"),
            std::string::npos)
      << root.status().message();
  opts.max_depth = 100;
  EXPECT_TRUE(ParseXml(deep, "x.xml", opts).ok());
}

TEST(XmlTreeTest, EntityDeclarationsAreRefusedOutright) {
  const std::string kInputs[] = {
      "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
      // UTF-16LE: the byte search sees through the encoding.
      std::string("\xFF\xFE<\0!\0E\0N\0T\0I\0T\0Y\0", 18),
  };
  for (const std::string& bytes : kInputs) {
    Result<XmlNode> root = ParseXml(bytes, "word/styles.xml", {});
    EXPECT_EQ(root.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(root.status().message().find("word/styles.xml: xml declares "
                                           "entities"),
              std::string::npos);
  }
}

// With the up-front refusal switched off, the libxml2 flags alone keep
// external entities unread and entities unexpanded.
TEST(XmlTreeTest, ParserFlagsNeitherLoadExternalEntitiesNorExpandBombs) {
  XmlParseOptions opts;
  opts.reject_entity_declarations = false;
  Result<XmlNode> xxe = ParseXml(
      "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>[&x;]</a>",
      "x.xml", opts);
  if (xxe.ok()) {
    EXPECT_EQ(xxe->InnerText().find("root:"), std::string::npos);
  }
  std::string bomb = "<!DOCTYPE a [<!ENTITY a0 \"lollollollollol\">";
  for (int i = 1; i < 10; ++i) {
    bomb += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) bomb += "&a" + std::to_string(i - 1) + ";";
    bomb += "\">";
  }
  bomb += "]><a>&a9;</a>";
  testing::CpuTimer timer;
  Result<XmlNode> r = ParseXml(bomb, "x.xml", opts);
  double ms = timer.Millis();
  EXPECT_LT(ms, testing::kRejectCpuBudgetMs);
  if (r.ok()) {
    EXPECT_LT(r->InnerText().size(), 1000u);
  }
}

TEST(XmlTreeTest, HtmlParserRecoversAndLowercases) {
  bool flattened = true;
  Result<XmlNode> root = ParseHtml(
      "<HTML><Body><P>one<p>two<TABLE><tr><td>x</table>", {}, &flattened);
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_FALSE(flattened);
  EXPECT_EQ(root->name, "html");
  const XmlNode* body = root->Child("body");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->InnerText(), "onetwox");
}

// The tree is built from the parser's events (libxml2 builds none): it must
// be the one libxml2's tree builder made, with its implied elements,
// boolean attributes, text merged across comments and no comment nodes.
TEST(XmlTreeTest, HtmlTreeFromEventsIsTheParsersTree) {
  Result<XmlNode> root = ParseHtml(
      "<p class=a>收入<!-- note -->合计</p><input checked type=box>"
      "<td align>x",
      {}, nullptr);
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_EQ(root->name, "html");              // implied
  const XmlNode* body = root->Child("body");  // implied
  ASSERT_NE(body, nullptr);
  const XmlNode* p = body->Child("p");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->AttrOr("class", "?"), "a");
  ASSERT_EQ(p->children.size(), 1u);
  EXPECT_EQ(p->children[0].text, "收入合计");
  const XmlNode* input = body->Child("input");
  ASSERT_NE(input, nullptr);
  EXPECT_EQ(input->AttrOr("checked", "?"), "checked");  // boolean
  EXPECT_EQ(input->AttrOr("type", "?"), "box");
  EXPECT_EQ(body->InnerText(), "收入合计x");
}

TEST(XmlTreeTest, HtmlTooDeepIsFlattenedKeepingText) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 40; ++i) deep += "<div>";
  deep += "deep text";
  XmlParseOptions opts;
  opts.max_depth = 10;
  bool flattened = false;
  Result<XmlNode> root = ParseHtml(deep, opts, &flattened);
  ASSERT_TRUE(root.ok());
  EXPECT_TRUE(flattened);
  EXPECT_EQ(root->InnerText(), "deep text");
}

}  // namespace
}  // namespace budgetdoc
