#include "schema/table_catalog.h"

#include "schema/embedded_data.h"
#include "schema/table_words.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace tables_internal {

const std::vector<TableSpec>& Specs() {
  static const std::vector<TableSpec>* specs = [] {
    auto* out = new std::vector<TableSpec>();
    Result<DataTable> t = ReadDataTable("tables.tsv", '\t');
    auto fail = [](const std::string& why) {
      std::fprintf(stderr, "budgetdoc: tables.tsv: %s\n", why.c_str());
      std::abort();
    };
    if (!t.ok()) fail(t.status().ToString());
    const DataTable& d = t.value();
    int c_id = d.Column("id"), c_kind = d.Column("kind"),
        c_mand = d.Column("mandatory"), c_name = d.Column("name"),
        c_subject = d.Column("subject"), c_fund = d.Column("fund"),
        c_stands = d.Column("stands_for"), c_titles = d.Column("titles");
    if (std::min({c_id, c_kind, c_mand, c_name, c_subject, c_fund, c_stands,
                  c_titles}) < 0) {
      fail("missing column");
    }
    for (size_t i = 0; i < d.rows.size(); ++i) {
      const std::vector<std::string>& r = d.rows[i];
      TableSpec s;
      s.id = r[static_cast<size_t>(c_id)];
      s.kind = r[static_cast<size_t>(c_kind)];
      const std::string& m = r[static_cast<size_t>(c_mand)];
      s.mandatory_since =
          m == "yes" ? 0 : (m == "-" ? -1 : std::atoi(m.c_str()));
      s.name = r[static_cast<size_t>(c_name)];
      s.subject = r[static_cast<size_t>(c_subject)];
      s.fund = r[static_cast<size_t>(c_fund)];
      s.stands_for = r[static_cast<size_t>(c_stands)];
      std::string_view titles = r[static_cast<size_t>(c_titles)];
      size_t start = 0;
      for (size_t k = 0; k <= titles.size(); ++k) {
        if (k == titles.size() || titles[k] == '|') {
          std::string f = Fold(titles.substr(start, k - start));
          if (!f.empty()) s.titles.push_back(std::move(f));
          start = k + 1;
        }
      }
      if (s.id.empty() || (s.kind != "final" && s.kind != "budget") ||
          s.titles.empty() ||
          (m != "yes" && m != "-" && s.mandatory_since <= 0)) {
        fail("line " + std::to_string(d.lines[i]) + ": bad row");
      }
      out->push_back(std::move(s));
    }
    return out;
  }();
  return *specs;
}

const TableSpec* SpecById(std::string_view id) {
  for (const TableSpec& s : Specs()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string SpecKind(const ReportMeta& meta) {
  if (meta.kind == "final_accounts") return "final";
  if (meta.kind == "budget") return "budget";
  return "";
}

const TableSpec* MatchTitle(std::string_view folded, std::string_view kind,
                            size_t* matched_len) {
  const TableSpec* best = nullptr;
  size_t best_len = 0;
  bool best_kind = false;
  for (const TableSpec& s : Specs()) {
    for (const std::string& t : s.titles) {
      if (!Contains(folded, t)) continue;
      bool k = !kind.empty() && s.kind == kind;
      if (best == nullptr || (k && !best_kind) ||
          (k == best_kind && t.size() > best_len)) {
        best = &s;
        best_len = t.size();
        best_kind = k;
      }
    }
  }
  if (matched_len != nullptr) *matched_len = best_len;
  return best;
}

}  // namespace tables_internal
}  // namespace budgetdoc
