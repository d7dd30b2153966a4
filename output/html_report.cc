#include "output/html_report.h"

#include "base/utf8.h"
#include "check/rules.h"
#include "schema/version.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace budgetdoc {

DisplayClass DisplayClassOf(const CheckResult& r) {
  switch (r.verdict) {
    case Verdict::kPass:
      return DisplayClass::kPass;
    case Verdict::kNotApplicable:
      return DisplayClass::kNotApplicable;
    case Verdict::kNotChecked:
      return DisplayClass::kNotChecked;
    case Verdict::kMaterial:
      return DisplayClass::kMaterial;
    case Verdict::kMinor:
      return DisplayClass::kMinor;
  }
  return DisplayClass::kNotChecked;
}

std::string_view DisplayClassName(DisplayClass c) {
  switch (c) {
    case DisplayClass::kMaterial:
      return "material";
    case DisplayClass::kMinor:
      return "minor";
    case DisplayClass::kNotChecked:
      return "not_checked";
    case DisplayClass::kPass:
      return "pass";
    case DisplayClass::kNotApplicable:
      return "not_applicable";
  }
  return "not_checked";
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t c = DecodeUtf8(text, &i);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&#39;";
        continue;
      default:
        break;
    }
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) continue;
    if (c == kReplacementChar) {
      AppendUtf8(c, &out);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

namespace {

// ---- Small helpers ---------------------------------------------------------

std::string Base64(std::string_view data) {
  static constexpr char kTable[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(data[i]) << 16) |
                 (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    out.push_back(kTable[(v >> 18) & 63]);
    out.push_back(kTable[(v >> 12) & 63]);
    out.push_back(kTable[(v >> 6) & 63]);
    out.push_back(kTable[v & 63]);
  }
  if (i < data.size()) {
    unsigned v = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    out.push_back(kTable[(v >> 18) & 63]);
    out.push_back(kTable[(v >> 12) & 63]);
    out.push_back(i + 1 < data.size() ? kTable[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

std::string Esc(std::string_view s) { return HtmlEscape(s); }

// Both languages; the CSS shows one.
std::string Bi(std::string_view zh, std::string_view en) {
  return "<span class=\"zh\">" + Esc(zh) + "</span><span class=\"en\">" +
         Esc(en) + "</span>";
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", v);
  return buf;
}

std::string Letter(size_t i) {
  if (i < 26) return std::string(1, static_cast<char>('A' + i));
  return std::to_string(i + 1);
}

// Byte offset `n` code points before (dir < 0) or after `pos`.
size_t StepChars(std::string_view s, size_t pos, int n) {
  if (n > 0) {
    while (n-- > 0 && pos < s.size()) DecodeUtf8(s, &pos);
    return pos;
  }
  while (n++ < 0 && pos > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80)
      --pos;
  }
  return pos;
}

// Text with the byte spans marked (<mark>), sorted and non-overlapping
// after clamping; each mark may carry a label (its evidence letter).
struct Span {
  int begin = 0, end = 0;
  std::string label;  // shown after the mark, e.g. "A" or "#3"
  std::string link;   // fragment the label links to ("" = none)
};

std::string MarkedText(std::string_view text, std::vector<Span> spans,
                       size_t window_chars = 0) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  int size = static_cast<int>(text.size());
  size_t from = 0, to = text.size();
  if (window_chars > 0 && !spans.empty() &&
      CountCodePoints(text) > 2 * window_chars + 40) {
    from = StepChars(
        text, static_cast<size_t>(std::clamp(spans.front().begin, 0, size)),
        -static_cast<int>(window_chars));
    to = StepChars(text,
                   static_cast<size_t>(std::clamp(spans.back().end, 0, size)),
                   static_cast<int>(window_chars));
  }
  std::string out;
  if (from > 0) out += "…";
  size_t pos = from;
  for (const Span& sp : spans) {
    size_t b = static_cast<size_t>(std::clamp(sp.begin, 0, size));
    size_t e = static_cast<size_t>(std::clamp(sp.end, 0, size));
    if (b < pos || e <= b || e > to) continue;
    out += Esc(text.substr(pos, b - pos));
    out += "<mark>" + Esc(text.substr(b, e - b)) + "</mark>";
    if (!sp.label.empty()) {
      out += sp.link.empty() ? "<sup class=\"tag\">" + Esc(sp.label) + "</sup>"
                             : "<sup class=\"tag\"><a href=\"#" + Esc(sp.link) +
                                   "\">" + Esc(sp.label) + "</a></sup>";
    }
    pos = e;
  }
  out += Esc(text.substr(pos, to - pos));
  if (to < text.size()) out += "…";
  return out;
}

const Page* FindPage(const Document& doc, int number) {
  for (const Page& p : doc.pages) {
    if (p.number == number) return &p;
  }
  return nullptr;
}

const Cell* CellAt(const Document& doc, const Provenance& w) {
  if (w.table < 0 || w.row < 0 || w.column < 0 ||
      w.table >= static_cast<int>(doc.tables.size()))
    return nullptr;
  const Table& t = doc.tables[static_cast<size_t>(w.table)];
  if (w.row >= static_cast<int>(t.rows.size()) ||
      w.column >= static_cast<int>(t.rows[static_cast<size_t>(w.row)].size()))
    return nullptr;
  return &t.rows[static_cast<size_t>(w.row)][static_cast<size_t>(w.column)];
}

// The raw byte span of a narrative provenance (the normalized span mapped
// back when there is no raw one).
bool RawSpan(const NormalizedDocument& nd, const Provenance& w, int* begin,
             int* end) {
  if (w.block < 0 || w.block >= static_cast<int>(nd.doc.blocks.size()))
    return false;
  const size_t bi = static_cast<size_t>(w.block);
  if (w.raw_begin >= 0 && w.raw_end > w.raw_begin) {
    *begin = w.raw_begin;
    *end = w.raw_end;
    return true;
  }
  if (w.norm_begin >= 0 && w.norm_end > w.norm_begin && bi < nd.blocks.size() &&
      static_cast<size_t>(w.norm_end) <= nd.blocks[bi].text.size()) {
    *begin = static_cast<int>(
        nd.blocks[bi].RawBegin(static_cast<size_t>(w.norm_begin)));
    *end =
        static_cast<int>(nd.blocks[bi].RawEnd(static_cast<size_t>(w.norm_end)));
    return *end > *begin;
  }
  return false;
}

// Where an evidence item was printed (PDF): one box per line piece.
std::vector<TextBox> EvidenceBoxes(const NormalizedDocument& nd,
                                   const Provenance& w) {
  const Document& doc = nd.doc;
  if (const Cell* c = CellAt(doc, w)) {
    if (c->bbox && c->page > 0)
      return {TextBox{0, 0, c->page, DisplayedBox(doc, c->page, *c->bbox)}};
  }
  int b = 0, e = 0;
  if (RawSpan(nd, w, &b, &e)) {
    std::vector<TextBox> boxes = LocateText(doc, w.block, b, e);
    if (!boxes.empty()) return boxes;
  }
  if (w.bbox && w.page > 0) return {TextBox{0, 0, w.page, *w.bbox}};
  return {};
}

// ---- The key totals --------------------------------------------------------

struct KeyFigure {
  const char* metric;
  const char* zh;
  const char* en;
};

constexpr KeyFigure kKeyFigures[] = {
    {"income.total", "本年收入合计", "total income"},
    {"expenditure.total", "本年支出合计", "total expenditure"},
    {"expenditure.basic", "基本支出", "basic expenditure"},
    {"expenditure.project", "项目支出", "project expenditure"},
    {"gpb.expenditure.total", "一般公共预算财政拨款支出",
     "general-budget spending"},
    {"three_public.total", "“三公”经费", "three public costs"},
};

// A key total of the report's year (a table cell preferred over prose) and
// of the year before, when printed.
struct KeyValue {
  const KeyFigure* figure = nullptr;
  const Fact* current = nullptr;
  const Fact* prior = nullptr;
};

bool BasisOfKind(const Fact& f, const ReportMeta& m) {
  if (m.kind == "budget") return f.basis.rfind("budget", 0) == 0;
  return f.basis == "actual";
}

std::vector<KeyValue> KeyValues(const Extraction& ex) {
  std::vector<KeyValue> out;
  const int year = ex.meta.fiscal_year;
  for (const KeyFigure& k : kKeyFigures) {
    KeyValue v;
    v.figure = &k;
    auto better = [](const Fact* have, const Fact& f) {
      return have == nullptr ||
             (have->origin != Origin::kTable && f.origin == Origin::kTable);
    };
    for (const Fact& f : ex.facts) {
      if (f.metric != k.metric || f.measure != Measure::kAmount ||
          !f.code.empty() || f.value.sign() < 0)
        continue;
      bool current = (f.year == year || (f.year == 0 && year > 0)) &&
                     BasisOfKind(f, ex.meta);
      bool prior = (year > 0 && f.year == year - 1) || f.basis == "prior";
      if (current && better(v.current, f)) v.current = &f;
      if (!current && prior && better(v.prior, f)) v.prior = &f;
    }
    if (v.current != nullptr) out.push_back(v);
  }
  return out;
}

// Bar length in per mille of the largest value (integer arithmetic: money
// never passes through double).
int PerMille(const Decimal& v, const Decimal& max) {
  if (max.is_zero()) return 0;
  std::optional<Decimal> r = Decimal::Divide(
      Decimal::Multiply(v, Decimal::FromInt(1000)).value_or(Decimal()), max, 0,
      RoundingMode::kHalfUp);
  if (!r) return 0;
  return static_cast<int>(std::clamp<__int128>(r->units(), 0, 1000));
}

std::string FormatWan(const Decimal& v) {
  return v.Round(2, RoundingMode::kHalfUp).ToString();
}

std::string KeyTotalsChart(const Extraction& ex) {
  std::vector<KeyValue> values = KeyValues(ex);
  if (values.size() < 2) return "";
  Decimal max;
  for (const KeyValue& v : values) {
    max = std::max(max, v.current->value);
    if (v.prior != nullptr) max = std::max(max, v.prior->value);
  }
  bool any_prior = false;
  for (const KeyValue& v : values) any_prior |= v.prior != nullptr;
  const int label_w = 150, bar_w = 330, row_h = any_prior ? 34 : 22;
  const int height = static_cast<int>(values.size()) * row_h + 8;
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " +
                    std::to_string(label_w + bar_w + 120) + " " +
                    std::to_string(height) +
                    "\" role=\"img\" aria-label=\"key totals\">";
  int y = 4;
  const int year = ex.meta.fiscal_year;
  for (const KeyValue& v : values) {
    svg += "<text class=\"lbl\" x=\"" + std::to_string(label_w - 6) +
           "\" y=\"" + std::to_string(y + 13) +
           "\" text-anchor=\"end\"><tspan class=\"zh\">" + Esc(v.figure->zh) +
           "</tspan><tspan class=\"en\">" + Esc(v.figure->en) +
           "</tspan></text>";
    auto bar = [&](const Fact& f, int top, int h, const char* cls,
                   const std::string& tag) {
      int w = PerMille(f.value, max) * bar_w / 1000;
      svg += "<rect class=\"" + std::string(cls) + "\" x=\"" +
             std::to_string(label_w) + "\" y=\"" + std::to_string(top) +
             "\" width=\"" + std::to_string(std::max(w, 1)) + "\" height=\"" +
             std::to_string(h) + "\"/>";
      svg += "<text class=\"val\" x=\"" + std::to_string(label_w + w + 5) +
             "\" y=\"" + std::to_string(top + h - 3) + "\">" +
             Esc(FormatWan(f.value)) + tag + "</text>";
    };
    bar(*v.current, y + 2, 14, "cur", "");
    if (v.prior != nullptr) {
      bar(*v.prior, y + 18, 11, "pri",
          year > 0 ? " (" + std::to_string(year - 1) + ")" : "");
    }
    y += row_h;
  }
  svg += "</svg>";
  std::string out = "<figure class=\"keyfig\">" + svg + "<figcaption>" +
                    Bi("主要合计数（万元）", "Key totals (10,000 yuan)");
  if (any_prior) {
    out += " <span class=\"key cur\"></span>" +
           Bi(year > 0 ? std::to_string(year) + "年" : "本年",
              year > 0 ? std::to_string(year) : "this year") +
           " <span class=\"key pri\"></span>" +
           Bi(year > 0 ? std::to_string(year - 1) + "年" : "上年",
              year > 0 ? std::to_string(year - 1) : "last year");
  }
  return out + "</figcaption></figure>";
}

// ---- One document ----------------------------------------------------------

// A crop of a page for one finding: the region and the boxes in it.
struct CropBox {
  BBox box;
  std::string label;
};
struct Crop {
  int page = 0;
  BBox region;
  std::vector<CropBox> boxes;
  std::string png;
};

struct Shown {
  const CheckResult* zh = nullptr;
  const CheckResult* en = nullptr;
  DisplayClass cls = DisplayClass::kMaterial;
  int number = 0;  // 1-based within the document
  std::vector<Crop> crops;
};

// Pairs each result with its English twin: by position when both reports
// list the same rules in the same order, else by rule and evidence.
std::vector<const CheckResult*> PairEnglish(const CheckReport& zh,
                                            const CheckReport* en) {
  std::vector<const CheckResult*> out(zh.results.size(), nullptr);
  if (en == nullptr) return out;
  auto key = [](const CheckResult& r) {
    std::string k = r.rule + "\x1f" + std::string(OutcomeName(r.outcome));
    for (const Evidence& e : r.evidence)
      k += "\x1f" + e.value + "@" + e.where.ToString();
    return k;
  };
  bool same = en->results.size() == zh.results.size();
  for (size_t i = 0; same && i < zh.results.size(); ++i) {
    same = key(zh.results[i]) == key(en->results[i]);
  }
  if (same) {
    for (size_t i = 0; i < zh.results.size(); ++i) out[i] = &en->results[i];
    return out;
  }
  std::multimap<std::string, const CheckResult*> by_key;
  for (const CheckResult& r : en->results) by_key.emplace(key(r), &r);
  for (size_t i = 0; i < zh.results.size(); ++i) {
    auto it = by_key.find(key(zh.results[i]));
    if (it == by_key.end()) continue;
    out[i] = it->second;
    by_key.erase(it);
  }
  return out;
}

class DocumentView {
 public:
  DocumentView(const HtmlReportDocument& d, int index)
      : d_(d),
        nd_(*d.nd),
        doc_(d.nd->doc),
        ex_(*d.ex),
        id_("d" + std::to_string(index)) {
    std::vector<const CheckResult*> en = PairEnglish(*d.checks, d.checks_en);
    for (DisplayClass want : {DisplayClass::kMaterial, DisplayClass::kMinor}) {
      for (size_t i = 0; i < d.checks->results.size(); ++i) {
        const CheckResult& r = d.checks->results[i];
        if (DisplayClassOf(r) != want) continue;
        Shown s;
        s.zh = &r;
        s.en = en[i] != nullptr ? en[i] : &r;
        s.cls = want;
        s.number = static_cast<int>(shown_.size()) + 1;
        shown_.push_back(std::move(s));
      }
    }
    for (const CheckResult& r : d.checks->results) {
      ++counts_[DisplayClassOf(r)];
    }
    CollectMarks();
    if (doc_.format == Format::kPdf && d.page_images) FetchImages();
  }

  std::string Render() const {
    std::string out = "<section class=\"doc\" id=\"" + id_ + "\">";
    out += Header();
    out += Summary();
    out += KeyTotalsChart(ex_);
    out += Findings();
    out += NotChecked();
    out += Notes();
    out += doc_.format == Format::kPdf ? PageViewer() : TextViewer();
    out += Tables();
    out += "</section>";
    return out;
  }

  std::string TocEntry() const {
    return "<li><a href=\"#" + id_ + "\">" + Esc(Title()) + "</a> — " +
           SummaryText() + "</li>";
  }

 private:
  std::string F(int number) const {
    return id_ + "-f" + std::to_string(number);
  }

  std::string Title() const {
    const ReportMeta& m = ex_.meta;
    if (!m.title.empty()) return m.title;
    if (!m.entity_name.empty()) return m.entity_name;
    return doc_.source;
  }

  // ---- marks ----

  void CollectMarks() {
    for (const Shown& s : shown_) {
      for (size_t i = 0; i < s.zh->evidence.size(); ++i) {
        const Provenance& w = s.zh->evidence[i].where;
        std::string label = "#" + std::to_string(s.number);
        if (CellAt(doc_, w) != nullptr) {
          cell_marks_[{w.table, w.row, w.column}].push_back(s.number);
        }
        int b = 0, e = 0;
        if (RawSpan(nd_, w, &b, &e)) {
          block_marks_[w.block].push_back({b, e, label, F(s.number)});
        }
      }
    }
  }

  // Crops per finding and the boxes of every evidence page, then the images
  // fetched page by page.
  void FetchImages() {
    constexpr double kGap = 120;  // boxes further apart get two crops
    constexpr double kPadY = 28;  // context above and below
    for (Shown& s : shown_) {
      std::map<int, std::vector<CropBox>> by_page;
      for (size_t i = 0; i < s.zh->evidence.size(); ++i) {
        for (const TextBox& t : EvidenceBoxes(nd_, s.zh->evidence[i].where)) {
          by_page[t.page].push_back({t.box, Letter(i)});
          page_boxes_[t.page].push_back(
              {t.box, std::to_string(s.number), s.cls, F(s.number)});
        }
      }
      for (auto& [page_number, boxes] : by_page) {
        // A named copy: clang 14 cannot capture a structured binding.
        const int page = page_number;
        const Page* p = FindPage(doc_, page);
        if (p == nullptr || p->width <= 0 || p->height <= 0) continue;
        std::sort(boxes.begin(), boxes.end(),
                  [](const CropBox& a, const CropBox& b) {
                    return a.box.y0 < b.box.y0;
                  });
        Crop crop;
        auto flush = [&] {
          if (crop.boxes.empty()) return;
          BBox u = crop.boxes.front().box;
          for (const CropBox& b : crop.boxes) {
            u.x0 = std::min(u.x0, b.box.x0);
            u.y0 = std::min(u.y0, b.box.y0);
            u.x1 = std::max(u.x1, b.box.x1);
            u.y1 = std::max(u.y1, b.box.y1);
          }
          crop.page = page;
          crop.region = {std::min(p->width * 0.06, u.x0 - 8),
                         std::max(0.0, u.y0 - kPadY),
                         std::max(p->width * 0.94, u.x1 + 8),
                         std::min(p->height, u.y1 + kPadY)};
          crop.region.x0 = std::max(0.0, crop.region.x0);
          crop.region.x1 = std::min(p->width, crop.region.x1);
          s.crops.push_back(std::move(crop));
          crop = Crop();
        };
        double bottom = -1e9;
        for (const CropBox& b : boxes) {
          if (!crop.boxes.empty() && b.box.y0 > bottom + kGap) flush();
          crop.boxes.push_back(b);
          bottom = std::max(bottom, b.box.y1);
        }
        flush();
      }
    }
    // All regions in one request, page by page (each page rendered once).
    std::vector<std::pair<int, std::string*>> requests;
    std::vector<std::pair<int, BBox>> regions;
    for (Shown& s : shown_) {
      for (Crop& c : s.crops) {
        requests.push_back({c.page, &c.png});
        regions.push_back({c.page, c.region});
      }
    }
    for (const auto& [page, boxes] : page_boxes_) {
      const Page* p = FindPage(doc_, page);
      if (p == nullptr) continue;
      requests.push_back({page, &page_png_[page]});
      regions.push_back({page, BBox{0, 0, p->width, p->height}});
    }
    std::vector<size_t> order(requests.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return requests[a].first < requests[b].first;
    });
    std::vector<std::pair<int, BBox>> asked;
    for (size_t i : order) asked.push_back(regions[i]);
    std::vector<std::optional<std::string>> pngs = d_.page_images(asked);
    for (size_t k = 0; k < order.size() && k < pngs.size(); ++k) {
      if (pngs[k]) *requests[order[k]].second = std::move(*pngs[k]);
    }
  }

  // ---- sections ----

  std::string KindText(bool english) const {
    const ReportMeta& m = ex_.meta;
    std::string scope = m.scope.empty() ? "部门" : m.scope;
    if (m.kind == "final_accounts")
      return english ? "final accounts" : scope + "决算";
    if (m.kind == "budget") return english ? "budget" : scope + "预算";
    if (m.kind == "three_public_note")
      return english ? "three-public-costs note" : "“三公”经费说明";
    return english ? "unknown kind" : "类型不明";
  }

  std::string Header() const {
    const ReportMeta& m = ex_.meta;
    std::string out = "<header class=\"dochead\"><h2>" + Esc(Title()) + "</h2>";
    out += "<dl class=\"meta\">";
    auto row = [&](std::string_view zh, std::string_view en,
                   const std::string& value_html) {
      out +=
          "<div><dt>" + Bi(zh, en) + "</dt><dd>" + value_html + "</dd></div>";
    };
    auto unknown = [&](const std::string& v) {
      return v.empty() ? Bi("不明", "unknown") : Esc(v);
    };
    row("单位", "Entity", unknown(m.entity_name));
    row("地区", "Region",
        unknown(m.region_name) +
            (m.region_code.empty() ? "" : " (" + Esc(m.region_code) + ")"));
    row("年度", "Year",
        m.fiscal_year > 0 ? std::to_string(m.fiscal_year)
                          : Bi("不明", "unknown"));
    row("类型", "Kind",
        Bi(KindText(false), KindText(true)) +
            (m.is_template ? " " + Bi("（空白模板）", "(blank template)")
                           : ""));
    std::string file =
        Esc(doc_.source.view()) + " · " + Esc(FormatName(doc_.format));
    if (!doc_.pages.empty())
      file += " · " + Bi(std::to_string(doc_.pages.size()) + " 页",
                         std::to_string(doc_.pages.size()) + " pages");
    row("文件", "File", file);
    std::string tables = std::to_string(ex_.tables.size());
    std::vector<std::string> missing;
    for (const std::string& id : ex_.expected_tables) {
      bool found = false;
      for (const RecognizedTable& t : ex_.tables) found |= t.canonical_id == id;
      if (!found) missing.push_back(id);
    }
    std::string missing_text;
    for (const std::string& id : missing)
      missing_text += (missing_text.empty() ? "" : ", ") + id;
    row("读取", "Read",
        Bi(std::to_string(ex_.facts.size()) + " 个数字，" + tables +
               " 张标准表",
           std::to_string(ex_.facts.size()) + " figures, " + tables +
               " standard tables") +
            (missing.empty() ? ""
                             : " · " + Bi("未找到：" + missing_text,
                                          "not found: " + missing_text)));
    for (const auto& [field, why] : m.unknown_reasons) {
      row("未能确定", "Unknown", Esc(field) + ": " + Esc(why));
    }
    out += "</dl></header>";
    return out;
  }

  size_t Count(DisplayClass c) const {
    auto it = counts_.find(c);
    return it == counts_.end() ? 0 : it->second;
  }

  std::string SummaryText() const {
    size_t mat = Count(DisplayClass::kMaterial),
           minor = Count(DisplayClass::kMinor),
           nc = Count(DisplayClass::kNotChecked),
           pass = Count(DisplayClass::kPass);
    std::string zh, en;
    if (mat + minor == 0) {
      zh = "未发现矛盾";
      en = "no contradictions found";
    } else {
      zh = "发现 " + std::to_string(mat) + " 处矛盾、" + std::to_string(minor) +
           " 处轻微差异";
      en = std::to_string(mat) +
           (mat == 1 ? " contradiction, " : " contradictions, ") +
           std::to_string(minor) +
           (minor == 1 ? " minor discrepancy" : " minor discrepancies");
    }
    zh += "；" + std::to_string(pass) + " 项核对通过，" + std::to_string(nc) +
          " 项未能核对。";
    en += "; " + std::to_string(pass) + " checks passed, " +
          std::to_string(nc) + " could not be run.";
    return Bi(zh, en);
  }

  std::string Summary() const {
    std::string cls = Count(DisplayClass::kMaterial) > 0 ? "bad"
                      : Count(DisplayClass::kMinor) > 0  ? "warn"
                                                         : "ok";
    std::string out = "<p class=\"summary " + cls + "\">" + SummaryText();
    if (d_.checks->dropped > 0) {
      out += " " + Bi("（另有 " + std::to_string(d_.checks->dropped) +
                          " 项超出上限未列出）",
                      "(" + std::to_string(d_.checks->dropped) +
                          " more over the cap, not listed)");
    }
    return out + "</p>";
  }

  std::string Values(const CheckResult& r) const {
    std::string out;
    auto cell = [&](std::string_view zh, std::string_view en,
                    const std::string& v) {
      if (v.empty()) return;
      out += "<div><dt>" + Bi(zh, en) + "</dt><dd>" + Esc(v) + "</dd></div>";
    };
    cell("印刷数", "printed", r.printed);
    cell("应为", "expected", r.expected);
    cell("差额", "difference", r.difference);
    cell("舍入容差", "rounding tolerance", r.tolerance);
    return out.empty() ? "" : "<dl class=\"values\">" + out + "</dl>";
  }

  std::string RowTable(const Provenance& w) const {
    const Table& t = doc_.tables[static_cast<size_t>(w.table)];
    std::vector<int> rows;
    for (int r = 0; r < std::min(t.header_rows, 3); ++r) {
      if (r != w.row) rows.push_back(r);
    }
    rows.push_back(w.row);
    std::string out = "<div class=\"rowwrap\"><table class=\"row\">";
    for (int r : rows) {
      out += "<tr>";
      const auto& row = t.rows[static_cast<size_t>(r)];
      for (size_t c = 0; c < row.size(); ++c) {
        const Cell& cell = row[c];
        if (cell.covered) continue;
        bool head = r != w.row;
        bool hit = r == w.row && static_cast<int>(c) == w.column;
        out += head ? "<th" : "<td";
        if (hit) out += " class=\"hit\"";
        if (cell.col_span > 1)
          out += " colspan=\"" + std::to_string(cell.col_span) + "\"";
        out += ">" + Esc(cell.text) + (head ? "</th>" : "</td>");
      }
      out += "</tr>";
    }
    return out + "</table></div>";
  }

  // `passage`: the marked sentence to quote for a narrative item, or ""
  // when an earlier item of the finding already quotes it (`same_as`).
  std::string EvidenceItem(const Evidence& e, const Evidence& e_en, size_t i,
                           const std::string& passage,
                           const std::string& same_as) const {
    std::string out =
        "<li class=\"ev\"><span class=\"letter\">" + Letter(i) + "</span> ";
    if (!e.label.empty()) out += "<b>" + Esc(e.label) + "</b> ";
    if (!e.value.empty())
      out += "<span class=\"num\">" + Esc(e.value) + "</span> ";
    if (!e.location.empty()) {
      out +=
          "<span class=\"loc\">" +
          Bi(e.location, e_en.location.empty() ? e.location : e_en.location) +
          "</span>";
    }
    // The quote: the table row, or the sentence with the figure marked.
    const Provenance& w = e.where;
    int b = 0, en = 0;
    if (CellAt(doc_, w) != nullptr) {
      out += "<div class=\"quote tablerow\">" + RowTable(w) + "</div>";
    } else if (RawSpan(nd_, w, &b, &en)) {
      if (!passage.empty()) {
        out += "<blockquote class=\"quote\">" + passage + "</blockquote>";
      } else {
        out += "<span class=\"same\">" +
               Bi("（同 " + same_as + " 的原文）",
                  "(quoted with " + same_as + ")") +
               "</span>";
      }
    } else if (!e.quote.empty()) {
      out += "<blockquote class=\"quote\">" + Esc(e.quote.view()) +
             "</blockquote>";
    }
    return out + "</li>";
  }

  std::string CropSvg(const Crop& c, const std::string& link) const {
    const BBox& r = c.region;
    double w = r.x1 - r.x0, h = r.y1 - r.y0;
    std::string out = "<a class=\"croplink\" href=\"#" + Esc(link) + "\">";
    out += "<svg class=\"crop\" viewBox=\"" + Num(r.x0) + " " + Num(r.y0) +
           " " + Num(w) + " " + Num(h) +
           "\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\">";
    out += "<image x=\"" + Num(r.x0) + "\" y=\"" + Num(r.y0) + "\" width=\"" +
           Num(w) + "\" height=\"" + Num(h) +
           "\" preserveAspectRatio=\"none\" href=\"data:image/png;base64," +
           Base64(c.png) + "\"/>";
    for (const CropBox& b : c.boxes) {
      out += "<rect class=\"box\" x=\"" + Num(b.box.x0 - 2) + "\" y=\"" +
             Num(b.box.y0 - 2) + "\" width=\"" + Num(b.box.x1 - b.box.x0 + 4) +
             "\" height=\"" + Num(b.box.y1 - b.box.y0 + 4) + "\"/>";
      out += "<text class=\"boxlabel\" x=\"" + Num(b.box.x0 - 2) + "\" y=\"" +
             Num(std::max(r.y0 + 8, b.box.y0 - 4)) + "\">" + Esc(b.label) +
             "</text>";
    }
    out += "</svg></a>";
    return out;
  }

  std::string FindingHtml(const Shown& s) const {
    const CheckResult& r = *s.zh;
    const CheckResult& en = *s.en;
    std::string cls(DisplayClassName(s.cls));
    std::string out = "<article class=\"finding " + cls + "\" id=\"" +
                      F(s.number) + "\" data-rule=\"" + Esc(r.rule) +
                      "\" data-class=\"" + cls + "\">";
    out += "<header><span class=\"no\">#" + std::to_string(s.number) +
           "</span><span class=\"badge\">" +
           (s.cls == DisplayClass::kMaterial ? Bi("矛盾", "contradiction")
                                             : Bi("轻微", "minor")) +
           "</span>";
    if (const RuleSpec* spec = FindRule(r.rule)) {
      out += "<span class=\"rule\">" + Bi(spec->zh, spec->en) + "</span>";
    }
    out += "<code>" + Esc(r.rule) + "</code></header>";
    out += "<p class=\"msg\">" + Bi(r.message, en.message) + "</p>";
    out += Values(r);
    if (!r.hint.empty()) {
      out += "<p class=\"hint\">" + Bi("提示：" + r.hint, "hint: " + en.hint) +
             "</p>";
    }
    if (r.capped) {
      out += "<p class=\"hint\">" +
             Bi("依据的页面无法可靠读取，降为轻微，请人工核对。",
                "rests on a page that could not be read reliably; lowered "
                "to minor, check by hand.") +
             "</p>";
    }
    if (!s.crops.empty()) {
      out += "<div class=\"crops\">";
      for (const Crop& c : s.crops) {
        if (c.png.empty()) continue;
        out += "<figure class=\"cropfig\">" +
               CropSvg(c, id_ + "-p" + std::to_string(c.page)) +
               "<figcaption>" +
               Bi("第 " + std::to_string(c.page) + " 页",
                  "page " + std::to_string(c.page)) +
               "</figcaption></figure>";
      }
      out += "</div>";
    }
    // One quote per passage, with every figure of the finding in it marked
    // and lettered.
    std::map<int, std::vector<Span>> spans;  // block -> spans
    std::map<int, size_t> first;             // block -> first item
    for (size_t i = 0; i < r.evidence.size(); ++i) {
      const Provenance& w = r.evidence[i].where;
      int b = 0, e = 0;
      if (CellAt(doc_, w) != nullptr || !RawSpan(nd_, w, &b, &e)) continue;
      spans[w.block].push_back(
          {b, e, r.evidence.size() > 1 ? Letter(i) : "", ""});
      first.emplace(w.block, i);
    }
    out += "<ol class=\"evidence\">";
    for (size_t i = 0; i < r.evidence.size(); ++i) {
      const Evidence& e_en =
          i < en.evidence.size() ? en.evidence[i] : r.evidence[i];
      std::string passage, same_as;
      auto it = first.find(r.evidence[i].where.block);
      if (CellAt(doc_, r.evidence[i].where) == nullptr && it != first.end()) {
        if (it->second == i) {
          const std::string& text =
              doc_.blocks[static_cast<size_t>(it->first)].text;
          passage = MarkedText(text, spans[it->first], 90);
        } else {
          same_as = Letter(it->second);
        }
      }
      out += EvidenceItem(r.evidence[i], e_en, i, passage, same_as);
    }
    out += "</ol></article>";
    return out;
  }

  std::string Findings() const {
    std::string out = "<section class=\"findings\"><h3>" +
                      Bi("发现的问题", "Findings") + "</h3>";
    if (shown_.empty()) {
      out += "<p class=\"none\">" +
             Bi("所有能核对的数字都相互一致。",
                "Every figure that could be checked is consistent.") +
             "</p>";
    }
    for (const Shown& s : shown_) out += FindingHtml(s);
    return out + "</section>";
  }

  std::string NotChecked() const {
    size_t n = Count(DisplayClass::kNotChecked);
    if (n == 0) return "";
    std::vector<const CheckResult*> en = PairEnglish(*d_.checks, d_.checks_en);
    std::string out = "<details class=\"notchecked\"><summary>" +
                      Bi("未能核对（" + std::to_string(n) + " 项）",
                         "Not checked (" + std::to_string(n) + ")") +
                      "</summary><ul>";
    for (size_t i = 0; i < d_.checks->results.size(); ++i) {
      const CheckResult& r = d_.checks->results[i];
      if (DisplayClassOf(r) != DisplayClass::kNotChecked) continue;
      const CheckResult& e = en[i] != nullptr ? *en[i] : r;
      out += "<li><code>" + Esc(r.rule) + "</code> " +
             Bi(r.reason.empty() ? r.message : r.reason,
                e.reason.empty() ? e.message : e.reason) +
             "</li>";
    }
    return out + "</ul></details>";
  }

  std::string Notes() const {
    std::string items;
    for (const auto* list : {&doc_.findings, &nd_.findings, &ex_.findings}) {
      for (const Finding& f : *list) {
        if (f.severity < Severity::kWarning) continue;
        items += "<li>" + Esc(f.message) + "</li>";
      }
    }
    if (items.empty()) return "";
    return "<details class=\"notes\"><summary>" +
           Bi("读取说明", "Reading notes") + "</summary><ul>" + items +
           "</ul></details>";
  }

  std::string PageViewer() const {
    if (page_png_.empty()) return "";
    std::string nav, pages;
    for (const auto& [page, png] : page_png_) {
      if (png.empty()) continue;
      const Page* p = FindPage(doc_, page);
      if (p == nullptr) continue;
      std::string pid = id_ + "-p" + std::to_string(page);
      nav += "<a href=\"#" + pid + "\">" + std::to_string(page) + "</a>";
      pages += "<figure class=\"pagefig\" id=\"" + pid +
               "\"><svg class=\"page\" viewBox=\"0 0 " + Num(p->width) + " " +
               Num(p->height) +
               "\" role=\"img\"><image x=\"0\" y=\"0\" width=\"" +
               Num(p->width) + "\" height=\"" + Num(p->height) +
               "\" preserveAspectRatio=\"none\" href=\"data:image/png;base64," +
               Base64(png) + "\"/>";
      auto it = page_boxes_.find(page);
      if (it != page_boxes_.end()) {
        for (const PageBox& b : it->second) {
          pages += "<a href=\"#" + Esc(b.link) + "\"><rect class=\"box " +
                   std::string(DisplayClassName(b.cls)) + "\" x=\"" +
                   Num(b.box.x0 - 2) + "\" y=\"" + Num(b.box.y0 - 2) +
                   "\" width=\"" + Num(b.box.x1 - b.box.x0 + 4) +
                   "\" height=\"" + Num(b.box.y1 - b.box.y0 + 4) +
                   "\"/><text class=\"boxlabel\" x=\"" + Num(b.box.x1 + 3) +
                   "\" y=\"" + Num(b.box.y0 + 7) + "\">#" + Esc(b.label) +
                   "</text></a>";
        }
      }
      pages += "</svg><figcaption>" +
               Bi("第 " + std::to_string(page) + " 页",
                  "Page " + std::to_string(page)) +
               "</figcaption></figure>";
    }
    return "<section class=\"pages\"><h3>" + Bi("页面", "Pages") +
           "</h3><nav class=\"pagenav\">" +
           Bi("有证据的页：", "Pages with evidence: ") + nav + "</nav>" +
           pages + "</section>";
  }

  // Cells of table `t` marked by findings, rendered whole.
  std::string TableHtml(int t, const std::string& anchor) const {
    const Table& table = doc_.tables[static_cast<size_t>(t)];
    std::string out =
        "<div class=\"tablewrap\"><table class=\"doc\" id=\"" + anchor + "\">";
    for (size_t r = 0; r < table.rows.size(); ++r) {
      out += "<tr>";
      bool head = static_cast<int>(r) < table.header_rows;
      for (size_t c = 0; c < table.rows[r].size(); ++c) {
        const Cell& cell = table.rows[r][c];
        if (cell.covered) continue;
        auto it =
            cell_marks_.find({t, static_cast<int>(r), static_cast<int>(c)});
        out += head ? "<th" : "<td";
        if (it != cell_marks_.end()) out += " class=\"hit\"";
        if (cell.row_span > 1)
          out += " rowspan=\"" + std::to_string(cell.row_span) + "\"";
        if (cell.col_span > 1)
          out += " colspan=\"" + std::to_string(cell.col_span) + "\"";
        out += ">" + Esc(cell.text);
        if (it != cell_marks_.end()) {
          std::set<int> seen;
          for (int n : it->second) {
            if (!seen.insert(n).second) continue;
            out += "<sup class=\"tag\"><a href=\"#" + F(n) + "\">#" +
                   std::to_string(n) + "</a></sup>";
          }
        }
        out += head ? "</th>" : "</td>";
      }
      out += "</tr>";
    }
    return out + "</table></div>";
  }

  bool TableMarked(int t) const {
    auto it = cell_marks_.lower_bound({t, -1, -1});
    return it != cell_marks_.end() && std::get<0>(it->first) == t;
  }

  std::string Tables() const {
    if (ex_.tables.empty()) return "";
    std::string out = "<section class=\"tables\"><h3>" +
                      Bi("识别出的表格", "Recognized tables") + "</h3>";
    for (const RecognizedTable& rt : ex_.tables) {
      if (rt.table < 0 || rt.table >= static_cast<int>(doc_.tables.size()))
        continue;
      const Table& t = doc_.tables[static_cast<size_t>(rt.table)];
      bool marked = TableMarked(rt.table);
      std::string name = rt.name.empty() ? rt.title : rt.name;
      out += std::string("<details class=\"table\"") + (marked ? " open" : "") +
             "><summary>" +
             (rt.canonical_id.empty()
                  ? ""
                  : "<code>" + Esc(rt.canonical_id) + "</code> ") +
             Esc(name.empty() ? "—" : name);
      if (!rt.unit.empty())
        out += " <span class=\"unit\">" + Bi("单位：", "unit: ") +
               Esc(rt.unit) + "</span>";
      if (!t.pages.empty()) {
        out += " <span class=\"unit\">" +
               Bi("第 " + std::to_string(t.pages.front()) + " 页",
                  "page " + std::to_string(t.pages.front())) +
               "</span>";
      }
      if (marked)
        out += " <span class=\"flag\">" +
               Bi("含问题单元格", "has flagged cells") + "</span>";
      out += "</summary>" +
             TableHtml(rt.table, id_ + "-t" + std::to_string(rt.table)) +
             "</details>";
    }
    return out + "</section>";
  }

  // Formats without pages: the extracted text with every evidence passage
  // marked.
  std::string TextViewer() const {
    std::string body;
    std::set<int> recognized;
    for (const RecognizedTable& rt : ex_.tables) recognized.insert(rt.table);
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      std::string bid = id_ + "-b" + std::to_string(i);
      if (b.kind == BlockKind::kTable) {
        if (b.table < 0 || b.table >= static_cast<int>(doc_.tables.size()))
          continue;
        if (recognized.count(b.table) > 0) {
          body += "<p class=\"tableref\"><a href=\"#" + id_ + "-t" +
                  std::to_string(b.table) + "\">" +
                  Bi("［表格，见下方“识别出的表格”］",
                     "[table: see Recognized tables below]") +
                  "</a></p>";
        } else {
          body += TableHtml(b.table, bid);
        }
        continue;
      }
      std::vector<Span> spans;
      auto it = block_marks_.find(static_cast<int>(i));
      if (it != block_marks_.end()) spans = it->second;
      std::string tag = b.kind == BlockKind::kHeading ? "h4" : "p";
      body += "<" + tag + " id=\"" + bid + "\"" +
              (spans.empty() ? "" : " class=\"hit\"") + ">" +
              MarkedText(b.text, spans) + "</" + tag + ">";
    }
    return "<details class=\"textview\"" +
           std::string(block_marks_.empty() ? "" : " open") + "><summary>" +
           Bi("全文（提取的文字，问题处已标出）",
              "Full text (as extracted, findings marked)") +
           "</summary><div class=\"text\">" + body + "</div></details>";
  }

  struct PageBox {
    BBox box;
    std::string label;
    DisplayClass cls;
    std::string link;
  };

  const HtmlReportDocument& d_;
  const NormalizedDocument& nd_;
  const Document& doc_;
  const Extraction& ex_;
  std::string id_;
  std::vector<Shown> shown_;
  std::map<DisplayClass, size_t> counts_;
  std::map<std::tuple<int, int, int>, std::vector<int>> cell_marks_;
  std::map<int, std::vector<Span>> block_marks_;
  std::map<int, std::vector<PageBox>> page_boxes_;
  std::map<int, std::string> page_png_;
};

constexpr std::string_view kStyle = R"CSS(
:root{--ink:#1d1d1f;--mute:#5f6368;--line:#d9dce1;--bg:#f6f5f1;--card:#fff;
--red:#b42318;--redbg:#fef3f2;--amber:#b54708;--amberbg:#fffaeb;--green:#067647;
--mark:#ffe58a;--accent:#1f4e79}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif}
.lang{position:absolute;opacity:0;pointer-events:none}
#lang-zh:checked~.wrap .en,#lang-en:checked~.wrap .zh{display:none}
.wrap{max-width:920px;margin:0 auto;padding:0 16px 48px}
.top{display:flex;justify-content:space-between;align-items:baseline;gap:12px;
border-bottom:3px solid var(--ink);padding:18px 0 8px;margin-bottom:8px}
.top h1{font-size:22px;margin:0;letter-spacing:.02em}
.top .sub{color:var(--mute);font-size:13px}
.switch label{display:inline-block;border:1px solid var(--ink);padding:2px 10px;
font-size:13px;cursor:pointer;margin-left:-1px;background:#fff}
#lang-zh:checked~.wrap label[for=lang-zh],#lang-en:checked~.wrap label[for=lang-en]{background:var(--ink);color:#fff}
.failures{border-left:4px solid var(--red);background:var(--redbg);padding:8px 12px}
.toc{padding-left:20px}
section.doc{margin-top:28px}
.dochead h2{font-size:24px;line-height:1.3;margin:12px 0 10px}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:2px 18px;margin:0;font-size:14px}
dl.meta div{display:flex;gap:8px}
dl.meta dt{color:var(--mute);min-width:4.5em}
dl.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}
.summary{font-size:18px;font-weight:600;padding:12px 14px;margin:16px 0;border-radius:4px;background:#fff;border-left:6px solid var(--green)}
.summary.bad{border-left-color:var(--red)}
.summary.warn{border-left-color:var(--amber)}
h3{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px;margin:28px 0 12px}
.keyfig{margin:8px 0 0;background:#fff;padding:10px 12px;border-radius:4px}
.keyfig svg{width:100%;height:auto;max-width:640px;display:block}
.chart .lbl{font-size:12px;fill:var(--ink)}
.chart .val{font-size:11px;fill:var(--mute)}
.chart .cur,.key.cur{fill:var(--accent);background:var(--accent)}
.chart .pri,.key.pri{fill:#9fb3c8;background:#9fb3c8}
.key{display:inline-block;width:10px;height:10px;margin:0 3px 0 10px}
figcaption{font-size:12px;color:var(--mute)}
.finding{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--red);
border-radius:4px;padding:12px 16px;margin:0 0 16px;break-inside:avoid}
.finding.minor{border-left-color:var(--amber)}
.finding header{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:baseline;font-size:13px}
.finding .no{font-weight:700;font-size:16px}
.badge{color:#fff;background:var(--red);padding:0 8px;border-radius:3px;font-weight:600}
.minor .badge{background:var(--amber)}
.finding .rule{color:var(--mute)}
.finding code{color:var(--mute);font-size:12px}
.msg{font-size:17px;font-weight:600;margin:8px 0}
dl.values{display:flex;flex-wrap:wrap;gap:4px 22px;margin:6px 0 10px}
dl.values dt{font-size:12px;color:var(--mute)}
dl.values dd{margin:0;font:600 16px/1.3 ui-monospace,"DejaVu Sans Mono",monospace}
.hint{font-size:13px;color:var(--amber);margin:4px 0}
.crops{display:flex;flex-direction:column;gap:8px;margin:8px 0}
.cropfig{margin:0}
svg.crop{width:100%;height:auto;display:block;border:1px solid var(--line);background:#fff}
.box{fill:none;stroke:var(--red);stroke-width:1.6}
.minor .box,.box.minor{stroke:var(--amber)}
.boxlabel{font:bold 8px sans-serif;fill:var(--red)}
ol.evidence{list-style:none;padding:0;margin:8px 0 0}
li.ev{margin:6px 0;padding-top:6px;border-top:1px dotted var(--line)}
.letter{display:inline-block;min-width:1.4em;text-align:center;font-weight:700;color:#fff;background:var(--red);border-radius:2px;font-size:12px}
.minor .letter{background:var(--amber)}
.num{font:600 15px ui-monospace,"DejaVu Sans Mono",monospace}
.loc{color:var(--mute);font-size:13px}
.same{color:var(--mute);font-size:12px;margin-left:6px}
blockquote.quote{margin:4px 0 0;padding:6px 10px;background:#faf9f6;border-left:3px solid var(--line);white-space:pre-wrap;font-size:14px}
mark{background:var(--mark);padding:0 1px}
.tag{font-size:10px;margin-left:1px}
.tag a{color:var(--red);text-decoration:none}
.rowwrap,.tablewrap{overflow-x:auto}
table{border-collapse:collapse;font-size:12px;margin:4px 0}
th,td{border:1px solid var(--line);padding:2px 6px;vertical-align:top}
th{background:#f1f0ec;font-weight:600}
td.hit,th.hit{background:var(--mark);outline:2px solid var(--red);outline-offset:-2px;font-weight:700}
details{background:#fff;border:1px solid var(--line);border-radius:4px;padding:6px 12px;margin:8px 0}
summary{cursor:pointer;font-weight:600}
details .unit{color:var(--mute);font-weight:400;font-size:13px}
details .flag{color:var(--red);font-size:13px}
.pagenav a{display:inline-block;margin:0 4px;padding:0 6px;border:1px solid var(--line);border-radius:3px;background:#fff;text-decoration:none}
.pagefig{margin:12px 0;background:#fff;border:1px solid var(--line);padding:6px}
svg.page{width:100%;height:auto;display:block}
.pagefig .boxlabel{font-size:10px}
.textview .text{max-height:70vh;overflow:auto;font-size:14px}
.textview p.hit{background:#fffdf3}
footer.foot{margin-top:40px;border-top:1px solid var(--line);padding-top:8px;color:var(--mute);font-size:12px}
a{color:var(--accent)}
@media (max-width:600px){body{font-size:14px}.top{flex-direction:column}.msg{font-size:16px}.finding{padding:10px}}
@media print{@page{size:A4;margin:14mm}body{background:#fff;font-size:11pt}
.switch,.lang{display:none}.wrap{max-width:none;padding:0}
.finding,.pagefig,.keyfig{break-inside:avoid}.textview .text{max-height:none;overflow:visible}
a{color:inherit;text-decoration:none}}
)CSS";

}  // namespace

std::string RenderHtmlReport(const std::vector<HtmlReportDocument>& documents,
                             const HtmlReportOptions& options) {
  std::vector<DocumentView> views;
  views.reserve(documents.size());
  for (size_t i = 0; i < documents.size(); ++i) {
    views.emplace_back(documents[i], static_cast<int>(i));
  }
  std::string title = "budgetdoc";
  if (documents.size() == 1 && documents[0].ex != nullptr) {
    const ReportMeta& m = documents[0].ex->meta;
    title += " · " + (m.title.empty() ? (m.entity_name.empty()
                                             ? documents[0].nd->doc.source.str()
                                             : m.entity_name)
                                      : m.title);
  }
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; img-src data:; style-src 'unsafe-inline'\">"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">"
      "<title>" +
      Esc(title) + "</title><style>" + std::string(kStyle) +
      "</style></head><body>"
      "<input type=\"radio\" name=\"lang\" id=\"lang-zh\" class=\"lang\" "
      "checked><input type=\"radio\" name=\"lang\" id=\"lang-en\" "
      "class=\"lang\"><div class=\"wrap\">";
  out += "<div class=\"top\"><div><h1>" +
         Bi("财政报告核查", "Fiscal report check") +
         "</h1><div class=\"sub\">" +
         Bi("由 budgetdoc 自动核对报告内部的数字是否相互一致",
            "budgetdoc checks whether a report's figures agree with each "
            "other") +
         "</div></div><div class=\"switch\"><label for=\"lang-zh\">中文</label>"
         "<label for=\"lang-en\">English</label></div></div>";
  if (!options.failures.empty()) {
    out += "<div class=\"failures\"><b>" +
           Bi("无法读取：", "Could not read: ") + "</b><ul>";
    for (const std::string& f : options.failures)
      out += "<li>" + Esc(f) + "</li>";
    out += "</ul></div>";
  }
  if (views.size() > 1) {
    out += "<ol class=\"toc\">";
    for (const DocumentView& v : views) out += v.TocEntry();
    out += "</ol>";
  }
  for (const DocumentView& v : views) out += v.Render();
  out += "<footer class=\"foot\">budgetdoc " + Esc(options.tool_version) +
         " · schema " + std::string(kSchemaVersion);
  if (!options.generated_at.empty()) out += " · " + Esc(options.generated_at);
  out +=
      " · " +
      Bi("数字按印刷精度比较（四舍五入容差）；“矛盾”超出任何舍入可解释的范围。",
         "Figures are compared at their printed precision (rounding "
         "tolerance); a contradiction is beyond what rounding explains.") +
      "</footer></div></body></html>\n";
  return out;
}

}  // namespace budgetdoc
