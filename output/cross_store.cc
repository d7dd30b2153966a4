// Tested by tests/cli/batch_cross_test.cc.
#include "output/cross_store.h"

#include "output/cross_findings.h"

#include <cstdlib>
#include <map>

namespace budgetdoc {
namespace {

std::string List(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items)
    out += (out.empty() ? "" : ",") + SqlLiteral(s);
  return out;
}

// False in a database of an older layout opened read-only (not migrated).
Result<bool> TableExists(Store& store) {
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      store.Execute(store.dialect() == SqlDialect::kSqlite
                        ? "SELECT count(*) FROM sqlite_master WHERE type = "
                          "'table' AND name = 'cross_findings'"
                        : "SELECT count(*) FROM information_schema.tables "
                          "WHERE table_schema = current_schema() AND "
                          "table_name = 'cross_findings'"));
  return !rows.empty() && rows[0][0] && *rows[0][0] != "0";
}

std::string TextAt(const Row& r, size_t i) {
  return i < r.size() && r[i] ? *r[i] : std::string();
}

int IntCell(const Row& r, size_t i, int fallback) {
  std::string s = TextAt(r, i);
  if (s.empty()) return fallback;
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  return end != nullptr && *end == '\0' ? static_cast<int>(v) : fallback;
}

Measure MeasureOf(std::string_view name) {
  for (Measure m : {Measure::kAmount, Measure::kShare, Measure::kChange,
                    Measure::kRate, Measure::kCompletion, Measure::kCount}) {
    if (MeasureName(m) == name) return m;
  }
  return Measure::kAmount;
}

Origin OriginOf(std::string_view name) {
  for (Origin o : {Origin::kNarrative, Origin::kTable, Origin::kChart}) {
    if (OriginName(o) == name) return o;
  }
  return Origin::kNarrative;
}

}  // namespace

Result<std::vector<CrossDocument>> ReadCrossDocuments(
    Store& store, const std::set<std::string>& scopes) {
  // A report in several files is read as its bundle, not as its files
  // (coalesce: a document without report_id is never a member).
  std::string where =
      "status = 'ok' AND NOT (format != 'bundle' AND coalesce(report_id, "
      "'') IN (SELECT report_id FROM documents WHERE format = 'bundle' AND "
      "status = 'ok'))";
  if (!scopes.empty()) {
    std::set<std::string> codes = scopes;
    bool none = codes.erase("") > 0;
    where += " AND (";
    where += codes.empty() ? "1 = 0" : "region_code IN (" + List(codes) + ")";
    if (none) where += " OR region_code IS NULL OR region_code = ''";
    where += ")";
  }
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      store.Execute("SELECT doc_id, path, entity_name, region_code, "
                    "fiscal_year, kind, scope FROM documents WHERE " +
                    where + " ORDER BY path"));
  std::vector<CrossDocument> docs;
  std::map<std::string, size_t> by_id;
  for (const Row& r : rows) {
    CrossDocument d;
    d.id = TextAt(r, 0);
    d.path = TextAt(r, 1);
    d.meta.entity_name = TextAt(r, 2);
    d.meta.region_code = TextAt(r, 3);
    d.meta.fiscal_year = IntCell(r, 4, 0);
    d.meta.kind = TextAt(r, 5);
    d.meta.scope = TextAt(r, 6);
    by_id[d.id] = docs.size();
    docs.push_back(std::move(d));
  }
  if (docs.empty()) return docs;
  std::set<std::string> ids;
  for (const auto& [id, i] : by_id) ids.insert(id);
  std::string id_list;
  for (const std::string& id : ids)
    id_list += (id_list.empty() ? "" : ",") + id;
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> facts,
      store.Execute(
          "SELECT doc_id, metric, measure, value, printed, printed_unit, year, "
          "basis, fund, code, origin, label, quote, page, on_unreadable_page, "
          "table_index, location FROM facts WHERE doc_id IN (" +
          id_list +
          ") AND (measure = 'amount' OR metric = 'org.affiliated_units') "
          "ORDER BY doc_id, seq"));
  for (const Row& r : facts) {
    auto it = by_id.find(TextAt(r, 0));
    if (it == by_id.end()) continue;
    CrossDocument& d = docs[it->second];
    Result<Decimal> value = Decimal::Parse(TextAt(r, 3));
    if (!value.ok()) continue;
    Fact f;
    f.metric = TextAt(r, 1);
    f.measure = MeasureOf(TextAt(r, 2));
    f.value = *value;
    Result<Decimal> printed = Decimal::Parse(TextAt(r, 4));
    f.printed = printed.ok() ? *printed : *value;
    f.unit = TextAt(r, 5);
    f.year = IntCell(r, 6, 0);
    f.basis = TextAt(r, 7);
    f.fund = TextAt(r, 8);
    f.code = TextAt(r, 9);
    f.origin = OriginOf(TextAt(r, 10));
    f.label = TextAt(r, 11);
    f.quote = TextAt(r, 12);
    f.where.source = d.path;
    f.where.page = IntCell(r, 13, 0);
    f.on_unreadable_page = IntCell(r, 14, 0) != 0;
    f.table = IntCell(r, 15, -1);
    if (Result<Json> loc = Json::Parse(TextAt(r, 16)); loc.ok()) {
      if (const Json* p = loc->Find("page"))
        f.where.page = std::atoi(p->text().c_str());
      if (const Json* t = loc->Find("table"))
        f.where.table = std::atoi(t->text().c_str());
      if (const Json* t = loc->Find("row"))
        f.where.row = std::atoi(t->text().c_str());
      if (const Json* t = loc->Find("column"))
        f.where.column = std::atoi(t->text().c_str());
    }
    d.facts.push_back(std::move(f));
  }
  return docs;
}

Status WriteCrossFindings(Store& store, const std::set<std::string>& scopes,
                          const std::vector<CrossDocument>& docs,
                          const std::vector<CrossResult>& results) {
  std::map<std::string, const CrossDocument*> by_id;
  for (const CrossDocument& d : docs) by_id[d.id] = &d;
  // One writer of the table at a time (processes sharing the database).
  const bool sqlite = store.dialect() == SqlDialect::kSqlite;
  BUDGETDOC_RETURN_IF_ERROR(
      store.Execute(sqlite ? "BEGIN IMMEDIATE" : "BEGIN").status());
  auto body = [&]() -> Status {
    if (!sqlite) {
      BUDGETDOC_RETURN_IF_ERROR(
          store.Execute("LOCK TABLE cross_findings IN EXCLUSIVE MODE")
              .status());
    }
    if (!scopes.empty()) {
      BUDGETDOC_RETURN_IF_ERROR(
          store
              .Execute("DELETE FROM cross_findings WHERE scope IN (" +
                       List(scopes) + ")")
              .status());
    }
    std::map<std::string, int> seq;
    for (const CrossResult& c : results) {
      if (c.documents.empty() || by_id.count(c.documents[0]) == 0) continue;
      const CrossDocument& first = *by_id[c.documents[0]];
      const CrossDocument* second =
          c.documents.size() > 1 && by_id.count(c.documents[1])
              ? by_id[c.documents[1]]
              : nullptr;
      std::string scope =
          scopes.size() == 1 ? *scopes.begin() : first.meta.region_code;
      Json paths = Json::MakeArray();
      for (const std::string& id : c.documents) {
        Json o = Json::MakeObject();
        o.Set("doc_id", Json::Number(id));
        auto it = by_id.find(id);
        o.Set("path", Json::Str(it == by_id.end() ? "" : it->second->path));
        paths.Push(std::move(o));
      }
      Json j = CrossResultToJson(c);
      auto text = [&](const char* key) {
        const Json* v = j.Find(key);
        return v == nullptr || v->is_null() ? std::string("NULL")
                                            : SqlLiteral(v->text());
      };
      std::string evidence = "[]";
      if (const Json* e = j.Find("evidence")) evidence = e->Dump();
      std::string sql =
          "INSERT INTO cross_findings VALUES (" + SqlLiteral(scope) + "," +
          std::to_string(seq[scope]++) + "," + SqlLiteral(c.link) + "," +
          first.id + "," + SqlLiteral(first.path) + "," +
          (second ? second->id : "NULL") + "," +
          (second ? SqlLiteral(second->path) : "NULL") + "," +
          SqlLiteral(paths.Dump()) + "," + SqlLiteral(c.subject) + "," +
          SqlLiteral(c.result.rule) + "," + text("outcome") + "," +
          text("severity") + "," + text("message") + "," + text("printed") +
          "," + text("expected") + "," + text("difference") + "," +
          text("tolerance") + "," + text("reason") + "," +
          SqlLiteral(evidence) + ")";
      BUDGETDOC_RETURN_IF_ERROR(store.Execute(sql).status());
    }
    return Status::Ok();
  };
  Status s = body();
  if (!s.ok()) {
    (void)store.Execute("ROLLBACK");
    return s;
  }
  return store.Execute("COMMIT").status();
}

Result<size_t> UpdateCrossFindings(Store& store, int64_t run_id,
                                   const CheckOptions& options) {
  // meta 'cross_findings' = 'complete': every scope has been computed once
  // (not yet in a new database or one migrated from layout 2).
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> done,
      store.Execute("SELECT count(*) FROM meta WHERE key = 'cross_findings'"));
  const bool existed = !done.empty() && TextAt(done[0], 0) != "0";
  const std::string run = std::to_string(run_id);
  // A new table: every scope; else those of this run's documents and of the
  // results that cited them.
  std::string sql =
      existed ? "SELECT DISTINCT coalesce(region_code, '') FROM documents "
                "WHERE run_id = " +
                    run +
                    " UNION SELECT DISTINCT scope FROM cross_findings WHERE "
                    "path IN (SELECT path FROM documents WHERE run_id = " +
                    run +
                    ") OR other_path IN (SELECT path FROM documents WHERE "
                    "run_id = " +
                    run + ")"
              : "SELECT DISTINCT coalesce(region_code, '') FROM documents "
                "WHERE status = 'ok'";
  BUDGETDOC_ASSIGN_OR_RETURN(std::vector<Row> rows, store.Execute(sql));
  size_t written = 0;
  // One scope at a time: links never leave a region, and a crawl's facts
  // need not fit in memory at once.
  for (const Row& r : rows) {
    std::set<std::string> scope = {TextAt(r, 0)};
    BUDGETDOC_ASSIGN_OR_RETURN(std::vector<CrossDocument> docs,
                               ReadCrossDocuments(store, scope));
    std::vector<CrossResult> results = RunCrossChecks(docs, options);
    BUDGETDOC_RETURN_IF_ERROR(WriteCrossFindings(store, scope, docs, results));
    written += results.size();
  }
  if (!existed) {
    BUDGETDOC_RETURN_IF_ERROR(
        store
            .Execute("INSERT INTO meta(key, value) VALUES "
                     "('cross_findings', 'complete') ON CONFLICT (key) DO "
                     "NOTHING")
            .status());
  }
  return written;
}

const std::vector<ExportColumn>& CrossFindingColumns() {
  static const std::vector<ExportColumn>* columns = new std::vector<
      ExportColumn>{
      {"scope", ColumnKind::kCode},      {"seq", ColumnKind::kInteger},
      {"link", ColumnKind::kText},       {"doc_id", ColumnKind::kInteger},
      {"path", ColumnKind::kText},       {"other_doc_id", ColumnKind::kInteger},
      {"other_path", ColumnKind::kText}, {"documents", ColumnKind::kJson},
      {"subject", ColumnKind::kText},    {"rule", ColumnKind::kText},
      {"outcome", ColumnKind::kText},    {"severity", ColumnKind::kText},
      {"message", ColumnKind::kText},    {"printed", ColumnKind::kText},
      {"expected", ColumnKind::kText},   {"difference", ColumnKind::kText},
      {"tolerance", ColumnKind::kText},  {"reason", ColumnKind::kText},
      {"evidence", ColumnKind::kJson},
  };
  return *columns;
}

Status ForEachCrossFindingRow(Store& store,
                              const std::function<Status(const Row&)>& fn) {
  BUDGETDOC_ASSIGN_OR_RETURN(bool exists, TableExists(store));
  if (!exists) return Status::Ok();
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      store.Execute("SELECT * FROM cross_findings ORDER BY scope, seq"));
  for (const Row& r : rows) BUDGETDOC_RETURN_IF_ERROR(fn(r));
  return Status::Ok();
}

Status WriteCrossExport(Store& store, const ExportOptions& options,
                        std::ostream& out, const std::string& path) {
  auto write = [&](std::ostream& to) {
    return WriteExportRows(
        CrossFindingColumns(), options,
        [&](const RowFn& fn) { return ForEachCrossFindingRow(store, fn); }, to);
  };
  return path.empty() ? write(out) : WriteFileAtomically(path, write);
}

}  // namespace budgetdoc
