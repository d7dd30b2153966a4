#include "schema/performance_forms.h"

#include "base/utf8.h"
#include "schema/money.h"
#include "schema/table_words.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

namespace budgetdoc {
namespace {

bool Has(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

// One cell or one stretch of a text line, in reading order.
struct Token {
  enum class Kind { kLabel, kNumber, kPlaceholder };  // placeholder: a blank
  Kind kind = Kind::kLabel;                           // or dash table cell
  std::string text;                                   // normalized
  Decimal value;
  bool percent = false;
  int line = 0;  // one id per table row or text block
  int block = -1, table = -1, row = -1, column = -1;
  int begin = -1, end = -1;  // normalized span (text blocks)
  int page = 0;
  const SharedText* quote = nullptr;  // the row or line, shared
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A label without the words that only decorate it: 其中, a unit in
// brackets, colons and spaces. "其中:财政资金(元)" → "财政资金".
std::string BareLabel(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!IsSpace(c)) out.push_back(c);
  }
  for (std::string_view w : {"(元)", "(万元)", "（元）", "（万元）",
                             "其中:", "其中：", "其中", ":", "："}) {
    for (size_t at; (at = out.find(w)) != std::string::npos;)
      out.erase(at, w.size());
  }
  return out;
}

bool IsDashText(std::string_view s) {
  return s == "-" || s == "--" || s == "—" || s == "——" || s == "/" ||
         s == "－" || s == "―";
}

class Tokenizer {
 public:
  explicit Tokenizer(const NormalizedDocument& nd) : nd_(nd) {}

  // The tokens of blocks [begin, end).
  std::vector<Token> Run(size_t begin, size_t end) {
    tokens_.clear();
    for (size_t bi = begin; bi < end && bi < nd_.doc.blocks.size(); ++bi) {
      const Block& b = nd_.doc.blocks[bi];
      if (b.kind == BlockKind::kTable) {
        TableTokens(static_cast<int>(bi), b.table);
      } else if (bi < nd_.blocks.size()) {
        TextTokens(static_cast<int>(bi), b.page);
      }
    }
    return std::move(tokens_);
  }

  // Row and line texts the tokens point into; must outlive them.
  std::vector<std::unique_ptr<SharedText>> quotes;

 private:
  void TableTokens(int block, int t) {
    if (t < 0 || static_cast<size_t>(t) >= nd_.doc.tables.size() ||
        static_cast<size_t>(t) >= nd_.cells.size())
      return;
    const Table& table = nd_.doc.tables[static_cast<size_t>(t)];
    const auto& cells = nd_.cells[static_cast<size_t>(t)];
    for (size_t r = 0; r < table.rows.size() && r < cells.size(); ++r) {
      ++line_;
      std::string quote;
      size_t first = tokens_.size();
      for (size_t c = 0; c < table.rows[r].size() && c < cells[r].size(); ++c) {
        const Cell& raw = table.rows[r][c];
        if (raw.covered) continue;
        const std::string& text = cells[r][c];
        if (!text.empty()) quote += (quote.empty() ? "" : " | ") + text;
        Token k;
        k.line = line_;
        k.block = block;
        k.table = t;
        k.row = static_cast<int>(r);
        k.column = static_cast<int>(c);
        k.page = raw.page > 0 ? raw.page
                              : (table.pages.empty() ? 0 : table.pages.front());
        bool blank = true;
        for (char ch : text) blank &= IsSpace(ch);
        if (blank || IsDashText(text)) {
          k.kind = Token::Kind::kPlaceholder;
        } else if (std::optional<Decimal> v =
                       tables_internal::ParseCellNumber(text, &k.percent)) {
          k.kind = Token::Kind::kNumber;
          k.value = *v;
        }
        k.text = text;
        tokens_.push_back(std::move(k));
      }
      SetQuote(first, quote);
    }
  }

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  // A text block split at its numbers: 1,234.56 / 12.5% / -3.
  void TextTokens(int block, int page) {
    const std::string& s = nd_.blocks[static_cast<size_t>(block)].text;
    ++line_;
    size_t first = tokens_.size();
    size_t label_begin = 0;
    auto flush_label = [&](size_t end) {
      size_t b = label_begin;
      while (b < end && IsSpace(s[b])) ++b;
      size_t e = end;
      while (e > b && IsSpace(s[e - 1])) --e;
      if (e > b) {
        std::string text = s.substr(b, e - b);
        Push(IsDashText(text) ? Token::Kind::kPlaceholder : Token::Kind::kLabel,
             std::move(text), block, page, b, e);
      }
    };
    for (size_t i = 0; i < s.size();) {
      bool sign = s[i] == '-' && i + 1 < s.size() && IsDigit(s[i + 1]) &&
                  (i == 0 || !IsDigit(s[i - 1]));
      if (!IsDigit(s[i]) && !sign) {
        ++i;
        continue;
      }
      size_t e = i + 1;
      while (e < s.size() &&
             (IsDigit(s[e]) || ((s[e] == ',' || s[e] == '.') &&
                                e + 1 < s.size() && IsDigit(s[e + 1])))) {
        ++e;
      }
      bool pct = e < s.size() && s[e] == '%';
      flush_label(i);
      Token& k = Push(Token::Kind::kNumber, s.substr(i, e - i), block, page, i,
                      e + (pct ? 1 : 0));
      bool unused = false;
      std::optional<Decimal> v =
          tables_internal::ParseCellNumber(k.text, &unused);
      if (v) {
        k.value = *v;
        k.percent = pct;
      } else {
        k.kind = Token::Kind::kLabel;
      }
      i = e + (pct ? 1 : 0);
      label_begin = i;
    }
    flush_label(s.size());
    SetQuote(first, s);
  }

  Token& Push(Token::Kind kind, std::string text, int block, int page,
              size_t begin, size_t end) {
    Token k;
    k.kind = kind;
    k.text = std::move(text);
    k.line = line_;
    k.block = block;
    k.page = page;
    k.begin = static_cast<int>(begin);
    k.end = static_cast<int>(end);
    tokens_.push_back(std::move(k));
    return tokens_.back();
  }

  void SetQuote(size_t first, std::string_view text) {
    if (first == tokens_.size()) return;
    quotes.push_back(std::make_unique<SharedText>(Ellipsize(text, 120)));
    for (size_t i = first; i < tokens_.size(); ++i)
      tokens_[i].quote = quotes.back().get();
  }

  const NormalizedDocument& nd_;
  std::vector<Token> tokens_;
  int line_ = 0;
};

// Labels of the fund rows, after BareLabel.
enum class Fund {
  kNone,
  kProjectTotal,
  kProjectFiscal,
  kAnnualTotal,
  kAnnualFiscal,
  kCarryover,
  kOther
};

struct FundLabel {
  std::string_view label;
  Fund fund;
};
constexpr FundLabel kFundLabels[] = {
    {"项目资金总额", Fund::kProjectTotal},
    {"项目总额", Fund::kProjectTotal},
    {"财政资金", Fund::kProjectFiscal},
    {"年度资金申请总额", Fund::kAnnualTotal},
    {"年度资金总额", Fund::kAnnualTotal},
    {"本年度资金申请总额", Fund::kAnnualTotal},
    {"当年财政拨款", Fund::kAnnualFiscal},
    {"本年财政拨款", Fund::kAnnualFiscal},
    {"上年结转资金", Fund::kCarryover},
    {"上年结转", Fund::kCarryover},
    {"其他资金", Fund::kOther},
};

Fund FundOf(std::string_view bare) {
  for (const FundLabel& f : kFundLabels) {
    if (bare == f.label) return f.fund;
  }
  return Fund::kNone;
}

// The header columns of a self-evaluation's funds rows.
enum class Column {
  kNone,
  kInitial,
  kAdjusted,
  kActual,
  kWeight,
  kRate,
  kScore
};

struct HeaderWord {
  std::string_view word;
  Column column;
};
// Longer words first: 全年执行数 before 执行数.
constexpr HeaderWord kHeaderWords[] = {
    {"年初预算数", Column::kInitial},  {"全年预算数", Column::kAdjusted},
    {"调整预算数", Column::kAdjusted}, {"全年执行数", Column::kActual},
    {"执行数", Column::kActual},       {"分值", Column::kWeight},
    {"执行率", Column::kRate},         {"得分", Column::kScore},
};

Column ColumnOf(std::string_view bare) {
  for (const HeaderWord& h : kHeaderWords) {
    if (bare == h.word) return h.column;
  }
  return Column::kNone;
}

// The header words a label names, left to right: a text line loses the
// spaces between them ("年初预算数全年预算数全年执行数分值执行率得分").
std::vector<Column> HeaderWords(std::string_view bare) {
  std::vector<Column> out;
  for (size_t i = 0; i < bare.size();) {
    bool matched = false;
    for (const HeaderWord& h : kHeaderWords) {
      if (bare.substr(i, h.word.size()) == h.word) {
        out.push_back(h.column);
        i += h.word.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return out;
}

std::string_view AnnualPart(Fund f) {
  switch (f) {
    case Fund::kAnnualTotal:
      return "total";
    case Fund::kAnnualFiscal:
      return "fiscal";
    case Fund::kCarryover:
      return "carryover";
    case Fund::kOther:
      return "other";
    default:
      return "";
  }
}

// The name printed after 项目名称, up to the next field of the form's head
// (项目性质, 主管部门…): "项目名称 拆违经费 项目性质 经常性" → "拆违经费".
std::string ProjectName(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (!IsSpace(c)) s.push_back(c);
  }
  constexpr std::string_view kName = "项目名称";
  if (s.rfind(kName, 0) == 0) s.erase(0, kName.size());
  for (std::string_view w : {":", "："}) {
    if (s.rfind(w, 0) == 0) s.erase(0, w.size());
  }
  for (std::string_view field :
       {"项目性质", "项目类别", "项目类型", "主管部门", "实施单位",
        "项目负责人", "联系电话", "预算部门", "项目单位"}) {
    size_t at = s.find(field);
    if (at != std::string::npos) s.resize(at);
  }
  return s;
}

class FormReader {
 public:
  FormReader(const NormalizedDocument& nd, const std::vector<Token>& tokens)
      : nd_(nd), tokens_(tokens) {}

  std::vector<PerformanceForm> Run() {
    std::vector<size_t> starts;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& k = tokens_[i];
      if (k.kind == Token::Kind::kLabel &&
          BareLabel(k.text).rfind("项目名称", 0) == 0)
        starts.push_back(i);
    }
    std::vector<PerformanceForm> out;
    for (size_t s = 0; s < starts.size(); ++s) {
      size_t end = s + 1 < starts.size() ? starts[s + 1] : tokens_.size();
      PerformanceForm form;
      if (ReadForm(starts[s], end, &form)) out.push_back(std::move(form));
    }
    return out;
  }

 private:
  bool ReadForm(size_t begin, size_t end, PerformanceForm* form) {
    const Token& head = tokens_[begin];
    form->page = head.page;
    std::string name = ProjectName(head.text);
    if (name.empty() && begin + 1 < end &&
        tokens_[begin + 1].line == head.line &&
        tokens_[begin + 1].kind == Token::Kind::kLabel)
      name = ProjectName(tokens_[begin + 1].text);
    form->project = name;
    // The unit, and whether the form is a self-evaluation: its funds header.
    std::vector<std::pair<Column, const Token*>> header;
    int header_line = -1;
    bool header_usable = true;
    for (size_t i = begin; i < end; ++i) {
      const Token& k = tokens_[i];
      if (k.kind != Token::Kind::kLabel) continue;
      if (form->unit.empty()) {
        if (Has(k.text, "(万元)") || Has(k.text, "（万元）") ||
            Has(k.text, "单位:万元") || Has(k.text, "单位：万元"))
          form->unit = "万元";
        else if (Has(k.text, "(元)") || Has(k.text, "（元）") ||
                 Has(k.text, "单位:元") || Has(k.text, "单位：元"))
          form->unit = "元";
      }
      std::vector<Column> cols = HeaderWords(BareLabel(k.text));
      if (cols.empty()) continue;
      if (header_line != -1 && k.line != header_line) continue;
      bool money = false;
      for (Column c : cols)
        money |= c == Column::kInitial || c == Column::kAdjusted ||
                 c == Column::kActual;
      if (header_line == -1 && !money)
        continue;  // 分值/得分 of the indicators' header
      header_line = k.line;
      // A table cell naming several columns cannot place a row's cells.
      if (k.table >= 0 && cols.size() > 1) header_usable = false;
      for (Column c : cols) header.emplace_back(c, &k);
    }
    bool self_evaluation = false;
    for (const auto& h : header) self_evaluation |= h.first == Column::kActual;
    form->kind = self_evaluation ? PerformanceForm::Kind::kSelfEvaluation
                                 : PerformanceForm::Kind::kTarget;
    int others = 0;
    for (size_t i = begin; i < end; ++i) {
      const Token& k = tokens_[i];
      if (k.kind != Token::Kind::kLabel) continue;
      Fund f = FundOf(BareLabel(k.text));
      if (f == Fund::kNone) continue;
      if (self_evaluation) {
        if (f == Fund::kProjectTotal || f == Fund::kProjectFiscal) continue;
        if (header_usable) FundsRow(i, end, header, form);
        continue;
      }
      if (i + 1 >= end || tokens_[i + 1].line != k.line ||
          tokens_[i + 1].kind != Token::Kind::kNumber || tokens_[i + 1].percent)
        continue;
      std::string metric;
      switch (f) {
        case Fund::kProjectTotal:
          metric = "perf.form.project.total";
          break;
        case Fund::kProjectFiscal:
          metric = "perf.form.project.fiscal";
          break;
        case Fund::kOther:
          metric = ++others == 1 ? "perf.form.project.other"
                                 : "perf.form.annual.other";
          break;
        default:
          metric = "perf.form.annual." + std::string(AnnualPart(f));
      }
      Add(form, metric, Measure::kAmount, "budget", k, tokens_[i + 1]);
    }
    if (!self_evaluation && others == 1) {
      // Printed once: whose it is cannot be told.
      std::erase_if(form->values, [](const Fact& v) {
        return v.metric == "perf.form.project.other";
      });
    }
    if (self_evaluation) Indicators(begin, end, form);
    return !form->values.empty();
  }

  // A self-evaluation funds row: its entries by the header's columns.
  void FundsRow(size_t label, size_t end,
                const std::vector<std::pair<Column, const Token*>>& header,
                PerformanceForm* form) {
    const Token& k = tokens_[label];
    std::vector<const Token*> run;
    for (size_t i = label + 1; i < end && tokens_[i].line == k.line; ++i) {
      if (tokens_[i].kind == Token::Kind::kLabel) break;
      run.push_back(&tokens_[i]);
    }
    std::vector<std::pair<Column, const Token*>> entries;
    if (k.table >= 0) {
      for (const auto& [col, h] : header) {
        if (h->table != k.table) return;
        for (const Token* e : run) {
          if (e->column == h->column) entries.emplace_back(col, e);
        }
      }
    } else {
      if (run.size() != header.size()) return;
      for (size_t i = 0; i < run.size(); ++i)
        entries.emplace_back(header[i].first, run[i]);
    }
    std::string part(AnnualPart(FundOf(BareLabel(k.text))));
    for (const auto& [col, e] : entries) {
      if (e->kind != Token::Kind::kNumber) continue;
      switch (col) {
        case Column::kInitial:
        case Column::kAdjusted:
        case Column::kActual:
          if (e->percent) break;
          Add(form, "perf.form.annual." + part, Measure::kAmount,
              col == Column::kInitial    ? "budget_initial"
              : col == Column::kAdjusted ? "budget_adjusted"
                                         : "actual",
              k, *e);
          break;
        case Column::kRate:
          Add(form, "perf.form.rate." + part, Measure::kCompletion, "actual", k,
              *e);
          break;
        case Column::kWeight:
        case Column::kScore:
          if (part != "total" || e->percent) break;
          Add(form,
              col == Column::kWeight ? "perf.form.weight" : "perf.form.score",
              Measure::kCount, "actual", k, *e, "预算执行率");
          break;
        case Column::kNone:
          break;
      }
    }
  }

  // The indicator rows of a self-evaluation printed as a table: below the
  // header row that has 分值 and 得分, each row's figures in those columns,
  // up to the 总分 / 合计 row.
  void Indicators(size_t begin, size_t end, PerformanceForm* form) {
    int weight_col = -1, score_col = -1, header_line = -1, table = -1;
    for (size_t i = begin; i < end; ++i) {
      const Token& k = tokens_[i];
      if (k.table < 0 || k.kind != Token::Kind::kLabel) continue;
      std::string bare = BareLabel(k.text);
      if (header_line != -1 && k.line != header_line) break;
      if (bare == "分值" || bare == "得分") {
        // The funds header has 分值 and 得分 too: it also has 执行率.
        bool funds = false;
        for (size_t j = i; j-- > begin && tokens_[j].line == k.line;)
          funds |= ColumnOf(BareLabel(tokens_[j].text)) == Column::kRate ||
                   ColumnOf(BareLabel(tokens_[j].text)) == Column::kActual;
        if (funds) continue;
        header_line = k.line;
        table = k.table;
        (bare == "分值" ? weight_col : score_col) = k.column;
      }
    }
    // The indicator's own name: the 三级指标 column (else the 二级); its
    // target and achieved value.
    int name_col = -1, target_col = -1, actual_col = -1;
    for (size_t i = begin; i < end && header_line != -1; ++i) {
      const Token& k = tokens_[i];
      if (k.line != header_line) continue;
      std::string bare = BareLabel(k.text);
      if (bare == "三级指标") name_col = k.column;
      if (bare == "二级指标" && name_col == -1) name_col = k.column;
      if (bare == "年度指标值" || bare == "指标值" || bare == "年度目标值" ||
          bare == "目标值")
        target_col = k.column;
      if (bare == "实际完成值" || bare == "完成值" || bare == "实际值")
        actual_col = k.column;
    }
    if (weight_col < 0 || score_col < 0) return;
    size_t i = begin;
    while (i < end && tokens_[i].line != header_line) ++i;
    while (i < end && tokens_[i].line == header_line) ++i;
    while (i < end && tokens_[i].table == table) {
      int line = tokens_[i].line;
      size_t row_end = i;
      while (row_end < end && tokens_[row_end].line == line) ++row_end;
      const Token* label = nullptr;
      const Token* weight = nullptr;
      const Token* score = nullptr;
      const Token* target = nullptr;
      const Token* achieved = nullptr;
      bool total = false;
      for (size_t j = i; j < row_end; ++j) {
        const Token& k = tokens_[j];
        if (k.kind != Token::Kind::kPlaceholder && k.column == target_col)
          target = &k;
        if (k.kind != Token::Kind::kPlaceholder && k.column == actual_col)
          achieved = &k;
        if (k.kind == Token::Kind::kLabel) {
          std::string bare = BareLabel(k.text);
          if (bare == "总分" || bare == "合计" || bare == "总计") total = true;
          if (k.column == name_col) label = &k;
        } else if (k.kind == Token::Kind::kNumber && !k.percent) {
          if (k.column == weight_col) weight = &k;
          if (k.column == score_col) score = &k;
        }
      }
      std::string name = total ? "总分" : (label != nullptr ? label->text : "");
      const Token& anchor = label != nullptr ? *label : tokens_[i];
      if (weight != nullptr)
        Add(form, "perf.form.weight", Measure::kCount, "actual", anchor,
            *weight, name);
      if (score != nullptr)
        Add(form, "perf.form.score", Measure::kCount, "actual", anchor, *score,
            name);
      if (total) break;
      if (label != nullptr && target != nullptr && achieved != nullptr) {
        PerformanceForm::Indicator ind;
        ind.name = label->text;
        ind.target = target->text;
        ind.actual = achieved->text;
        ind.where.source = nd_.doc.source;
        ind.where.table = label->table;
        ind.where.row = label->row;
        ind.where.block = label->block;
        ind.where.page = label->page;
        if (label->quote != nullptr) ind.quote = *label->quote;
        form->indicators.push_back(std::move(ind));
      }
      i = row_end;
    }
  }

  void Add(PerformanceForm* form, std::string metric, Measure measure,
           std::string basis, const Token& label, const Token& value,
           std::string name = "") {
    Fact f;
    f.metric = std::move(metric);
    f.measure = measure;
    f.basis = std::move(basis);
    f.printed = value.value;
    if (measure == Measure::kAmount) {
      f.unit = form->unit;
      f.value =
          form->unit.empty() ? value.value : ToWanYuan(value.value, form->unit);
    } else {
      f.unit = measure == Measure::kCount ? "分" : "%";
      f.value = value.value;
    }
    f.label = name.empty() ? label.text : std::move(name);
    f.origin = value.table >= 0 ? Origin::kTable : Origin::kNarrative;
    f.where.source = nd_.doc.source;
    f.where.page = value.page;
    f.where.block = value.block;
    f.where.table = value.table;
    f.where.row = value.row;
    f.where.column = value.column;
    if (value.table < 0 && value.block >= 0 &&
        static_cast<size_t>(value.block) < nd_.blocks.size()) {
      const NormalizedText& nt = nd_.blocks[static_cast<size_t>(value.block)];
      f.where.norm_begin = value.begin;
      f.where.norm_end = value.end;
      f.where.raw_begin = static_cast<int>(nt.RawBegin(value.begin));
      f.where.raw_end = static_cast<int>(nt.RawEnd(value.end));
    }
    if (value.quote != nullptr) f.quote = *value.quote;
    f.on_unreadable_page =
        f.where.page > 0 && nd_.doc.PageUnreadable(f.where.page);
    form->values.push_back(std::move(f));
  }

  const NormalizedDocument& nd_;
  const std::vector<Token>& tokens_;
};

// Whether block bi prints 项目名称 (in its text or one of its cells).
bool NamesAProject(const NormalizedDocument& nd, size_t bi) {
  const Block& b = nd.doc.blocks[bi];
  if (b.kind != BlockKind::kTable)
    return bi < nd.blocks.size() && Has(nd.blocks[bi].text, "项目名称");
  if (b.table < 0 || static_cast<size_t>(b.table) >= nd.cells.size())
    return false;
  for (const auto& row : nd.cells[static_cast<size_t>(b.table)]) {
    for (const std::string& cell : row) {
      if (Has(cell, "项目名称")) return true;
    }
  }
  return false;
}

// A form is read from the blocks of its 项目名称 up to the next one, at most
// this many (a form is a page or two; memory stays bounded on a document
// that names a project once and goes on for megabytes).
constexpr size_t kMaxFormBlocks = 400;

}  // namespace

std::vector<PerformanceForm> ReadPerformanceForms(
    const NormalizedDocument& nd) {
  std::vector<size_t> starts;
  for (size_t bi = 0; bi < nd.doc.blocks.size(); ++bi) {
    if (NamesAProject(nd, bi)) starts.push_back(bi);
  }
  std::vector<PerformanceForm> forms;
  Tokenizer tokenizer(nd);
  for (size_t s = 0; s < starts.size(); ++s) {
    size_t end = s + 1 < starts.size() ? starts[s + 1] : nd.doc.blocks.size();
    end = std::min(end, starts[s] + kMaxFormBlocks);
    std::vector<Token> tokens = tokenizer.Run(starts[s], end);
    for (PerformanceForm& f : FormReader(nd, tokens).Run())
      forms.push_back(std::move(f));
  }
  for (PerformanceForm& form : forms) {
    for (Fact& f : form.values) LocateOnPage(nd, &f.where);
  }
  return forms;
}

}  // namespace budgetdoc
