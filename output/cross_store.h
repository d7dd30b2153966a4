// The cross-document table of the batch database: cross_findings (part of
// the layout, output/store_layout.cc), the results of
// check/cross_document.h over the stored documents, with both documents'
// ids and paths and the evidence. Written through Store::Execute in one
// transaction per scope, in SQLite and PostgreSQL alike (the table locked
// there, so that processes sharing the database write it one at a time).
//
// Incremental: results are kept per scope — the region code the linked
// documents share ("" when unknown) — and an update recomputes only the
// scopes of the documents a batch run wrote (and of the results that cited
// them); every scope the first time.
// Not thread-safe (one store). Tested by tests/cli/batch_cross_test.cc
// (and on PostgreSQL by tests/cli/batch_pg_test.py).
#ifndef BUDGETDOC_OUTPUT_CROSS_STORE_H_
#define BUDGETDOC_OUTPUT_CROSS_STORE_H_

#include "base/result.h"
#include "check/cross_document.h"
#include "output/csv_writer.h"
#include "output/store.h"

#include <functional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace budgetdoc {

// The ok documents of the given scopes (region codes; "" = documents
// without one), a report in several files as its bundle
// (cli/batch_bundles.h) rather than its files, with the facts the
// cross-document checks read: id = doc_id, path, metadata, amounts and the
// 所属单位 count.
Result<std::vector<CrossDocument>> ReadCrossDocuments(
    Store& store, const std::set<std::string>& scopes);

// Replaces the results of `scopes` by `results` (their documents' ids are
// doc_ids of `docs`), in one transaction.
Status WriteCrossFindings(Store& store, const std::set<std::string>& scopes,
                          const std::vector<CrossDocument>& docs,
                          const std::vector<CrossResult>& results);

// After batch run `run_id`: recomputes the scopes its documents touch (all
// scopes the first time: meta 'cross_findings' records that it happened).
// Returns the number of results written.
Result<size_t> UpdateCrossFindings(Store& store, int64_t run_id,
                                   const CheckOptions& options);

// The export of cross_findings (`budgetdoc export --table cross_findings`):
// columns, and the rows ordered by scope, then position. An older database
// without the table exports no rows.
const std::vector<ExportColumn>& CrossFindingColumns();
Status ForEachCrossFindingRow(Store& store,
                              const std::function<Status(const Row&)>& fn);

// Writes the cross_findings export as `budgetdoc export` writes the others
// (options.format, options.bom; options.table is ignored): to `out`, or
// atomically to `path` when it is not empty.
Status WriteCrossExport(Store& store, const ExportOptions& options,
                        std::ostream& out, const std::string& path);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_CROSS_STORE_H_
