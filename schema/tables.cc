#include "schema/tables.h"

#include "base/utf8.h"
#include "schema/narrative.h"
#include "schema/table_catalog.h"
#include "schema/table_reader.h"
#include "schema/table_words.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

using namespace tables_internal;  // NOLINT(google-build-using-namespace)

TableFacts RecognizeTables(const NormalizedDocument& nd, const ReportMeta& meta,
                           const MetricCatalog& metrics) {
  return TableReader(nd, meta, metrics).Run();
}

std::vector<std::string> ExpectedTables(const ReportMeta& meta) {
  std::string kind = SpecKind(meta);
  std::vector<std::string> out;
  if (kind.empty()) return out;
  for (const TableSpec& s : Specs()) {
    if (s.kind != kind || s.mandatory_since < 0) continue;
    if (s.mandatory_since > 0 && meta.fiscal_year > 0 &&
        meta.fiscal_year < s.mandatory_since) {
      continue;
    }
    out.push_back(s.id);
  }
  return out;
}

std::string TableName(std::string_view id) {
  const TableSpec* s = SpecById(id);
  return s == nullptr ? std::string(id) : s->name;
}

std::vector<std::string> PrintedTableTitles(const NormalizedDocument& nd,
                                            const ReportMeta& meta) {
  std::string kind = SpecKind(meta);
  std::set<std::string> ids;
  for (size_t b = 0; b < nd.blocks.size(); ++b) {
    BlockKind k = nd.doc.blocks[b].kind;
    if (k == BlockKind::kTable || k == BlockKind::kChart) continue;
    const std::string& text = nd.blocks[b].text;
    if (text.empty() || CountCodePoints(text) > 40) continue;
    // A list entry ("七、政府性基金支出预算表") is a table of contents.
    HeadingLabel label;
    if (ParseHeadingLabel(text, &label) && label.style != "title") continue;
    std::string folded = Fold(text);
    // "公开09表", "表9" before the title.
    size_t len = 0;
    const TableSpec* s = MatchTitle(folded, kind, &len);
    if (s == nullptr || s->kind != kind) continue;
    // The line is the title: little else is printed on it.
    if (len * 10 < folded.size() * 6) continue;
    ids.insert(s->id);
  }
  return {ids.begin(), ids.end()};
}

std::string DebugString(const TableFacts& tf) {
  std::string out;
  for (size_t i = 0; i < tf.tables.size(); ++i) {
    const RecognizedTable& t = tf.tables[i];
    out += "table " + std::to_string(i) + " t" + std::to_string(t.table) + " " +
           (t.canonical_id.empty() ? "-" : t.canonical_id) + " '" + t.title +
           "' unit=" + (t.unit.empty() ? "?" : t.unit) +
           " scale=" + std::to_string(t.amount_scale);
    if (t.empty) out += t.empty_statement ? " empty(stated)" : " empty";
    out += "\n  columns:";
    for (const ColumnRole& c : t.columns) {
      out += " " + std::to_string(c.column) + "=" +
             (c.role.empty() ? "?" : c.role);
      if (!c.basis.empty() && c.basis != "actual" && c.role != "label" &&
          c.role != "code") {
        out += "/" + c.basis;
      }
    }
    out += "\n";
  }
  for (const Fact& f : tf.facts) {
    std::string id =
        f.table >= 0 && static_cast<size_t>(f.table) < tf.tables.size()
            ? tf.tables[static_cast<size_t>(f.table)].canonical_id
            : "?";
    out += id + " r" + std::to_string(f.where.row) + "c" +
           std::to_string(f.where.column) + " " + f.metric;
    if (f.measure != Measure::kAmount)
      out += " " + std::string(MeasureName(f.measure));
    out += " " + f.basis;
    if (f.year > 0) out += " " + std::to_string(f.year);
    out += " " + f.fund;
    if (!f.code.empty()) out += " " + f.code_scheme + ":" + f.code;
    out += " = " + f.value.ToString() + " (" + f.printed.ToString() + f.unit +
           ") [" + f.column + "] " + f.label + "\n";
  }
  for (const Finding& f : tf.findings) {
    out += std::string(SeverityName(f.severity)) + " " + f.rule + ": " +
           f.message + "\n";
  }
  return out;
}

}  // namespace budgetdoc
