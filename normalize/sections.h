// Section tree from Chinese heading numbering: 第X部分, 一、, （一）/(一),
// 1. / 1． / 1、, （1）/(1), ①, and known unnumbered titles (名词解释,
// 附件N, 附表). Levels come from the order in which numbering styles nest,
// and survive the mixed numbering real reports have (Word numbering lost in
// conversion: "1、 2、 3、 四、 五、" at one level, "（2）" among
// "（一）（三）"). A run of long numbered items inside a section
// (1.负责… 2.协助…) is a list, not headings. Anomalies (skips, repeats, mixed
// styles) become info findings. Pure; thread-safe. Tested by
// tests/normalize/sections_test.cc.
#ifndef BUDGETDOC_NORMALIZE_SECTIONS_H_
#define BUDGETDOC_NORMALIZE_SECTIONS_H_

#include "base/finding.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// The numbering label at the start of a line, if any.
struct HeadingLabel {
  std::string style;  // "part", "cn", "paren_cn", "num", "num_dun",
                      // "paren_num", "circled", "annex", "title"
  int ordinal = 0;    // 0 for unnumbered titles
  std::string label;  // the label as printed ("四、", "（2）", "1.")
  std::string title;  // text after the label, up to the first 。 when the
                      // heading carries inline body text
  bool inline_body = false;  // text continues after the title
  bool list_like = false;    // reads as a list item, not a heading
};

// Parses a numbering label from a normalized line. Returns false when the
// line does not start with one.
bool ParseHeadingLabel(std::string_view line, HeadingLabel* out);

struct Section {
  int id = 0;
  int parent = -1;  // -1 for the root
  int depth = 0;    // root 0, top-level sections 1, ...
  std::string style;
  int ordinal = 0;
  std::string label;
  std::string title;
  int block = -1;      // heading block; -1 for the root
  int end_block = -1;  // one past the last block of the section
  std::vector<int> children;
};

struct SectionTree {
  std::vector<Section> sections;   // [0] is the root
  std::vector<int> block_section;  // innermost section of each block

  // "第二部分/四/（一）" style path of labels, for messages.
  std::string Path(int section) const;
};

// Input: the normalized text of each block ("" for non-text blocks) and
// whether the extractor marked the block a heading (style hint).
struct SectionInput {
  std::string text;
  bool heading_hint = false;
  int heading_level = 0;
};

SectionTree BuildSections(const std::vector<SectionInput>& blocks,
                          FindingSink* findings);

// Indented dump: "  二 四、财政拨款收入支出决算总体情况说明 [b23..b31)".
std::string SectionsDebugString(const SectionTree& tree);

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_SECTIONS_H_
