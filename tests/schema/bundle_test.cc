// Tests schema/bundle.{h,cc}: merging normalized files into one document,
// their metadata into one, and provenance back to each file.
#include "schema/bundle.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

NormalizedDocument Doc(const std::string& source,
                       const std::vector<std::string>& lines,
                       bool unreadable_page_2) {
  Document d;
  d.source = source;
  d.format = Format::kText;
  for (const std::string& l : lines) {
    Block b;
    b.text = l;
    b.page = 1;
    d.blocks.push_back(b);
  }
  Table t;
  auto cell = [](const char* text) {
    Cell c;
    c.text = text;
    return c;
  };
  t.AddRow({cell("项目"), cell("金额")});
  t.AddRow({cell("合计"), cell("12.50")});
  d.tables.push_back(t);
  Block tb;
  tb.kind = BlockKind::kTable;
  tb.table = 0;
  tb.page = 2;
  d.blocks.push_back(tb);
  d.pages.resize(2);
  d.pages[0].number = 1;
  d.pages[1].number = 2;
  d.pages[1].unreadable = unreadable_page_2;
  NormalizeOptions o;
  o.join_wrapped_lines = false;
  return Normalize(d, o);
}

TEST(BundleMergeTest, AppendsBlocksTablesMentionsAndSectionsInFileOrder) {
  NormalizedDocument a = Doc("a.pdf", {"一、收入", "收入12.50万元。"}, false);
  NormalizedDocument b = Doc("b.pdf", {"一、支出", "支出3.25万元。"}, true);
  size_t a_blocks = a.doc.blocks.size(),
         a_sections = a.sections.sections.size();
  Bundle bundle = MakeBundle({a, b}, {ReportMeta{}, ReportMeta{}});
  const NormalizedDocument& m = bundle.merged;
  ASSERT_EQ(m.doc.blocks.size(), 2 * a_blocks);
  ASSERT_EQ(m.doc.tables.size(), 2u);
  EXPECT_EQ(m.doc.blocks[a_blocks + 2].table, 1);
  EXPECT_EQ(m.doc.source, "a.pdf + b.pdf");
  ASSERT_EQ(m.mentions.size(), 2u);
  EXPECT_EQ(m.mentions[1].block, static_cast<int>(a_blocks) + 1);
  // One tree: each file's top-level section under the one root.
  ASSERT_EQ(m.sections.sections.size(), 2 * a_sections - 1);
  ASSERT_EQ(m.sections.sections[0].children.size(), 2u);
  const Section& second =
      m.sections
          .sections[static_cast<size_t>(m.sections.sections[0].children[1])];
  EXPECT_EQ(second.title, "支出");
  EXPECT_EQ(second.block, static_cast<int>(a_blocks));
  EXPECT_EQ(m.sections.block_section.size(), m.doc.blocks.size());
  // Page 2 is unreadable in the second file: the merged page 2 is too.
  EXPECT_TRUE(m.doc.PageUnreadable(2));
  EXPECT_FALSE(m.doc.PageUnreadable(1));
  // A provenance of the merged document names its file.
  Provenance p;
  p.block = static_cast<int>(a_blocks) + 1;
  p.page = 1;
  LocalizeProvenance(bundle, &p);
  EXPECT_EQ(p.source, "b.pdf");
  Provenance t;
  t.table = 0;
  t.row = 1;
  t.column = 1;
  LocalizeProvenance(bundle, &t);
  EXPECT_EQ(t.source, "a.pdf");
}

TEST(BundleMergeTest, MetadataComesFromTheFirstFileAndWhatItLacksFromTheNext) {
  ReportMeta text, tables;
  text.entity_name = "江苏省委办公厅";
  text.fiscal_year = 2019;
  text.kind = "budget";
  text.text_unit = "万元";
  tables.entity_name = "中共江苏省委办公厅";
  tables.fiscal_year = 2019;
  tables.kind = "budget";
  tables.scope = "部门";
  tables.region_code = "320000";
  tables.region_name = "江苏省";
  tables.region_level = "province";
  std::vector<Finding> findings;
  ReportMeta m =
      MergeReportMeta({text, tables}, {"text.pdf", "tables.pdf"}, &findings);
  EXPECT_EQ(m.entity_name, "江苏省委办公厅");
  EXPECT_EQ(m.scope, "部门");
  EXPECT_EQ(m.region_code, "320000");
  EXPECT_EQ(m.region_level, "province");
  EXPECT_EQ(m.text_unit, "万元");
  EXPECT_TRUE(findings.empty());
}

TEST(BundleMergeTest, FilesOfDifferentReportsAreReportedAsDisagreeing) {
  ReportMeta a, b;
  a.entity_name = "江苏省委办公厅";
  a.fiscal_year = 2019;
  b.entity_name = "江苏省政协办公厅";
  b.fiscal_year = 2018;
  std::vector<Finding> findings;
  MergeReportMeta({a, b}, {"a.pdf", "b.pdf"}, &findings);
  ASSERT_EQ(findings.size(), 2u);
  for (const Finding& f : findings) {
    EXPECT_EQ(f.rule, "bundle.parts_disagree");
    EXPECT_NE(f.message.find("b.pdf"), std::string::npos);
  }
}

}  // namespace
}  // namespace budgetdoc
