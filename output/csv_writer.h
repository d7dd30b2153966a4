// Tabular text: CSV (RFC 4180) that Excel opens correctly, JSON Lines, and
// the `budgetdoc export` writer that streams a Store export in either.
//
// CSV: fields containing a comma, a double quote, CR or LF are quoted and
// inner quotes doubled; records end with CRLF; text stays UTF-8 (CJK as
// is); a UTF-8 byte order mark (ExportOptions::bom, on by default) makes
// Excel detect the encoding; code columns are always quoted (they are text).
// SQL NULL is an empty field. ParseCsv is the inverse (the batch manifest
// reader uses it).
// Formula injection (OWASP "CSV Injection"): text taken from documents
// (entity names, labels, quotes, messages) may start with a character a
// spreadsheet reads as the start of a formula. In the export's text and
// JSON columns (and code columns: a manifest's report_id or region is free
// text) a field that starts with =, +, -, @, TAB or CR is written
// with a leading apostrophe ('=SUM(A1)), which spreadsheets show as text;
// numeric columns (integer, decimal, real) are never changed, so -12.5
// stays a number. ExportOptions::raw turns this off for programs that read
// the CSV as data.
// JSON Lines: one object per row with sorted keys; integers and exact
// decimals are JSON numbers (the literal as stored, never via double), JSON
// columns are embedded, NULL is null.
// Pure functions except WriteExport*; thread-compatible.
// Tested by tests/output/csv_writer_test.cc.
#ifndef BUDGETDOC_OUTPUT_CSV_WRITER_H_
#define BUDGETDOC_OUTPUT_CSV_WRITER_H_

#include "base/json.h"
#include "base/result.h"
#include "output/store.h"

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Appends one field, quoted when needed or when `quote`.
void AppendCsvField(std::string_view field, std::string* out,
                    bool quote = false);
// True when a spreadsheet would read the field as a formula (it starts with
// =, +, -, @, TAB or CR).
bool CsvFieldLooksLikeFormula(std::string_view field);
// The field with an apostrophe in front when it looks like a formula.
std::string NeutralizeCsvFormula(std::string_view field);
// Appends one record (fields separated by commas, CRLF at the end).
void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out);
void AppendCsvRecord(const Row& fields, std::string* out);
// The same for an export row: kCode values are always quoted ("0201"), a
// sign to readers that they are text. Unless `raw`, text, code and JSON values
// that look like a formula get an apostrophe in front (NeutralizeCsvFormula).
void AppendCsvRecord(const std::vector<ExportColumn>& columns, const Row& row,
                     std::string* out, bool raw = false);

// Parses CSV text (RFC 4180; LF or CRLF line ends; a leading UTF-8 BOM is
// dropped; blank lines are skipped). Fails on a quote that is never closed
// or text after a closing quote, naming the line.
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text);

// One export row as a JSON object keyed by column name.
Json RowToJson(const std::vector<ExportColumn>& columns, const Row& row);

enum class ExportFormat { kCsv, kJsonl };

struct ExportOptions {
  ExportTable table = ExportTable::kFacts;  // which rows
  ExportFormat format = ExportFormat::kCsv;
  // CSV only: start with a UTF-8 byte order mark (Excel needs it to read
  // UTF-8; `budgetdoc export --no-bom` turns it off).
  bool bom = true;
  // CSV only: write text fields verbatim, without the apostrophe in front
  // of formula-like fields (see above). For programs, not spreadsheets;
  // `budgetdoc export --raw`.
  bool raw = false;
};

// Called with each row of an export in turn; a non-OK Status stops it.
using RowFn = std::function<Status(const Row&)>;

// Writes rows of `columns` in options.format (CSV: the byte order mark when
// options.bom, a header record, one record per row; JSONL: one object per
// line), the rows as for_each passes them to its RowFn, in that order.
Status WriteExportRows(const std::vector<ExportColumn>& columns,
                       const ExportOptions& options,
                       const std::function<Status(const RowFn&)>& for_each,
                       std::ostream& out);

// Writes `path` through write(stream) atomically: into path + ".tmp",
// renamed at the end; the temporary file is removed when anything fails.
Status WriteFileAtomically(
    const std::string& path,
    const std::function<Status(std::ostream& out)>& write);

// Writes the whole export (CSV: a header record, then one record per row;
// JSONL: one line per row) in the store's deterministic order.
Status WriteExport(Store& store, const ExportOptions& options,
                   std::ostream& out);
// The same into `path`, atomically: a temporary file renamed at the end.
Status WriteExportFile(Store& store, const ExportOptions& options,
                       const std::string& path);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_CSV_WRITER_H_
