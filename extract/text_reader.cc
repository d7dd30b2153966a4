// Plain-text reports: charset detection and conversion, removal of Word
// conversion artifacts, one block per line, chart placeholders as captions,
// chart data runs ("title （单位：万元）" + a tab-separated line) as charts,
// and tab-separated runs as tables.
// Tested by tests/extract/text_reader_test.cc.
#include "base/utf8.h"
#include "extract/readers.h"
#include "extract/text_cleanup.h"
#include "normalize/unicode.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

struct Decoded {
  std::string text;
  std::string encoding;
  size_t invalid = 0;        // byte sequences replaced with U+FFFD
  size_t first_invalid = 0;  // byte offset (in the file) of the first
};

// At most this share of a file may be undecodable for it to be read with
// replacement characters (a cut character, a stray byte); more means the
// encoding is not the one tried.
constexpr size_t kMaxInvalidPerMille = 10;

bool MostlyDecodes(size_t invalid, size_t size) {
  return invalid * 1000 <= size * kMaxInvalidPerMille;
}

// UTF-8 with every invalid byte replaced by U+FFFD.
Decoded LenientUtf8(std::string_view bytes, size_t base) {
  Decoded d;
  d.text.reserve(bytes.size());
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(bytes, &pos);
    if (c == kReplacementChar && pos == start + 1) {
      if (d.invalid++ == 0) d.first_invalid = base + start;
      AppendUtf8(kReplacementChar, &d.text);
    } else {
      d.text.append(bytes.substr(start, pos - start));
    }
  }
  d.encoding = "UTF-8";
  return d;
}

Result<Decoded> Decode(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    Decoded d = LenientUtf8(bytes.substr(3), 3);
    if (!MostlyDecodes(d.invalid, bytes.size())) {
      return Status::Corrupt(
          "starts with a UTF-8 byte order mark but is not valid UTF-8 (" +
          std::to_string(d.invalid) + " invalid bytes, the first at byte " +
          std::to_string(d.first_invalid) + ")");
    }
    d.encoding = "UTF-8 (BOM)";
    return d;
  }
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    const char* charset = le ? "UTF-16LE" : "UTF-16BE";
    BUDGETDOC_ASSIGN_OR_RETURN(LenientText t,
                               ConvertToUtf8Lenient(bytes.substr(2), charset));
    if (!MostlyDecodes(t.invalid, bytes.size())) {
      return Status::Corrupt(std::string("starts with a ") + charset +
                             " byte order mark but is not valid " + charset);
    }
    return Decoded{std::move(t.text), charset, t.invalid, t.first_invalid + 2};
  }
  if (IsValidUtf8(bytes)) return Decoded{std::string(bytes), "UTF-8"};
  // Mostly UTF-8: a cut character or a stray byte is replaced, not fatal.
  Decoded utf8 = LenientUtf8(bytes, 0);
  if (MostlyDecodes(utf8.invalid, bytes.size())) return utf8;
  // Chinese legacy encodings: whole, then mostly.
  Result<std::string> gb = ConvertToUtf8(bytes, "GB18030");
  if (gb.ok()) return Decoded{std::move(gb).value(), "GB18030"};
  Result<std::string> big5 = ConvertToUtf8(bytes, "Big5");
  if (big5.ok()) return Decoded{std::move(big5).value(), "Big5"};
  Result<LenientText> gb_lenient = ConvertToUtf8Lenient(bytes, "GB18030");
  if (gb_lenient.ok() && MostlyDecodes(gb_lenient->invalid, bytes.size())) {
    return Decoded{std::move(gb_lenient->text), "GB18030", gb_lenient->invalid,
                   gb_lenient->first_invalid};
  }
  std::string gb_detail = gb_lenient.ok()
                              ? std::to_string(gb_lenient->invalid) +
                                    " invalid sequences, the first at byte " +
                                    std::to_string(gb_lenient->first_invalid)
                              : gb.status().message();
  return Status::Corrupt("text is neither valid UTF-8 (" +
                         std::to_string(utf8.invalid) +
                         " invalid bytes, the first at byte " +
                         std::to_string(utf8.first_invalid) +
                         ") nor GB18030/GBK (" + gb_detail + ") nor Big5");
}

// Rejects decoded text that is mostly control characters or replacement
// characters: binary data that happened to decode.
Status CheckLooksLikeText(std::string_view text) {
  size_t total = 0, bad = 0, pos = 0;
  while (pos < text.size()) {
    char32_t c = DecodeUtf8(text, &pos);
    ++total;
    if (c == kReplacementChar ||
        (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
      ++bad;
    }
  }
  if (total > 0 && bad * 10 > total) {
    return Status::Corrupt("does not look like text: " + std::to_string(bad) +
                           " of " + std::to_string(total) +
                           " characters are control or undecodable");
  }
  return Status::Ok();
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string_view line = text.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.push_back(line);
      start = i + 1;
    }
  }
  return lines;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      cells.push_back(TrimSpaces(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

bool IsNumberToken(std::string_view s) {
  return ClassifyCellText(s) == CellState::kNumber ||
         ClassifyCellText(s) == CellState::kZero;
}

// "收入	支出	收入	支出	2022年	2023年	1924.37	…": labels then
// values. Returns false when the line is not chart data.
bool ParseChartData(std::string_view line, Chart* chart) {
  std::vector<std::string> labels, values;
  for (std::string& tok : SplitTabs(line)) {
    if (tok.empty()) continue;
    if (IsNumberToken(tok)) {
      values.push_back(tok);
    } else {
      if (!values.empty()) return false;  // labels must come first
      labels.push_back(tok);
    }
  }
  if (values.empty() || labels.empty()) return false;
  if (labels.size() == values.size()) {
    chart->categories = labels;
    chart->series.push_back({"", values});
    return true;
  }
  // Series names (possibly repeated) followed by categories; values are
  // listed category by category.
  for (size_t c = 1; c < labels.size(); ++c) {
    std::vector<std::string> series;
    for (size_t i = 0; i + c < labels.size(); ++i) {
      bool seen = false;
      for (const auto& s : series) seen = seen || s == labels[i];
      if (!seen) series.push_back(labels[i]);
    }
    if (series.size() * c != values.size()) continue;
    chart->categories.assign(labels.end() - static_cast<long>(c), labels.end());
    for (size_t s = 0; s < series.size(); ++s) {
      ChartSeries cs{series[s], {}};
      for (size_t k = 0; k < c; ++k)
        cs.values.push_back(values[k * series.size() + s]);
      chart->series.push_back(std::move(cs));
    }
    return true;
  }
  return false;
}

bool IsChartTitle(std::string_view line) {
  return line.find("单位：") != std::string_view::npos ||
         line.find("单位:") != std::string_view::npos;
}

class TextBuilder {
 public:
  explicit TextBuilder(Document* doc) : doc_(doc) {}

  void Run(const std::vector<std::string>& lines) {
    size_t i = 0;
    while (i < lines.size()) {
      std::string_view line = lines[i];
      if (TrimSpaces(line).empty()) {
        ++i;
        continue;
      }
      if (IsChartTitle(line) && line.find('\t') == std::string_view::npos) {
        size_t j = i + 1;
        while (j < lines.size() && TrimSpaces(lines[j]).empty()) ++j;
        Chart chart;
        if (j < lines.size() && ParseChartData(lines[j], &chart)) {
          SplitTitleAndUnit(line, &chart);
          // "标题\n（单位：万元）": the title is the previous line.
          if (chart.title.empty() && !doc_->blocks.empty() &&
              doc_->blocks.back().kind == BlockKind::kParagraph) {
            chart.title = doc_->blocks.back().text;
            doc_->blocks.pop_back();
          }
          AddChart(std::move(chart));
          i = j + 1;
          continue;
        }
      }
      if (IsTableLine(line)) {
        i = ReadTable(lines, i);
        continue;
      }
      Block b;
      b.text = TrimSpaces(line);
      b.kind = IsChartPlaceholder(b.text) ? BlockKind::kCaption
                                          : BlockKind::kParagraph;
      doc_->blocks.push_back(std::move(b));
      ++i;
    }
  }

 private:
  static void SplitTitleAndUnit(std::string_view line, Chart* chart) {
    std::string t = TrimSpaces(line);
    size_t p = t.find("（单位");
    if (p == std::string::npos) p = t.find("(单位");
    chart->title = TrimSpaces(std::string_view(t).substr(0, p));
    chart->type = "";
  }

  void AddChart(Chart chart) {
    Block b;
    b.kind = BlockKind::kChart;
    b.chart = static_cast<int>(doc_->charts.size());
    b.text = chart.title;
    doc_->charts.push_back(std::move(chart));
    doc_->blocks.push_back(std::move(b));
  }

  // A table line starts with a tab (one cell per line, as Word's text
  // export writes tables) or has two or more tab-separated non-empty cells.
  static bool IsTableLine(std::string_view line) {
    if (line.empty()) return false;
    if (line[0] == '\t') return true;
    int cells = 0;
    for (const std::string& c : SplitTabs(line)) cells += c.empty() ? 0 : 1;
    return cells >= 2;
  }

  size_t ReadTable(const std::vector<std::string>& lines, size_t i) {
    Table table;
    std::vector<Cell> row;
    bool cell_per_line = lines[i][0] == '\t';
    auto flush = [&]() {
      if (!row.empty()) table.AddRow(std::move(row));
      row.clear();
    };
    size_t blank_run = 0;
    for (; i < lines.size(); ++i) {
      std::string_view line = lines[i];
      if (TrimSpaces(line).empty()) {
        if (line.find('\t') != std::string_view::npos && cell_per_line) {
          row.push_back(Cell{});  // a line holding only a tab: empty cell
          continue;
        }
        flush();
        if (++blank_run > 1 && !cell_per_line) break;
        if (blank_run > 4) break;
        continue;
      }
      // "政府性基金预算财政拨款\t\t\t\t": a row with only its label still
      // has the table's tabs.
      bool label_only_row =
          !cell_per_line && table.columns >= 3 &&
          static_cast<int>(SplitTabs(line).size()) == table.columns;
      if (!IsTableLine(line) && !label_only_row) break;
      blank_run = 0;
      if (cell_per_line && line[0] == '\t' && SplitTabs(line).size() <= 2) {
        Cell c;
        c.text = TrimSpaces(line);
        row.push_back(std::move(c));
      } else {
        flush();
        for (std::string& t : SplitTabs(line)) {
          Cell c;
          c.text = std::move(t);
          row.push_back(std::move(c));
        }
        flush();
      }
    }
    flush();
    if (!table.rows.empty()) {
      Block b;
      b.kind = BlockKind::kTable;
      b.table = static_cast<int>(doc_->tables.size());
      doc_->tables.push_back(std::move(table));
      doc_->blocks.push_back(std::move(b));
    }
    return i;
  }

  Document* doc_;
};

}  // namespace

Result<Document> ReadText(std::string_view bytes, const ExtractOptions& opts) {
  BUDGETDOC_ASSIGN_OR_RETURN(Decoded decoded, Decode(bytes));
  BUDGETDOC_RETURN_IF_ERROR(CheckLooksLikeText(decoded.text));
  Document doc;
  doc.format = Format::kText;
  doc.metadata["encoding"] = decoded.encoding;
  if (decoded.invalid > 0) {
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.text.invalid_bytes";
    f.message =
        "not valid " + decoded.encoding + " at byte " +
        std::to_string(decoded.first_invalid) +
        (decoded.invalid > 1
             ? " and " + std::to_string(decoded.invalid - 1) + " more places"
             : std::string()) +
        "; replaced with U+FFFD and read on";
    doc.findings.push_back(std::move(f));
  }

  std::vector<std::string> lines;
  for (std::string_view line : SplitLines(decoded.text)) {
    std::string cleaned = RemoveConversionArtifacts(line);
    // Keep pathological lines whole up to the cap, then split on a code
    // point boundary so nothing is silently dropped.
    std::string_view rest = cleaned;
    while (rest.size() > opts.max_line_bytes) {
      std::string_view head = TruncateUtf8(rest, opts.max_line_bytes);
      if (head.empty()) head = rest.substr(0, opts.max_line_bytes);
      lines.emplace_back(head);
      rest.remove_prefix(head.size());
    }
    lines.emplace_back(rest);
  }
  TextBuilder(&doc).Run(lines);
  return doc;
}

}  // namespace budgetdoc
