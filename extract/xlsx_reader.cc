// ReadXlsx: an Office Open XML workbook (.xlsx) into a Document, through
// our own OOXML reading (zip_archive.h, xml_tree.h): the workbook's sheet
// list and relationships, shared strings (rich runs joined, phonetic runs
// dropped), number formats (built-in and custom: thousands separators,
// decimals, percent, literal text), merged cells, inline and formula
// strings. Each visible sheet becomes one Table titled with the sheet name,
// after a heading block with that name and a caption block per title row
// (a row whose only text is one cell, as "收入支出决算总表" or "单位：万元"
// above the grid), so table recognition sees what it sees in a DOCX.
// Hidden sheets are skipped with an info finding.
// Caps: the zip limits of ExtractOptions; at most kMaxCells non-empty cells
// in the workbook and kMaxGridCells cells in one sheet's grid.
// Tested by tests/extract/xlsx_reader_test.cc and corrupt_workbook_test.cc.
#include "extract/number_format.h"
#include "extract/readers.h"
#include "extract/sheet_grid.h"
#include "extract/xml_tree.h"
#include "extract/zip_archive.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace {

constexpr size_t kMaxCells = 2'000'000;

// "A1" -> (row 0, column 0); false when malformed or beyond Excel's
// 1048576 rows and 16384 columns.
bool ParseCellRef(std::string_view ref, int* row, int* col) {
  size_t i = 0;
  int c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + (ref[i] - 'A' + 1);
    if (c > 16384) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  int r = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    r = r * 10 + (ref[i] - '0');
    if (r > 1048576) return false;
  }
  if (r == 0) return false;
  *row = r - 1;
  *col = c - 1;
  return true;
}

// Text of a shared or inline string: <t> directly or in runs <r><t>;
// phonetic guides (<rPh>) are not part of the text.
std::string StringItemText(const XmlNode& si) {
  std::string out;
  for (const XmlNode& child : si.children) {
    if (child.Is("t")) {
      out += child.InnerText();
    } else if (child.Is("r")) {
      if (const XmlNode* t = child.Child("t")) out += t->InnerText();
    }
  }
  return out;
}

// Zip entry of a relationship target relative to xl/.
std::string ResolveTarget(std::string_view target) {
  if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
  std::string path = "xl/" + std::string(target);
  // Resolve "../" segments.
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(begin, end - begin);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    begin = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

class XlsxReader {
 public:
  XlsxReader(ZipArchive* zip, const ExtractOptions& opts)
      : zip_(zip), opts_(opts) {
    xml_.max_depth = opts.max_xml_depth;
  }

  Result<Document> Read() {
    doc_.format = Format::kXlsx;
    BUDGETDOC_ASSIGN_OR_RETURN(XmlNode workbook, Part("xl/workbook.xml"));
    std::map<std::string, std::string> targets;  // r:id -> entry
    if (zip_->Has("xl/_rels/workbook.xml.rels")) {
      BUDGETDOC_ASSIGN_OR_RETURN(XmlNode rels,
                                 Part("xl/_rels/workbook.xml.rels"));
      for (const XmlNode& r : rels.children) {
        if (!r.Is("Relationship")) continue;
        targets[r.AttrOr("Id", "")] = ResolveTarget(r.AttrOr("Target", ""));
      }
    }
    BUDGETDOC_RETURN_IF_ERROR(ReadSharedStrings());
    BUDGETDOC_RETURN_IF_ERROR(ReadStyles());
    const XmlNode* sheets = workbook.Child("sheets");
    if (sheets == nullptr) {
      return Status::Corrupt("xlsx: xl/workbook.xml lists no sheets");
    }
    int index = 0;
    for (const XmlNode& s : sheets->children) {
      if (!s.Is("sheet")) continue;
      ++index;
      std::string name = s.AttrOr("name", "Sheet" + std::to_string(index));
      std::string state = s.AttrOr("state", "visible");
      if (state == "hidden" || state == "veryHidden") {
        Note(Severity::kInfo, "extract.xlsx.hidden_sheet",
             "sheet '" + name + "' is hidden: skipped");
        continue;
      }
      std::string part;
      if (const std::string* id = s.Attr("id")) {
        auto it = targets.find(*id);
        if (it != targets.end()) part = it->second;
      }
      if (part.empty()) {
        part = "xl/worksheets/sheet" + std::to_string(index) + ".xml";
      }
      if (!zip_->Has(part)) {
        Note(Severity::kWarning, "extract.xlsx.sheet_missing",
             "sheet '" + name + "': part " + part + " is missing");
        continue;
      }
      BUDGETDOC_RETURN_IF_ERROR(ReadSheet(name, part));
    }
    if (doc_.tables.empty()) {
      Note(Severity::kWarning, "extract.xlsx.empty",
           "the workbook has no visible sheet with cells");
    }
    return std::move(doc_);
  }

 private:
  Result<XmlNode> Part(const std::string& name) {
    BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, zip_->ReadEntry(name));
    return ParseXml(bytes, name, xml_);
  }

  void Note(Severity severity, std::string rule, std::string message) {
    Finding f;
    f.severity = severity;
    f.rule = std::move(rule);
    f.message = std::move(message);
    doc_.findings.push_back(std::move(f));
  }

  Status ReadSharedStrings() {
    const std::string name = "xl/sharedStrings.xml";
    if (!zip_->Has(name)) return Status::Ok();
    BUDGETDOC_ASSIGN_OR_RETURN(XmlNode sst, Part(name));
    for (const XmlNode& si : sst.children) {
      if (si.Is("si")) shared_.push_back(StringItemText(si));
    }
    return Status::Ok();
  }

  Status ReadStyles() {
    const std::string name = "xl/styles.xml";
    if (!zip_->Has(name)) return Status::Ok();
    BUDGETDOC_ASSIGN_OR_RETURN(XmlNode styles, Part(name));
    std::map<int, std::string> custom;
    if (const XmlNode* fmts = styles.Child("numFmts")) {
      for (const XmlNode& f : fmts->children) {
        if (!f.Is("numFmt")) continue;
        custom[std::atoi(f.AttrOr("numFmtId", "-1").c_str())] =
            f.AttrOr("formatCode", "General");
      }
    }
    if (const XmlNode* xfs = styles.Child("cellXfs")) {
      for (const XmlNode& xf : xfs->children) {
        if (!xf.Is("xf")) continue;
        int id = std::atoi(xf.AttrOr("numFmtId", "0").c_str());
        auto it = custom.find(id);
        formats_.push_back(it != custom.end()
                               ? it->second
                               : std::string(BuiltinNumberFormat(id)));
      }
    }
    return Status::Ok();
  }

  std::string CellText(const XmlNode& c) const {
    std::string type = c.AttrOr("t", "n");
    const XmlNode* v = c.Child("v");
    std::string value = v != nullptr ? v->InnerText() : "";
    if (type == "s") {
      char* end = nullptr;
      long i = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || i < 0 ||
          static_cast<size_t>(i) >= shared_.size()) {
        return "";
      }
      return shared_[static_cast<size_t>(i)];
    }
    if (type == "inlineStr") {
      const XmlNode* is = c.Child("is");
      return is != nullptr ? StringItemText(*is) : "";
    }
    if (type == "b") return value == "1" ? "TRUE" : "FALSE";
    if (type == "str" || type == "e") return value;
    if (value.empty()) return "";
    std::string format = "General";
    int style = std::atoi(c.AttrOr("s", "0").c_str());
    if (style >= 0 && static_cast<size_t>(style) < formats_.size() &&
        !formats_[static_cast<size_t>(style)].empty()) {
      format = formats_[static_cast<size_t>(style)];
    }
    return FormatNumber(value, format);
  }

  Status ReadSheet(const std::string& name, const std::string& part) {
    BUDGETDOC_ASSIGN_OR_RETURN(XmlNode ws, Part(part));
    SheetGrid grid;
    grid.name = name;
    if (const XmlNode* data = ws.Child("sheetData")) {
      int next_row = 0;
      for (const XmlNode& row : data->children) {
        if (!row.Is("row")) continue;
        int r = next_row;
        if (const std::string* rr = row.Attr("r")) {
          int n = std::atoi(rr->c_str());
          if (n >= 1 && n <= 1048576) r = n - 1;
        }
        next_row = r + 1;
        int next_col = 0;
        for (const XmlNode& c : row.children) {
          if (!c.Is("c")) continue;
          int cr = r, cc = next_col;
          if (const std::string* ref = c.Attr("r")) {
            if (!ParseCellRef(*ref, &cr, &cc)) {
              return Status::Corrupt("xlsx: sheet '" + name +
                                     "': bad cell reference '" + *ref + "'");
            }
          }
          next_col = cc + 1;
          std::string text = CellText(c);
          if (text.empty()) continue;
          if (++cells_ > kMaxCells) {
            return Status::ResourceExhausted("xlsx: more than " +
                                             std::to_string(kMaxCells) +
                                             " non-empty cells");
          }
          grid.cells.push_back(SheetCell{cr, cc, std::move(text)});
        }
      }
    }
    if (const XmlNode* merges = ws.Child("mergeCells")) {
      for (const XmlNode& m : merges->children) {
        if (!m.Is("mergeCell")) continue;
        std::string ref = m.AttrOr("ref", "");
        size_t colon = ref.find(':');
        SheetMerge merge;
        if (colon == std::string::npos ||
            !ParseCellRef(std::string_view(ref).substr(0, colon), &merge.row0,
                          &merge.col0) ||
            !ParseCellRef(std::string_view(ref).substr(colon + 1), &merge.row1,
                          &merge.col1)) {
          continue;
        }
        grid.merges.push_back(merge);
      }
    }
    return AddSheet(grid, &doc_);
  }

  ZipArchive* zip_;
  const ExtractOptions& opts_;
  XmlParseOptions xml_;
  Document doc_;
  std::vector<std::string> shared_;
  std::vector<std::string> formats_;  // per cellXfs index
  size_t cells_ = 0;
};

}  // namespace

Result<Document> ReadXlsx(std::string_view bytes, const ExtractOptions& opts) {
  BUDGETDOC_ASSIGN_OR_RETURN(ZipArchive zip,
                             ZipArchive::Open(bytes, ZipLimitsOf(opts)));
  if (!zip.Has("xl/workbook.xml")) {
    return Status::Corrupt("xlsx: xl/workbook.xml is missing");
  }
  XlsxReader reader(&zip, opts);
  return reader.Read();
}

}  // namespace budgetdoc
