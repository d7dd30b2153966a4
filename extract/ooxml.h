// OOXML pieces the DOCX reader needs, over XmlNode trees (internal to
// extract/; callers use Extract() in extract/extract.h):
//  - StyleSheet (word/styles.xml): heading levels from outline levels and
//    style names ("heading 2", "标题 2"), followed through basedOn chains;
//    numbering attached to styles;
//  - Numbering (word/numbering.xml): renders automatic list labels ("一、",
//    "（一）", "1.", "1.2") with Word's counters;
//  - FormatListNumber: one number in one w:numFmt;
//  - ParseChart (word/charts/chartN.xml): title, type, categories, series
//    and their cached values.
// Element names are matched by local name, so both transitional and strict
// OOXML namespaces work. Every loop over styles or links is bounded, so
// cyclic basedOn / numStyleLink chains terminate.
// Value types; copyable; not thread-safe (Numbering holds counters).
// Tested by tests/extract/ooxml_test.cc.
#ifndef BUDGETDOC_EXTRACT_OOXML_H_
#define BUDGETDOC_EXTRACT_OOXML_H_

#include "extract/document.h"
#include "extract/xml_tree.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// Formats n in a w:numFmt ("decimal", "chineseCounting",
// "chineseCountingThousand", "chineseLegalSimplified",
// "ideographTraditional", "ideographZodiac", "ideographDigital",
// "decimalEnclosedCircle", "decimalEnclosedParen", "decimalEnclosedFullstop",
// "ideographEnclosedCircle", "decimalFullWidth", "decimalZero",
// "upperLetter", "lowerLetter", "upperRoman", "lowerRoman", "ordinal", ...).
// "none" and "bullet" give "". Unknown formats, and numbers a format cannot
// show (⑳ is the last circled number), fall back to decimal.
std::string FormatListNumber(int n, std::string_view num_fmt);

// A paragraph's numbering reference (w:numPr). num_id "" or "0" = none.
struct NumRef {
  std::string num_id;
  int ilvl = -1;  // -1 = not given
};

class StyleSheet {
 public:
  // `root` is the w:styles element; null gives an empty sheet.
  static StyleSheet Parse(const XmlNode* root);

  // Heading level 1..9 of a paragraph style, or 0. From the first style in
  // the basedOn chain that has an outline level (w:outlineLvl 0..8; 9 means
  // body text) or a heading name ("heading 1", "Heading 1", "标题 1").
  int HeadingLevel(std::string_view style_id) const;
  // True for the caption style ("caption", "题注") and styles based on it.
  bool IsCaption(std::string_view style_id) const;
  // The style's name, or its id when it has none.
  std::string DisplayName(std::string_view style_id) const;
  // Numbering inherited from the style chain (num_id empty when none).
  NumRef Numbering(std::string_view style_id) const;
  // Id of the default paragraph style (w:default="1"), maybe "".
  const std::string& default_paragraph_style() const { return default_; }

 private:
  struct Style {
    std::string name;
    std::string based_on;
    int outline = -1;  // 0..9, -1 = not set
    NumRef num;
  };
  const Style* Find(std::string_view id) const;

  std::map<std::string, Style, std::less<>> styles_;
  std::string default_;
};

// Automatic numbering. Counters live per abstract numbering definition and
// level, as in Word: lists sharing a definition continue each other; a
// level restarts when a higher level advances (or as w:lvlRestart says);
// w:start and w:lvlOverride/w:startOverride are honoured.
class Numbering {
 public:
  // `root` is the w:numbering element; null gives no numbering.
  static Numbering Parse(const XmlNode* root);

  struct Label {
    std::string text;       // "一、", "（二）", "1.1 "; "" for bullets
    bool numbered = false;  // a list paragraph (numbered or bulleted)
  };

  // Advances the counter of (ref.num_id, level) and renders the label,
  // including the separator that w:suff asks for ("tab" and "space" become
  // one space, dropped after a full-width label such as "一、"). When
  // ref.ilvl < 0 the level is found from the style link (w:pStyle) or 0.
  Label Next(const NumRef& ref, std::string_view style_id,
             const StyleSheet& styles);

 private:
  struct Level {
    int start = 0;
    std::string num_fmt = "decimal";
    std::string lvl_text;
    int restart = -1;  // w:lvlRestart; -1 = default (after any higher level)
    bool is_lgl = false;
    std::string suff = "tab";
    std::string pstyle;
  };
  struct Abstract {
    Level levels[9];
    std::string num_style_link;
  };
  struct Num {
    std::string abstract_id;
    std::map<int, int> start_override;
    std::map<int, Level> level_override;
    bool override_applied = false;
  };
  struct Counters {
    int value[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    bool started[9] = {false, false, false, false, false,
                       false, false, false, false};
  };
  // Resolves numStyleLink indirections; "" when unknown.
  std::string AbstractOf(const std::string& num_id,
                         const StyleSheet& styles) const;

  std::map<std::string, Abstract> abstracts_;
  std::map<std::string, Num> nums_;
  std::map<std::string, Counters> counters_;  // by abstract id
};

// Parses a chart part (c:chartSpace). Fills title, type, categories and
// series; `part` is recorded in Chart::part. Point lists are ordered by
// c:idx; at most kMaxChartPoints points per list are kept.
inline constexpr size_t kMaxChartPoints = 10000;
Chart ParseChart(const XmlNode& chart_space, std::string_view part);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_OOXML_H_
