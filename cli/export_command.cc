// `budgetdoc export`: long-format rows out of a batch database, as CSV for
// Excel, pandas and R, or JSON Lines. Tested by tests/cli/batch_test.cc.
#include "cli/command.h"
#include "output/cross_store.h"
#include "output/csv_writer.h"
#include "output/store.h"

#include <unistd.h>

namespace budgetdoc {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "db",
     .value = "FILE|URL",
     .default_value = "budgetdoc.sqlite",
     .help = "the database a batch run wrote: a SQLite file or a "
             "postgresql:// URL"},
    {.name = "format",
     .value = "FORMAT",
     .choices = "csv|jsonl",
     .default_value = "csv",
     .help = "CSV (RFC 4180, UTF-8, CRLF) or JSON Lines"},
    {.name = "table",
     .value = "TABLE",
     .choices = "facts|findings|documents|cross_findings",
     .default_value = "facts",
     .help = "which rows: one per fact, per rule application, per "
             "document, or per application of a rule across documents "
             "(with both documents' ids and evidence)"},
    {.name = "out",
     .value = "FILE",
     .help = "write to FILE (atomically) instead of standard output"},
    {.name = "no-bom",
     .help = "CSV without the UTF-8 byte order mark that otherwise starts "
             "it (Excel needs the mark to read UTF-8; Unix tools may not "
             "want it)"},
    {.name = "bom",
     .help = "accepted for old scripts: the mark is written by default"},
    {.name = "raw",
     .help = "CSV text fields verbatim: without it, a text field that starts "
             "with = + - @ TAB or CR gets a leading ' so that a spreadsheet "
             "shows it as text, not a formula (numbers are never changed)"},
};

int Run(const ParsedArgs& args, const CliEnv& env) {
  std::string db = args.Get("db");
  ExportOptions options;
  options.format =
      args.Get("format") == "csv" ? ExportFormat::kCsv : ExportFormat::kJsonl;
  const bool cross = args.Get("table") == "cross_findings";
  if (!cross && !ParseExportTable(args.Get("table"), &options.table)) {
    return UsageError(
        kExportCommand, env,
        "--table must be facts, findings, documents or cross_findings");
  }
  options.bom = !args.Has("no-bom");
  options.raw = args.Has("raw");
  if (!IsPostgresUrl(db) && ::access(db.c_str(), F_OK) != 0) {
    return InputError(
        env,
        db + ": no such database (run budgetdoc batch --db " + db + " first)");
  }
  StoreOptions store_options;
  store_options.read_only = true;
  Result<std::unique_ptr<Store>> store = OpenStore(db, store_options);
  if (!store.ok()) return InputError(env, store.status().message());
  std::string out_path = args.Get("out");
  Status s = cross ? WriteCrossExport(**store, options, *env.out, out_path)
             : out_path.empty() ? WriteExport(**store, options, *env.out)
                                : WriteExportFile(**store, options, out_path);
  if (!s.ok()) return InputError(env, s.message());
  return 0;
}

}  // namespace

extern const Command kExportCommand = {
    .name = "export",
    .operands = "",
    .summary =
        "long-format rows (facts, findings, documents, cross_findings) "
        "from a batch database as CSV or JSON Lines",
    .description =
        "Writes the rows of a batch database in a deterministic order (path, "
        "then position in the document). CSV starts with a UTF-8 byte order "
        "mark so that Excel reads the Chinese text; --no-bom drops it. Codes "
        "(region_code, code, report_id) are always quoted and are text: "
        "read them as strings to keep their leading zeros, and years as "
        "integers (docs/output_schema.md has pandas and R examples). Text "
        "taken from documents that a spreadsheet would run as a formula "
        "(=, +, -, @ first) is written with a leading apostrophe unless "
        "--raw.\n\n"
        "  budgetdoc export --db reports.sqlite --out facts.csv\n"
        "  budgetdoc export --db reports.sqlite --table findings --format "
        "jsonl\n"
        "  budgetdoc export --db postgresql://budgetdoc@dbhost/crawl --out "
        "facts.csv",
    .options = kOptions,
    .run = Run,
};

}  // namespace budgetdoc
