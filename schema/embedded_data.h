// Data files of schema/data/ (*.csv, *.tsv) compiled into the binary, so the
// tool needs no install path. The build generates one source holding every
// file as a string constant (schema/embed_data.cmake, run from
// schema/CMakeLists.txt; line endings normalized to LF); a new data file is
// picked up by the next build. The contents live in static storage for the
// life of the program and never change: returned views stay valid forever.
// Thread-safe.
//
// ReadDataTable() parses the simple tabular format our data files share:
// '#' comment lines and blank lines are skipped, the first remaining line is
// the header, fields are separated by one character (',' or '\t'), and a
// field may be double-quoted ("" inside quotes is a quote).
// Tested by tests/schema/embedded_data_test.cc.
#ifndef BUDGETDOC_SCHEMA_EMBEDDED_DATA_H_
#define BUDGETDOC_SCHEMA_EMBEDDED_DATA_H_

#include "base/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// Contents of schema/data/<file_name>, or "" when there is no such file.
std::string_view EmbeddedData(std::string_view file_name);

// Names of every embedded file, sorted.
std::vector<std::string_view> EmbeddedDataFiles();

struct DataTable {
  std::string file;                            // file name, for messages
  std::vector<std::string> header;             // column names
  std::vector<std::vector<std::string>> rows;  // each padded to header size
  std::vector<int> lines;                      // 1-based source line per row

  // Index of a column, or -1.
  int Column(std::string_view name) const;
};

// Parses `text` (named `file` in messages). Fails when there is no header,
// a row has more fields than the header, or a quote is not closed.
Result<DataTable> ParseDataTable(std::string_view file, std::string_view text,
                                 char separator);

// ParseDataTable(EmbeddedData(file_name)); NotFound when the file is absent.
Result<DataTable> ReadDataTable(std::string_view file_name, char separator);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_EMBEDDED_DATA_H_
