// Reports in several files in a batch (issue 15): after the per-file pass,
// the files of one report are analyzed again together (cli/pipeline.h,
// AnalyzeFiles; schema/bundle.h) and stored as one more document.
//
// The files of one report are
//  - the ok documents sharing a manifest `report_id` (two or more), or
//  - automatically, two ok documents of the same body (schema/body_names.h),
//    fiscal year, kind and scope without a report_id, of which one has no
//    table facts (the narrative) and the other has table facts (the tables).
// The bundle's documents row has the member paths joined by " + " (narrative
// first) as its path, format "bundle", the members' report_id (for an
// automatic pair, "auto:" + body key + year + kind, also set on the members),
// and sha256 the hash of the members' hashes; it is no run input (no
// run_inputs row, not counted in the run). A bundle is analyzed again
// when a member was written by the run or when it has no row yet. It is
// analyzed in the batch process itself: its members have already been read
// by workers without crashing. The cross-document checks read a bundle
// instead of its members. A stored bundle whose files no longer form a group
// is marked failed (error_kind "bundle"), so its files are read again.
// Processes sharing a PostgreSQL database run this pass one at a time.
// Tested by tests/cli/batch_cross_test.cc.
#ifndef BUDGETDOC_CLI_BATCH_BUNDLES_H_
#define BUDGETDOC_CLI_BATCH_BUNDLES_H_

#include "base/result.h"
#include "cli/pipeline.h"
#include "output/store.h"

#include <string>
#include <vector>

namespace budgetdoc {

// Which files a batch reads as one report.
enum class BundleMode {
  kAuto,      // manifest report_id groups and automatic pairs
  kManifest,  // manifest report_id groups only
  kNone,      // every file alone
};

struct BundleGroup {
  std::string report_id;
  std::vector<std::string> paths;  // narrative first
  bool automatic = false;
};

// The groups of the store's ok documents, each with at least two paths;
// automatic pairs only with BundleMode::kAuto, none with kNone.
Result<std::vector<BundleGroup>> FindBundles(Store& store, BundleMode mode);

struct BundleRunOptions {
  BundleMode mode = BundleMode::kAuto;
  int64_t run_id = 0;
  std::string tool_version;
  std::string processed_at;  // ISO 8601 UTC
  PipelineOptions pipeline;
};

// Analyzes and stores the groups that need it (see the file comment); a
// stored bundle that is no group of `mode` is set aside. Returns the number
// of bundles written.
Result<size_t> UpdateBundles(Store& store, const BundleRunOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_BATCH_BUNDLES_H_
