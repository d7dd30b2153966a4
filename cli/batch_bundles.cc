// Tested by tests/cli/batch_cross_test.cc.
#include "cli/batch_bundles.h"

#include "check/cross_document.h"
#include "cli/sha256.h"
#include "cli/worker.h"
#include "schema/version.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

namespace budgetdoc {
namespace {

std::string TextAt(const Row& r, size_t i) {
  return i < r.size() && r[i] ? *r[i] : std::string();
}

long LongAt(const Row& r, size_t i) {
  return std::strtol(TextAt(r, i).c_str(), nullptr, 10);
}

struct Member {
  std::string path, report_id, sha256, format, key;
  int64_t size = 0;
  long table_facts = 0;
  std::string run_id;
};

std::string JoinPaths(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "" : " + ") + p;
  return out;
}

Result<std::vector<Member>> ReadMembers(Store& store) {
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      store.Execute(
          "SELECT d.path, coalesce(d.report_id, ''), d.sha256, d.format, "
          "d.size, d.run_id, d.entity_name, d.region_code, d.fiscal_year, "
          "d.kind, d.scope, (SELECT count(*) FROM facts f WHERE f.doc_id = "
          "d.doc_id AND f.origin = 'table') FROM documents d WHERE d.status = "
          "'ok' AND d.format != 'bundle' ORDER BY d.path"));
  std::vector<Member> out;
  for (const Row& r : rows) {
    Member m;
    m.path = TextAt(r, 0);
    m.report_id = TextAt(r, 1);
    m.sha256 = TextAt(r, 2);
    m.format = TextAt(r, 3);
    m.size = LongAt(r, 4);
    m.run_id = TextAt(r, 5);
    CrossDocument d;
    d.meta.entity_name = TextAt(r, 6);
    d.meta.region_code = TextAt(r, 7);
    d.meta.fiscal_year = static_cast<int>(LongAt(r, 8));
    d.meta.kind = TextAt(r, 9);
    d.meta.scope = TextAt(r, 10);
    std::string body = BodyKeyOf(d);
    if (!body.empty() && d.meta.fiscal_year > 0 && !d.meta.kind.empty()) {
      m.key = body + "|" + std::to_string(d.meta.fiscal_year) + "|" +
              d.meta.kind + "|" + d.meta.scope;
    }
    m.table_facts = LongAt(r, 11);
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<BundleGroup> GroupsOf(const std::vector<Member>& members,
                                  BundleMode mode) {
  if (mode == BundleMode::kNone) return {};
  std::map<std::string, std::vector<const Member*>> by_id, by_key;
  for (const Member& m : members) {
    if (!m.report_id.empty() && m.report_id.rfind("auto:", 0) != 0) {
      by_id[m.report_id].push_back(&m);
    } else if (!m.key.empty() && mode == BundleMode::kAuto) {
      by_key[m.key].push_back(&m);
    }
  }
  auto narrative_first = [](std::vector<const Member*> ms) {
    std::stable_sort(ms.begin(), ms.end(),
                     [](const Member* a, const Member* b) {
                       return a->table_facts < b->table_facts;
                     });
    std::vector<std::string> paths;
    for (const Member* m : ms) paths.push_back(m->path);
    return paths;
  };
  std::vector<BundleGroup> out;
  for (const auto& [id, ms] : by_id) {
    if (ms.size() >= 2) out.push_back({id, narrative_first(ms), false});
  }
  for (const auto& [key, ms] : by_key) {
    if (ms.size() != 2) continue;
    bool text0 = ms[0]->table_facts == 0, text1 = ms[1]->table_facts == 0;
    if (text0 == text1) continue;  // two of a kind: not halves of one report
    out.push_back({"auto:" + key, narrative_first(ms), true});
  }
  return out;
}

// pg_advisory_lock key of the bundle pass ("BDBUNDLE" as ASCII).
constexpr int64_t kBundleLockKey = 0x424442554E444C45;

Result<size_t> UpdateBundlesLocked(Store& store,
                                   const BundleRunOptions& options);

}  // namespace

Result<std::vector<BundleGroup>> FindBundles(Store& store, BundleMode mode) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::vector<Member> members, ReadMembers(store));
  return GroupsOf(members, mode);
}

Result<size_t> UpdateBundles(Store& store, const BundleRunOptions& options) {
  if (store.dialect() == SqlDialect::kSqlite) {
    return UpdateBundlesLocked(store, options);
  }
  // Processes sharing a PostgreSQL database write bundles one at a time (a
  // bundle has no claim): a session lock, released when the process dies.
  const std::string key = std::to_string(kBundleLockKey);
  BUDGETDOC_RETURN_IF_ERROR(
      store.Execute("SELECT pg_advisory_lock(" + key + ")").status());
  Result<size_t> written = UpdateBundlesLocked(store, options);
  Status unlocked =
      store.Execute("SELECT pg_advisory_unlock(" + key + ")").status();
  if (written.ok() && !unlocked.ok()) return unlocked;
  return written;
}

namespace {

Result<size_t> UpdateBundlesLocked(Store& store,
                                   const BundleRunOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::vector<Member> members, ReadMembers(store));
  const std::vector<BundleGroup> groups = GroupsOf(members, options.mode);
  std::map<std::string, const Member*> by_path;
  for (const Member& m : members) by_path[m.path] = &m;
  const std::string run = std::to_string(options.run_id);
  size_t written = 0;
  std::string current;  // the bundle paths of today's groups, quoted
  for (const BundleGroup& g : groups) {
    const std::string path = JoinPaths(g.paths);
    current += (current.empty() ? "" : ",") + SqlLiteral(path);
    std::string hashes;
    int64_t size = 0;
    bool touched = false;
    for (const std::string& p : g.paths) {
      const Member& m = *by_path[p];
      hashes += m.sha256;
      size += m.size;
      touched |= m.run_id == run;
    }
    const std::string sha = Sha256Hex(hashes);
    BUDGETDOC_ASSIGN_OR_RETURN(std::optional<StoredDocument> stored,
                               store.Find(path));
    if (stored && stored->sha256 == sha &&
        stored->tool_version == options.tool_version && !touched) {
      continue;
    }
    if (g.automatic) {
      std::string in;
      for (const std::string& p : g.paths)
        in += (in.empty() ? "" : ",") + SqlLiteral(p);
      BUDGETDOC_RETURN_IF_ERROR(
          store
              .Execute("UPDATE documents SET report_id = " +
                       SqlLiteral(g.report_id) + " WHERE path IN (" + in + ")")
              .status());
    }
    DocumentRecord rec;
    rec.path = path;
    rec.sha256 = sha;
    rec.size = size;
    rec.format = "bundle";
    rec.tool_version = options.tool_version;
    rec.schema_version = kSchemaVersion;
    rec.processed_at = options.processed_at;
    rec.source.report_id = g.report_id;
    Result<Analysis> a = AnalyzeFiles(g.paths, options.pipeline);
    if (a.ok()) {
      rec.ok = true;
      rec.rows = StoreRowsOf(*a);
    } else {
      rec.error = a.status().message();
      rec.error_kind = "bundle";
    }
    BUDGETDOC_RETURN_IF_ERROR(
        store.WriteDocument(options.run_id, rec).status());
    // A bundle is no input of the run and no worker's attempt: run_inputs
    // and attempts list those only.
    for (const char* table : {"run_inputs", "attempts"}) {
      BUDGETDOC_RETURN_IF_ERROR(store
                                    .Execute(std::string("DELETE FROM ") +
                                             table + " WHERE run_id = " + run +
                                             " AND path = " + SqlLiteral(path))
                                    .status());
    }
    ++written;
  }
  // A bundle whose files no longer form one report is read as its files.
  BUDGETDOC_RETURN_IF_ERROR(
      store
          .Execute("UPDATE documents SET status = 'failed', sha256 = NULL, "
                   "error_kind = "
                   "'bundle', error = 'its files no longer form one report' "
                   "WHERE format = 'bundle' AND status = 'ok'" +
                   (current.empty() ? std::string()
                                    : " AND path NOT IN (" + current + ")"))
          .status());
  return written;
}

}  // namespace

}  // namespace budgetdoc
