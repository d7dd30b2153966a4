// DOCX reader: word/document.xml in reading order, read from memory through
// ZipArchive (libzip) and XmlNode trees (libxml2).
//
// What becomes what:
//  - w:p -> one block; runs merged; w:tab/w:ptab -> "\t", w:br/w:cr -> "\n";
//    leading and trailing spaces trimmed; empty paragraphs dropped.
//    Paragraph style or w:outlineLvl with a heading level -> kHeading with
//    heading_level; the caption style -> kCaption; a numbered or bulleted
//    paragraph -> kListItem. Automatic numbers from numbering.xml are
//    rendered in front of the text ("一、", "（一）", "1. ").
//  - w:tbl -> a Table on the w:tblGrid grid; w:gridSpan -> col_span,
//    w:vMerge -> row_span, covered cells marked; w:gridBefore skipped;
//    w:tblHeader rows counted as header_rows. A cell's paragraphs are joined
//    by "\n". A table inside a cell becomes its own Table (nested_in = the
//    outer index) with its kTable block after the outer table's block.
//  - w:sdt -> its w:sdtContent; w:ins / w:moveTo kept; w:del / w:moveFrom /
//    w:delText dropped; w:instrText and w:fldSimple's instruction dropped;
//    for complex fields only the result (between "separate" and "end") is
//    kept; mc:AlternateContent -> its first mc:Choice, else mc:Fallback.
//  - text boxes (w:txbxContent) -> their paragraphs, as blocks right after
//    the paragraph that anchors them (inside a table cell: appended to the
//    cell text).
//  - c:chart in a drawing -> a Chart parsed from the part that
//    word/_rels/document.xml.rels names, and a kChart block after the
//    anchoring paragraph (after the table when anchored in a cell). Each
//    chart is linked to the nearest caption-like paragraph right before or
//    after it ("图1…", "（图1…）", or containing the chart title), which
//    becomes kCaption.
//  - docProps/core.xml -> metadata title, author, created, modified.
//    Headers, footers, footnotes and comments are not read.
// Safety: zip caps from ExtractOptions (see zip_archive.h); every XML part
// is parsed by ParseXml (no entities, depth cap). Tables are capped at
// kMaxColumns columns and the document at kMaxCells grid cells and
// kMaxCharts charts; what is cut is reported as a finding.
// Tested by tests/extract/docx_reader_test.cc and
// tests/extract/corrupt_docx_html_test.cc.
#include "base/utf8.h"
#include "extract/chart_tables.h"
#include "extract/ooxml.h"
#include "extract/readers.h"
#include "extract/text_cleanup.h"
#include "extract/xml_tree.h"
#include "extract/zip_archive.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace {

constexpr int kMaxColumns = 512;
constexpr size_t kMaxCells = 500000;
constexpr size_t kMaxCharts = 1000;
constexpr size_t kMaxFieldNesting = 64;

struct Relationship {
  std::string type;
  std::string target;
  bool external = false;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Resolves a relationship target against the directory of the source part.
std::string ResolvePart(std::string_view base_dir, std::string_view target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = std::string(target.substr(1));
  } else {
    path = base_dir.empty() ? std::string(target)
                            : std::string(base_dir) + "/" + std::string(target);
  }
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      std::string seg = path.substr(start, i - start);
      if (seg == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      start = i + 1;
    }
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string DirOf(std::string_view part) {
  size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? ""
                                         : std::string(part.substr(0, slash));
}

std::string RelsPathOf(std::string_view part) {
  size_t slash = part.rfind('/');
  if (slash == std::string_view::npos)
    return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash)) + "/_rels/" +
         std::string(part.substr(slash + 1)) + ".rels";
}

std::map<std::string, Relationship> ParseRels(const XmlNode& root) {
  std::map<std::string, Relationship> rels;
  for (const XmlNode& r : root.children) {
    if (!r.Is("Relationship")) continue;
    Relationship rel;
    rel.type = r.AttrOr("Type", "");
    rel.target = r.AttrOr("Target", "");
    rel.external = r.AttrOr("TargetMode", "") == "External";
    rels.emplace(r.AttrOr("Id", ""), std::move(rel));
  }
  return rels;
}

// The mc:AlternateContent branch we read: the first mc:Choice, else the
// mc:Fallback. Never both (they hold the same content twice).
const XmlNode* ChosenBranch(const XmlNode& alternate) {
  if (const XmlNode* c = alternate.Child("Choice")) return c;
  return alternate.Child("Fallback");
}

// What one paragraph yields.
struct Paragraph {
  std::string text;  // label + runs, trimmed
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;
  std::string style;
  std::vector<std::string> chart_ids;      // r:id of c:chart, in order
  std::vector<const XmlNode*> text_boxes;  // w:txbxContent elements
};

class DocxReader {
 public:
  DocxReader(ZipArchive* zip, const ExtractOptions& opts) : zip_(zip) {
    xml_opts_.max_depth = opts.max_xml_depth;
  }

  Result<Document> Read() {
    doc_.format = Format::kDocx;
    BUDGETDOC_RETURN_IF_ERROR(FindMainPart());
    BUDGETDOC_RETURN_IF_ERROR(ReadCoreProperties());
    BUDGETDOC_ASSIGN_OR_RETURN(XmlNode main, ReadXml(main_part_));
    BUDGETDOC_RETURN_IF_ERROR(ReadSupportParts());
    const XmlNode* body = main.Child("body");
    if (body == nullptr) {
      return Status::Corrupt(main_part_ + ": no w:body element (root is <" +
                             main.name + ">)");
    }
    BUDGETDOC_RETURN_IF_ERROR(WalkBlocks(*body));
    LinkCaptions();
    return std::move(doc_);
  }

 private:
  // ---- Parts ----

  Result<XmlNode> ReadXml(const std::string& part) {
    BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, zip_->ReadEntry(part));
    return ParseXml(bytes, part, xml_opts_);
  }

  // Reads an optional part: absent -> nullopt; corrupt -> a finding and
  // nullopt; limits and unsafe content -> error.
  Result<std::optional<XmlNode>> ReadOptionalXml(const std::string& part) {
    if (part.empty() || !zip_->Has(part)) return std::optional<XmlNode>();
    Result<XmlNode> x = ReadXml(part);
    if (x.ok()) return std::optional<XmlNode>(std::move(x).value());
    if (x.status().code() == StatusCode::kCorrupt) {
      AddFinding(Severity::kWarning, "extract.docx.part_unreadable",
                 x.status().message() + "; part ignored");
      return std::optional<XmlNode>();
    }
    return x.status();
  }

  Status FindMainPart() {
    main_part_ = "word/document.xml";
    BUDGETDOC_ASSIGN_OR_RETURN(std::optional<XmlNode> rels,
                               ReadOptionalXml("_rels/.rels"));
    if (rels) {
      for (const auto& [id, rel] : ParseRels(*rels)) {
        if (EndsWith(rel.type, "/officeDocument") && !rel.external &&
            zip_->Has(ResolvePart("", rel.target))) {
          main_part_ = ResolvePart("", rel.target);
        } else if (EndsWith(rel.type, "/core-properties") && !rel.external) {
          core_part_ = ResolvePart("", rel.target);
        }
      }
    }
    if (!zip_->Has(main_part_)) {
      return Status::Corrupt(
          "not a Word document: the zip has no word/document.xml");
    }
    if (core_part_.empty()) core_part_ = "docProps/core.xml";
    return Status::Ok();
  }

  Status ReadCoreProperties() {
    BUDGETDOC_ASSIGN_OR_RETURN(std::optional<XmlNode> core,
                               ReadOptionalXml(core_part_));
    if (!core) return Status::Ok();
    static constexpr struct {
      std::string_view element, key;
    } kKeys[] = {{"title", "title"},
                 {"creator", "author"},
                 {"created", "created"},
                 {"modified", "modified"}};
    for (const XmlNode& c : core->children) {
      for (const auto& k : kKeys) {
        if (!c.Is(k.element)) continue;
        std::string v = TrimSpaces(c.InnerText());
        if (!v.empty()) doc_.metadata[std::string(k.key)] = v;
      }
    }
    return Status::Ok();
  }

  Status ReadSupportParts() {
    std::string styles_part = DirOf(main_part_) + "/styles.xml";
    std::string numbering_part = DirOf(main_part_) + "/numbering.xml";
    BUDGETDOC_ASSIGN_OR_RETURN(std::optional<XmlNode> rels,
                               ReadOptionalXml(RelsPathOf(main_part_)));
    if (rels) {
      rels_ = ParseRels(*rels);
      for (const auto& [id, rel] : rels_) {
        if (rel.external) continue;
        if (EndsWith(rel.type, "/styles")) {
          styles_part = ResolvePart(DirOf(main_part_), rel.target);
        } else if (EndsWith(rel.type, "/numbering")) {
          numbering_part = ResolvePart(DirOf(main_part_), rel.target);
        }
      }
    }
    BUDGETDOC_ASSIGN_OR_RETURN(std::optional<XmlNode> styles,
                               ReadOptionalXml(styles_part));
    styles_ = StyleSheet::Parse(styles ? &*styles : nullptr);
    BUDGETDOC_ASSIGN_OR_RETURN(std::optional<XmlNode> numbering,
                               ReadOptionalXml(numbering_part));
    numbering_ = Numbering::Parse(numbering ? &*numbering : nullptr);
    return Status::Ok();
  }

  void AddFinding(Severity severity, std::string_view rule,
                  std::string message) {
    if (doc_.findings.size() >= 100) return;
    Finding f;
    f.severity = severity;
    f.rule = std::string(rule);
    f.message = std::move(message);
    Provenance p;
    p.part = main_part_;
    f.where.push_back(std::move(p));
    doc_.findings.push_back(std::move(f));
  }

  // ---- Block level ----

  Status WalkBlocks(const XmlNode& container) {
    for (const XmlNode& n : container.children) {
      if (!n.is_element()) continue;
      if (n.Is("p")) {
        BUDGETDOC_RETURN_IF_ERROR(EmitParagraph(n));
      } else if (n.Is("tbl")) {
        BUDGETDOC_RETURN_IF_ERROR(EmitTable(n, -1));
      } else if (n.Is("sdt")) {
        if (const XmlNode* c = n.Child("sdtContent")) {
          BUDGETDOC_RETURN_IF_ERROR(WalkBlocks(*c));
        }
      } else if (n.Is("customXml") || n.Is("ins") || n.Is("moveTo") ||
                 n.Is("smartTag")) {
        BUDGETDOC_RETURN_IF_ERROR(WalkBlocks(n));
      } else if (n.Is("AlternateContent")) {
        if (const XmlNode* b = ChosenBranch(n)) {
          BUDGETDOC_RETURN_IF_ERROR(WalkBlocks(*b));
        }
      } else if (n.Is("altChunk")) {
        AddFinding(Severity::kWarning, "extract.docx.alt_chunk",
                   "embedded alternative-format chunk (w:altChunk) not read");
      }
      // w:del, w:moveFrom, w:sectPr, bookmarks, proofing marks: nothing.
    }
    return Status::Ok();
  }

  Status EmitParagraph(const XmlNode& p) {
    Paragraph para = RenderParagraph(p);
    if (!para.text.empty()) {
      Block b;
      b.kind = para.kind;
      b.text = std::move(para.text);
      b.heading_level = para.heading_level;
      b.style = std::move(para.style);
      doc_.blocks.push_back(std::move(b));
    }
    for (const std::string& id : para.chart_ids) {
      BUDGETDOC_RETURN_IF_ERROR(EmitChart(id));
    }
    for (const XmlNode* box : para.text_boxes) {
      BUDGETDOC_RETURN_IF_ERROR(WalkBlocks(*box));
    }
    return Status::Ok();
  }

  Paragraph RenderParagraph(const XmlNode& p) {
    Paragraph para;
    const XmlNode* ppr = p.Child("pPr");
    std::string style_id = styles_.default_paragraph_style();
    int outline = -1;
    NumRef direct;
    if (ppr != nullptr) {
      if (const XmlNode* ps = ppr->Child("pStyle")) {
        style_id = ps->AttrOr("val", "");
      }
      if (const XmlNode* o = ppr->Child("outlineLvl")) {
        const std::string* v = o->Attr("val");
        outline =
            v != nullptr && v->size() == 1 && (*v)[0] >= '0' && (*v)[0] <= '9'
                ? (*v)[0] - '0'
                : -1;
      }
      if (const XmlNode* np = ppr->Child("numPr")) {
        direct.num_id = np->Child("numId") != nullptr
                            ? np->Child("numId")->AttrOr("val", "")
                            : "";
        const XmlNode* il = np->Child("ilvl");
        std::string v = il != nullptr ? il->AttrOr("val", "") : "";
        direct.ilvl =
            v.size() == 1 && v[0] >= '0' && v[0] <= '8' ? v[0] - '0' : -1;
      }
    }
    // Numbering: the paragraph's own numPr wins; missing parts come from
    // the style.
    NumRef num = styles_.Numbering(style_id);
    if (!direct.num_id.empty()) {
      if (direct.num_id != num.num_id) num.ilvl = -1;
      num.num_id = direct.num_id;
    }
    if (direct.ilvl >= 0) num.ilvl = direct.ilvl;

    std::string runs;
    CollectInline(p, &runs, &para);
    std::string text = TrimSpaces(runs);
    Numbering::Label label = numbering_.Next(num, style_id, styles_);

    para.style = style_id.empty() ? "" : styles_.DisplayName(style_id);
    if (outline >= 0) {
      para.heading_level = outline <= 8 ? outline + 1 : 0;
    } else {
      para.heading_level = styles_.HeadingLevel(style_id);
    }
    if (para.heading_level > 0) {
      para.kind = BlockKind::kHeading;
    } else if (styles_.IsCaption(style_id)) {
      para.kind = BlockKind::kCaption;
    } else if (label.numbered) {
      para.kind = BlockKind::kListItem;
    }
    if (!text.empty()) para.text = label.text + text;
    return para;
  }

  bool InFieldInstruction() const {
    for (bool instr : fields_) {
      if (instr) return true;
    }
    return false;
  }

  // Inline content of a paragraph (or of a hyperlink, w:ins, w:sdt...).
  void CollectInline(const XmlNode& n, std::string* out, Paragraph* para) {
    for (const XmlNode& c : n.children) {
      if (!c.is_element()) continue;
      if (c.Is("r")) {
        CollectRun(c, out, para);
      } else if (c.Is("hyperlink") || c.Is("ins") || c.Is("moveTo") ||
                 c.Is("smartTag") || c.Is("customXml") || c.Is("fldSimple") ||
                 c.Is("dir") || c.Is("bdo") || c.Is("oMath") ||
                 c.Is("oMathPara")) {
        // fldSimple: its children are the field result; the instruction is
        // the w:instr attribute, which we never read.
        CollectInline(c, out, para);
      } else if (c.Is("sdt")) {
        if (const XmlNode* sc = c.Child("sdtContent")) {
          CollectInline(*sc, out, para);
        }
      } else if (c.Is("AlternateContent")) {
        if (const XmlNode* b = ChosenBranch(c)) CollectInline(*b, out, para);
      }
      // w:del, w:moveFrom, w:pPr, bookmarks, comments marks: nothing.
    }
  }

  void CollectRun(const XmlNode& r, std::string* out, Paragraph* para) {
    for (const XmlNode& c : r.children) {
      if (!c.is_element()) continue;
      if (c.Is("fldChar")) {
        std::string type = c.AttrOr("fldCharType", "");
        if (type == "begin") {
          if (fields_.size() < kMaxFieldNesting) fields_.push_back(true);
        } else if (type == "separate") {
          if (!fields_.empty()) fields_.back() = false;
        } else if (type == "end") {
          if (!fields_.empty()) fields_.pop_back();
        }
        continue;
      }
      if (c.Is("drawing") || c.Is("pict") || c.Is("object")) {
        ScanDrawing(c, para);
        continue;
      }
      if (c.Is("AlternateContent")) {
        if (const XmlNode* b = ChosenBranch(c)) {
          // A branch holds run content (w:drawing, w:pict).
          ScanDrawing(*b, para);
        }
        continue;
      }
      if (InFieldInstruction()) continue;
      if (c.Is("t")) {
        *out += c.InnerText();
      } else if (c.Is("tab") || c.Is("ptab")) {
        *out += "\t";
      } else if (c.Is("br") || c.Is("cr")) {
        *out += "\n";
      } else if (c.Is("noBreakHyphen")) {
        *out += "-";
      } else if (c.Is("ruby")) {
        if (const XmlNode* base = c.Child("rubyBase")) {
          CollectInline(*base, out, para);
        }
      }
      // w:delText, w:instrText, w:softHyphen, w:sym, w:rPr: nothing.
    }
  }

  // Finds charts and text boxes inside a drawing, honouring
  // mc:AlternateContent (one branch only).
  void ScanDrawing(const XmlNode& n, Paragraph* para) {
    for (const XmlNode& c : n.children) {
      if (!c.is_element()) continue;
      if (c.Is("AlternateContent")) {
        if (const XmlNode* b = ChosenBranch(c)) ScanDrawing(*b, para);
      } else if (c.Is("txbxContent")) {
        para->text_boxes.push_back(&c);
      } else if (c.Is("chart") && c.Attr("id") != nullptr) {
        para->chart_ids.push_back(*c.Attr("id"));
      } else {
        ScanDrawing(c, para);
      }
    }
  }

  // ---- Charts ----

  Status EmitChart(const std::string& rel_id) {
    auto it = rels_.find(rel_id);
    if (it == rels_.end() || it->second.external) {
      AddFinding(Severity::kWarning, "extract.docx.chart_missing",
                 "chart relationship '" + rel_id + "' not found");
      return Status::Ok();
    }
    if (doc_.charts.size() >= kMaxCharts) {
      AddFinding(Severity::kWarning, "extract.docx.too_many_charts",
                 "more than " + std::to_string(kMaxCharts) +
                     " charts; the rest are ignored");
      return Status::Ok();
    }
    std::string part = ResolvePart(DirOf(main_part_), it->second.target);
    auto cached = chart_cache_.find(part);
    if (cached == chart_cache_.end()) {
      BUDGETDOC_ASSIGN_OR_RETURN(std::optional<XmlNode> x,
                                 ReadOptionalXml(part));
      if (!x) {
        AddFinding(Severity::kWarning, "extract.docx.chart_missing",
                   "chart part " + part + " is missing or unreadable");
        return Status::Ok();
      }
      cached = chart_cache_.emplace(part, ParseChart(*x, part)).first;
    }
    Block b;
    b.kind = BlockKind::kChart;
    b.chart = static_cast<int>(doc_.charts.size());
    b.text = cached->second.title;
    doc_.charts.push_back(cached->second);
    doc_.blocks.push_back(std::move(b));
    return Status::Ok();
  }

  // Links each chart to the caption-like paragraph right before or after
  // it; a paragraph containing the chart title beats a bare "图N".
  void LinkCaptions() {
    std::vector<bool> used(doc_.blocks.size(), false);
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      if (b.kind != BlockKind::kChart || b.chart < 0) continue;
      Chart& chart = doc_.charts[static_cast<size_t>(b.chart)];
      int best = -1, best_score = 0;
      for (size_t j : {i - 1, i + 1}) {
        if (j >= doc_.blocks.size() || used[j]) continue;  // i-1 wraps at 0
        const Block& cand = doc_.blocks[j];
        if (cand.kind != BlockKind::kParagraph &&
            cand.kind != BlockKind::kCaption) {
          continue;
        }
        if (CountCodePoints(cand.text) > 120) continue;
        int score = 0;
        if (!chart.title.empty() &&
            cand.text.find(chart.title) != std::string::npos) {
          score = 2;
        } else if (StartsLikeFigureCaption(cand.text)) {
          score = 1;
        }
        if (score > best_score) {
          best = static_cast<int>(j);
          best_score = score;
        }
      }
      if (best >= 0) {
        used[static_cast<size_t>(best)] = true;
        chart.caption_block = best;
        doc_.blocks[static_cast<size_t>(best)].kind = BlockKind::kCaption;
      }
    }
  }

  // ---- Tables ----

  struct CellContent {
    std::string text;
    int span = 1;
    enum { kNone, kRestart, kContinue } vmerge = kNone;
  };

  // Text of a table cell; nested tables and charts are collected for later.
  void RenderCell(const XmlNode& container, std::vector<std::string>* lines,
                  std::vector<const XmlNode*>* nested,
                  std::vector<std::string>* charts) {
    for (const XmlNode& c : container.children) {
      if (!c.is_element()) continue;
      if (c.Is("p")) {
        Paragraph para = RenderParagraph(c);
        if (!para.text.empty()) lines->push_back(std::move(para.text));
        for (auto& id : para.chart_ids) charts->push_back(std::move(id));
        for (const XmlNode* box : para.text_boxes) {
          RenderCell(*box, lines, nested, charts);
        }
      } else if (c.Is("tbl")) {
        nested->push_back(&c);
      } else if (c.Is("sdt")) {
        if (const XmlNode* sc = c.Child("sdtContent")) {
          RenderCell(*sc, lines, nested, charts);
        }
      } else if (c.Is("customXml") || c.Is("ins") || c.Is("moveTo")) {
        RenderCell(c, lines, nested, charts);
      } else if (c.Is("AlternateContent")) {
        if (const XmlNode* b = ChosenBranch(c)) {
          RenderCell(*b, lines, nested, charts);
        }
      }
    }
  }

  // Rows (w:tr) of a table, looking through sdt/customXml/ins wrappers.
  static void CollectRows(const XmlNode& n, std::vector<const XmlNode*>* out) {
    for (const XmlNode& c : n.children) {
      if (c.Is("tr")) {
        out->push_back(&c);
      } else if (c.Is("sdt")) {
        if (const XmlNode* sc = c.Child("sdtContent")) CollectRows(*sc, out);
      } else if (c.Is("customXml") || c.Is("ins") || c.Is("moveTo")) {
        CollectRows(c, out);
      }
    }
  }

  static void CollectCells(const XmlNode& n, std::vector<const XmlNode*>* out) {
    for (const XmlNode& c : n.children) {
      if (c.Is("tc")) {
        out->push_back(&c);
      } else if (c.Is("sdt")) {
        if (const XmlNode* sc = c.Child("sdtContent")) CollectCells(*sc, out);
      } else if (c.Is("customXml") || c.Is("ins") || c.Is("moveTo")) {
        CollectCells(c, out);
      }
    }
  }

  static int SpanValue(const XmlNode* n, int limit) {
    if (n == nullptr) return 1;
    std::string v = n->AttrOr("val", "1");
    int span = 0;
    for (char ch : v) {
      if (ch < '0' || ch > '9') return 1;
      span = std::min(span * 10 + (ch - '0'), limit);
    }
    return std::clamp(span, 1, limit);
  }

  Status EmitTable(const XmlNode& tbl, int nested_in) {
    const int index = static_cast<int>(doc_.tables.size());
    doc_.tables.emplace_back();  // reserve the index before nested tables
    Table table;
    table.nested_in = nested_in;
    int grid_cols = 0;
    if (const XmlNode* grid = tbl.Child("tblGrid")) {
      for (const XmlNode& g : grid->children) grid_cols += g.Is("gridCol");
    }
    grid_cols = std::min(grid_cols, kMaxColumns);

    std::vector<const XmlNode*> rows;
    CollectRows(tbl, &rows);
    std::vector<std::vector<Cell>> grid;
    // owner[r][c] = anchor (row, col) of the cell occupying (r, c).
    std::vector<std::vector<std::pair<int, int>>> owner;
    std::vector<const XmlNode*> nested;
    std::vector<std::string> charts;
    int width = grid_cols;
    bool header_run = true;
    bool truncated = false;
    for (const XmlNode* tr : rows) {
      if (truncated) break;
      const int r = static_cast<int>(grid.size());
      grid.emplace_back();
      owner.emplace_back();
      std::vector<Cell>& row = grid.back();
      std::vector<std::pair<int, int>>& own = owner.back();
      int col = 0;
      const XmlNode* trpr = tr->Child("trPr");
      if (trpr != nullptr) {
        col = SpanValue(trpr->Child("gridBefore"), kMaxColumns) *
              (trpr->Child("gridBefore") != nullptr);
        if (header_run && trpr->Child("tblHeader") != nullptr) {
          table.header_rows = r + 1;
        } else {
          header_run = false;
        }
      } else {
        header_run = false;
      }
      auto ensure = [&](int n) {
        if (static_cast<int>(row.size()) < n) {
          row.resize(static_cast<size_t>(n));
          own.resize(static_cast<size_t>(n), {-1, -1});
        }
      };
      ensure(col);
      std::vector<const XmlNode*> cells;
      CollectCells(*tr, &cells);
      for (const XmlNode* tc : cells) {
        if (col >= kMaxColumns) {
          truncated = true;
          break;
        }
        const XmlNode* tcpr = tc->Child("tcPr");
        int span = SpanValue(
            tcpr != nullptr ? tcpr->Child("gridSpan") : nullptr, kMaxColumns);
        span = std::min(span, kMaxColumns - col);
        const XmlNode* vm = tcpr != nullptr ? tcpr->Child("vMerge") : nullptr;
        bool cont = vm != nullptr && vm->AttrOr("val", "continue") != "restart";
        ensure(col + span);
        std::pair<int, int> above = {-1, -1};
        if (cont && r > 0 &&
            col < static_cast<int>(owner[static_cast<size_t>(r - 1)].size())) {
          above = owner[static_cast<size_t>(r - 1)][static_cast<size_t>(col)];
        }
        if (cont && above.first >= 0) {
          Cell& anchor = grid[static_cast<size_t>(above.first)]
                             [static_cast<size_t>(above.second)];
          anchor.row_span = r - above.first + 1;
          for (int k = col; k < col + span; ++k) {
            row[static_cast<size_t>(k)].covered = true;
            own[static_cast<size_t>(k)] = above;
          }
        } else {
          std::vector<std::string> lines;
          RenderCell(*tc, &lines, &nested, &charts);
          Cell& cell = row[static_cast<size_t>(col)];
          for (size_t i = 0; i < lines.size(); ++i) {
            cell.text += (i > 0 ? "\n" : "") + lines[i];
          }
          cell.col_span = span;
          for (int k = col; k < col + span; ++k) {
            own[static_cast<size_t>(k)] = {r, col};
            if (k > col) row[static_cast<size_t>(k)].covered = true;
          }
        }
        col += span;
      }
      width = std::max(width, static_cast<int>(row.size()));
      cells_ += static_cast<size_t>(width);
      if (cells_ > kMaxCells) truncated = true;
    }
    for (auto& row : grid) {
      row.resize(static_cast<size_t>(width));
      table.AddRow(std::move(row));
    }
    if (truncated) {
      AddFinding(Severity::kWarning, "extract.docx.table_truncated",
                 "table " + std::to_string(index) + " cut at a safety limit (" +
                     std::to_string(kMaxColumns) + " columns, " +
                     std::to_string(kMaxCells) + " cells per document)");
    }
    doc_.tables[static_cast<size_t>(index)] = std::move(table);
    Block b;
    b.kind = BlockKind::kTable;
    b.table = index;
    doc_.blocks.push_back(std::move(b));
    for (const XmlNode* n : nested) {
      if (cells_ > kMaxCells) break;
      BUDGETDOC_RETURN_IF_ERROR(EmitTable(*n, index));
    }
    for (const std::string& id : charts) {
      BUDGETDOC_RETURN_IF_ERROR(EmitChart(id));
    }
    return Status::Ok();
  }

  ZipArchive* zip_;
  XmlParseOptions xml_opts_;
  Document doc_;
  std::string main_part_;
  std::string core_part_;
  std::map<std::string, Relationship> rels_;
  StyleSheet styles_;
  Numbering numbering_;
  std::vector<bool> fields_;  // open complex fields: true = in instruction
  std::map<std::string, Chart> chart_cache_;
  size_t cells_ = 0;
};

}  // namespace

Result<Document> ReadDocx(std::string_view bytes, const ExtractOptions& opts) {
  BUDGETDOC_ASSIGN_OR_RETURN(ZipArchive zip,
                             ZipArchive::Open(bytes, ZipLimitsOf(opts)));
  DocxReader reader(&zip, opts);
  return reader.Read();
}

}  // namespace budgetdoc
