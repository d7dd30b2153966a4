#include "schema/embedded_data.h"

#include <cstddef>

namespace budgetdoc {

// Defined in the generated embedded_data_gen.cc (schema/embed_data.cmake).
namespace embedded_data_internal {
extern const size_t kFileCount;
extern const std::string_view kNames[];
extern const std::string_view kContents[];
}  // namespace embedded_data_internal

namespace {

namespace gen = embedded_data_internal;

// Splits one line into fields; false when a quote is left open.
bool SplitFields(std::string_view line, char separator,
                 std::vector<std::string>* fields) {
  fields->clear();
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == separator) {
      fields->push_back(std::move(field));
      field.clear();
    } else {
      field.push_back(c);
    }
  }
  fields->push_back(std::move(field));
  return !quoted;
}

}  // namespace

std::string_view EmbeddedData(std::string_view file_name) {
  for (size_t i = 0; i < gen::kFileCount; ++i) {
    if (gen::kNames[i] == file_name) return gen::kContents[i];
  }
  return std::string_view();
}

std::vector<std::string_view> EmbeddedDataFiles() {
  return std::vector<std::string_view>(gen::kNames,
                                       gen::kNames + gen::kFileCount);
}

int DataTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<DataTable> ParseDataTable(std::string_view file, std::string_view text,
                                 char separator) {
  DataTable table;
  table.file = std::string(file);
  std::vector<std::string> fields;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string where = std::string(file) + ": line " + std::to_string(line_no);
    if (!SplitFields(line, separator, &fields)) {
      return Status::Corrupt(where + ": unclosed quote");
    }
    if (table.header.empty()) {
      table.header = fields;
      continue;
    }
    if (fields.size() > table.header.size()) {
      return Status::Corrupt(where + ": " + std::to_string(fields.size()) +
                             " fields, header has " +
                             std::to_string(table.header.size()));
    }
    fields.resize(table.header.size());
    table.rows.push_back(fields);
    table.lines.push_back(line_no);
  }
  if (table.header.empty()) {
    return Status::Corrupt(std::string(file) + ": no header line");
  }
  return table;
}

Result<DataTable> ReadDataTable(std::string_view file_name, char separator) {
  std::string_view text = EmbeddedData(file_name);
  if (text.empty()) {
    return Status::NotFound("schema/data/" + std::string(file_name) +
                            " is not embedded");
  }
  return ParseDataTable(file_name, text, separator);
}

}  // namespace budgetdoc
