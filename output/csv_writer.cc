#include "output/csv_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace budgetdoc {
namespace {

// A valid JSON number literal: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

constexpr size_t kFlushBytes = size_t{1} << 20;

}  // namespace

void AppendCsvField(std::string_view field, std::string* out, bool quote) {
  if (!quote && field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

bool CsvFieldLooksLikeFormula(std::string_view field) {
  if (field.empty()) return false;
  switch (field[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

std::string NeutralizeCsvFormula(std::string_view field) {
  if (!CsvFieldLooksLikeFormula(field)) return std::string(field);
  return "'" + std::string(field);
}

void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->append("\r\n");
}

void AppendCsvRecord(const Row& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    if (fields[i]) AppendCsvField(*fields[i], out);
  }
  out->append("\r\n");
}

void AppendCsvRecord(const std::vector<ExportColumn>& columns, const Row& row,
                     std::string* out, bool raw) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out->push_back(',');
    if (!row[i]) continue;
    bool code = i < columns.size() && columns[i].kind == ColumnKind::kCode;
    // Codes are text too: a report_id or region from a manifest is free text.
    bool text = code || i >= columns.size() ||
                columns[i].kind == ColumnKind::kText ||
                columns[i].kind == ColumnKind::kJson;
    if (text && !raw && CsvFieldLooksLikeFormula(*row[i])) {
      AppendCsvField(NeutralizeCsvFormula(*row[i]), out, code);
    } else {
      AppendCsvField(*row[i], out, code);
    }
  }
  out->append("\r\n");
}

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    text.remove_prefix(kUtf8Bom.size());
  }
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  size_t line = 1, i = 0;
  bool blank = true;  // the record so far is one empty unquoted field
  auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    if (!blank) records.push_back(std::move(record));
    record.clear();
    blank = true;
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && field.empty()) {
      size_t start_line = line;
      blank = false;
      ++i;
      for (;;) {
        if (i >= text.size()) {
          return Status::Corrupt("csv: line " + std::to_string(start_line) +
                                 ": quoted field is never closed");
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i++]);
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' &&
          text[i] != '\r') {
        return Status::Corrupt("csv: line " + std::to_string(line) +
                               ": text after a closing quote");
      }
      continue;
    }
    if (c == ',') {
      blank = false;
      record.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      end_record();
    } else {
      blank = false;
      field.push_back(c);
      ++i;
    }
  }
  if (!blank || !record.empty()) end_record();
  return records;
}

Json RowToJson(const std::vector<ExportColumn>& columns, const Row& row) {
  Json j = Json::MakeObject();
  for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
    const std::optional<std::string>& v = row[i];
    Json value;
    if (v) {
      switch (columns[i].kind) {
        case ColumnKind::kInteger:
        case ColumnKind::kDecimal:
        case ColumnKind::kReal:
          value = IsJsonNumber(*v) ? Json::Number(*v) : Json::Str(*v);
          break;
        case ColumnKind::kJson: {
          Result<Json> parsed = Json::Parse(*v);
          value = parsed.ok() ? std::move(parsed).value() : Json::Str(*v);
          break;
        }
        case ColumnKind::kText:
        case ColumnKind::kCode:
          value = Json::Str(*v);
          break;
      }
    }
    j.Set(columns[i].name, std::move(value));
  }
  return j;
}

Status WriteExportRows(const std::vector<ExportColumn>& columns,
                       const ExportOptions& options,
                       const std::function<Status(const RowFn&)>& for_each,
                       std::ostream& out) {
  std::string buf;
  if (options.format == ExportFormat::kCsv) {
    if (options.bom) buf.append(kUtf8Bom);
    std::vector<std::string> header;
    for (const ExportColumn& c : columns) header.push_back(c.name);
    AppendCsvRecord(header, &buf);
  }
  auto flush = [&]() -> Status {
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
    if (!out) return Status::IoError("export: write failed");
    return Status::Ok();
  };
  BUDGETDOC_RETURN_IF_ERROR(for_each([&](const Row& row) -> Status {
    if (options.format == ExportFormat::kCsv) {
      AppendCsvRecord(columns, row, &buf, options.raw);
    } else {
      buf += RowToJson(columns, row).Dump();
      buf.push_back('\n');
    }
    return buf.size() >= kFlushBytes ? flush() : Status::Ok();
  }));
  BUDGETDOC_RETURN_IF_ERROR(flush());
  out.flush();
  if (!out) return Status::IoError("export: write failed");
  return Status::Ok();
}

Status WriteFileAtomically(
    const std::string& path,
    const std::function<Status(std::ostream& out)>& write) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IoError(tmp + ": " + std::strerror(errno));
    Status s = write(f);
    f.close();
    if (s.ok() && !f) s = Status::IoError(tmp + ": write failed");
    if (!s.ok()) {
      std::remove(tmp.c_str());
      return s.WithContext(path);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = Status::IoError(path + ": " + std::strerror(errno));
    std::remove(tmp.c_str());
    return s;
  }
  return Status::Ok();
}

Status WriteExport(Store& store, const ExportOptions& options,
                   std::ostream& out) {
  return WriteExportRows(
      ExportColumns(options.table), options,
      [&](const RowFn& fn) {
        return store.ForEachExportRow(options.table, fn);
      },
      out);
}

Status WriteExportFile(Store& store, const ExportOptions& options,
                       const std::string& path) {
  return WriteFileAtomically(path, [&](std::ostream& out) {
    return WriteExport(store, options, out);
  });
}

}  // namespace budgetdoc
