#include "extract/chart_tables.h"

#include "base/utf8.h"
#include "extract/text_cleanup.h"

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

constexpr size_t kMaxChartRows = 12;
constexpr int kMaxChartColumns = 40;

bool ChartShaped(const Table& t) {
  if (t.nested_in >= 0 || t.rows.size() < 2 || t.rows.size() > kMaxChartRows ||
      t.columns < 2 || t.columns > kMaxChartColumns) {
    return false;
  }
  const std::vector<Cell>& head = t.rows[0];
  if (head[0].state() != CellState::kBlank) return false;
  for (size_t c = 1; c < head.size(); ++c) {
    if (head[c].covered || head[c].state() != CellState::kText) return false;
  }
  for (size_t r = 1; r < t.rows.size(); ++r) {
    const std::vector<Cell>& row = t.rows[r];
    if (row[0].state() != CellState::kText) return false;
    for (size_t c = 1; c < row.size(); ++c) {
      CellState s = row[c].state();
      if (row[c].covered ||
          (s != CellState::kNumber && s != CellState::kZero)) {
        return false;
      }
    }
  }
  return true;
}

Chart ChartOf(const Table& t) {
  Chart chart;
  for (size_t c = 1; c < t.rows[0].size(); ++c)
    chart.categories.push_back(t.rows[0][c].text);
  for (size_t r = 1; r < t.rows.size(); ++r) {
    ChartSeries s;
    s.name = t.rows[r][0].text;
    for (size_t c = 1; c < t.rows[r].size(); ++c)
      s.values.push_back(t.rows[r][c].text);
    chart.series.push_back(std::move(s));
  }
  return chart;
}

}  // namespace

bool StartsLikeFigureCaption(std::string_view text) {
  for (std::string_view open : {"（", "(", "【", "["}) {
    if (text.substr(0, open.size()) == open) {
      text.remove_prefix(open.size());
      break;
    }
  }
  if (text.substr(0, 3) != "图") return false;
  text.remove_prefix(3);
  if (text.substr(0, 3) == "表") text.remove_prefix(3);
  if (text.empty()) return false;
  size_t pos = 0;
  char32_t c = DecodeUtf8(text, &pos);
  if ((c >= '0' && c <= '9') || c == ' ' || c == 0x3000 || c == U'：' ||
      c == ':' || (c >= 0xFF10 && c <= 0xFF19)) {
    return true;
  }
  return std::u32string_view(U"一二三四五六七八九十").find(c) !=
         std::u32string_view::npos;
}

bool IsChartCaption(std::string_view text) {
  std::string t = TrimSpaces(text);
  return CountCodePoints(t) <= 80 && StartsLikeFigureCaption(t);
}

void ChartTitleFromCaption(std::string_view caption, Chart* chart) {
  std::string t = TrimSpaces(caption);
  struct Kind {
    std::string_view word, type;
  } static constexpr kKinds[] = {
      {"柱状图", "bar"}, {"条形图", "bar"},  {"饼状图", "pie"},
      {"饼图", "pie"},   {"折线图", "line"}, {"环形图", "doughnut"},
  };
  for (const Kind& k : kKinds) {
    size_t at = t.rfind(k.word);
    if (at == std::string::npos) continue;
    chart->type = std::string(k.type);
    // Drop the bracketed kind: "…（柱状图）" or "…）（柱状图）".
    size_t open = t.rfind("（", at);
    if (open == std::string::npos) open = t.rfind("(", at);
    if (open != std::string::npos && at - open <= 3) t.erase(open);
    break;
  }
  std::string_view v = t;
  // "（图2：支出决算结构）": the brackets close around the whole caption.
  bool bracketed = StartsWith(v, "（") || StartsWith(v, "(");
  size_t colon = v.find("：");
  size_t width = 3;
  if (colon == std::string_view::npos) {
    colon = v.find(':');
    width = 1;
  }
  if (colon != std::string_view::npos && colon <= 12) {
    v.remove_prefix(colon + width);
  } else {
    // "图1 收入结构": skip the label up to the first space.
    size_t space = v.find(' ');
    if (space != std::string_view::npos && space <= 12)
      v.remove_prefix(space + 1);
  }
  std::string title = TrimSpaces(v);
  if (bracketed) {
    if (title.size() >= 3 && title.substr(title.size() - 3) == "）") {
      title.erase(title.size() - 3);
    } else if (!title.empty() && title.back() == ')') {
      title.pop_back();
    }
  }
  chart->title = TrimSpaces(title);
}

void ConvertChartTables(Document* doc) {
  std::vector<bool> drop(doc->tables.size(), false);
  std::vector<int> captions_used;
  for (size_t b = 0; b < doc->blocks.size(); ++b) {
    Block& block = doc->blocks[b];
    if (block.kind != BlockKind::kTable || block.table < 0) continue;
    const Table& table = doc->tables[static_cast<size_t>(block.table)];
    if (!ChartShaped(table)) continue;
    int caption = -1;
    for (int cand : {static_cast<int>(b) - 1, static_cast<int>(b) + 1}) {
      if (cand < 0 || cand >= static_cast<int>(doc->blocks.size())) continue;
      const Block& cb = doc->blocks[static_cast<size_t>(cand)];
      if (cb.kind == BlockKind::kTable || cb.kind == BlockKind::kChart)
        continue;
      if (!IsChartCaption(cb.text)) continue;
      bool used = false;
      for (int u : captions_used) used = used || u == cand;
      if (used) continue;
      caption = cand;
      break;
    }
    if (caption < 0) continue;
    Chart chart = ChartOf(table);
    ChartTitleFromCaption(doc->blocks[static_cast<size_t>(caption)].text,
                          &chart);
    chart.caption_block = caption;
    captions_used.push_back(caption);
    doc->blocks[static_cast<size_t>(caption)].kind = BlockKind::kCaption;
    drop[static_cast<size_t>(block.table)] = true;
    block.kind = BlockKind::kChart;
    block.table = -1;
    block.text = chart.title;
    block.chart = static_cast<int>(doc->charts.size());
    doc->charts.push_back(std::move(chart));
  }
  // Renumber the tables that stay.
  std::vector<int> new_index(doc->tables.size(), -1);
  std::vector<Table> kept;
  for (size_t i = 0; i < doc->tables.size(); ++i) {
    if (drop[i]) continue;
    new_index[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(doc->tables[i]));
  }
  if (kept.size() == doc->tables.size()) {
    doc->tables = std::move(kept);
    return;
  }
  for (Table& t : kept) {
    if (t.nested_in >= 0)
      t.nested_in = new_index[static_cast<size_t>(t.nested_in)];
  }
  for (Block& b : doc->blocks) {
    if (b.kind == BlockKind::kTable && b.table >= 0)
      b.table = new_index[static_cast<size_t>(b.table)];
  }
  doc->tables = std::move(kept);
}

}  // namespace budgetdoc
