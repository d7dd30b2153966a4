#include "extract/ooxml.h"

#include "base/utf8.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <utility>

namespace budgetdoc {
namespace {

// Longest basedOn / numStyleLink chain followed.
constexpr int kMaxChain = 16;

// Parses a small non-negative decimal attribute; `dflt` when absent/bad.
int ParseInt(const std::string* s, int dflt) {
  if (s == nullptr || s->empty() || s->size() > 9) return dflt;
  int v = 0;
  size_t i = 0;
  bool neg = false;
  if ((*s)[0] == '-') {
    neg = true;
    i = 1;
  }
  if (i == s->size()) return dflt;
  for (; i < s->size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>((*s)[i]))) return dflt;
    v = v * 10 + ((*s)[i] - '0');
  }
  return neg ? -v : v;
}

int ValInt(const XmlNode* n, int dflt) {
  return n == nullptr ? dflt : ParseInt(n->Attr("val"), dflt);
}

std::string Val(const XmlNode* n) {
  return n == nullptr ? std::string() : n->AttrOr("val", "");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// "heading 3" / "Heading3" / "标题 3" / "标题3" -> 3; 0 otherwise.
int HeadingLevelFromName(std::string_view name) {
  std::string n = Lower(name);
  std::string_view v = n;
  for (std::string_view prefix :
       {std::string_view("heading"), std::string_view("标题")}) {
    if (v.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = v.substr(prefix.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') {
      return rest[0] - '0';
    }
  }
  return 0;
}

NumRef ParseNumPr(const XmlNode* num_pr) {
  NumRef ref;
  if (num_pr == nullptr) return ref;
  ref.num_id = Val(num_pr->Child("numId"));
  ref.ilvl = ValInt(num_pr->Child("ilvl"), -1);
  if (ref.ilvl > 8) ref.ilvl = 8;
  return ref;
}

void AppendCp(char32_t c, std::string* out) { AppendUtf8(c, out); }

// Chinese positional numerals for 0 < n < 100000000.
std::string ChineseNumber(int n, const char32_t digits[10],
                          const char32_t units[4], bool short_ten) {
  auto below_10000 = [&](int v, bool leading) {
    std::string s;
    int place[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
    bool zero_pending = false;
    bool started = false;
    for (int i = 0; i < 4; ++i) {
      int d = place[i];
      if (d == 0) {
        if (started) zero_pending = true;
        continue;
      }
      if (zero_pending || (!started && !leading && i > 0)) {
        AppendCp(U'零', &s);  // an inner zero is 零, a lone zero 〇
      }
      zero_pending = false;
      bool omit_one = short_ten && leading && !started && i == 2 && d == 1;
      if (!omit_one) AppendCp(digits[d], &s);
      if (i < 3) AppendCp(units[2 - i], &s);
      started = true;
    }
    return s;
  };
  if (n < 10000) return below_10000(n, true);
  std::string s = below_10000(n / 10000, true);
  AppendCp(units[3], &s);
  int low = n % 10000;
  if (low > 0) s += below_10000(low, false);
  return s;
}

std::string Roman(int n, bool upper) {
  static constexpr struct {
    int v;
    const char* s;
  } kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& e : kTable) {
    while (n >= e.v) {
      out += e.s;
      n -= e.v;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(std::toupper(c));
  }
  return out;
}

}  // namespace

std::string FormatListNumber(int n, std::string_view fmt) {
  static constexpr char32_t kCnDigits[10] = {U'〇', U'一', U'二', U'三', U'四',
                                             U'五', U'六', U'七', U'八', U'九'};
  static constexpr char32_t kCnUnits[4] = {U'十', U'百', U'千', U'万'};
  static constexpr char32_t kLegalDigits[10] = {
      U'零', U'壹', U'贰', U'叁', U'肆', U'伍', U'陆', U'柒', U'捌', U'玖'};
  static constexpr char32_t kLegalTradDigits[10] = {
      U'零', U'壹', U'貳', U'參', U'肆', U'伍', U'陸', U'柒', U'捌', U'玖'};
  static constexpr char32_t kLegalUnits[4] = {U'拾', U'佰', U'仟', U'万'};
  static constexpr char32_t kStems[10] = {U'甲', U'乙', U'丙', U'丁', U'戊',
                                          U'己', U'庚', U'辛', U'壬', U'癸'};
  static constexpr char32_t kBranches[12] = {U'子', U'丑', U'寅', U'卯',
                                             U'辰', U'巳', U'午', U'未',
                                             U'申', U'酉', U'戌', U'亥'};
  const std::string dec = std::to_string(n);
  if (fmt == "none" || fmt == "bullet") return "";
  if (n < 0) return dec;
  std::string out;
  if (fmt == "decimal" || fmt == "decimalHalfWidth" || fmt.empty()) return dec;
  if (fmt == "decimalZero") return n < 10 ? "0" + dec : dec;
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" ||
      fmt == "japaneseCounting" || fmt == "taiwaneseCounting" ||
      fmt == "taiwaneseCountingThousand") {
    if (n == 0) return "〇";
    if (n >= 100000000) return dec;
    return ChineseNumber(n, kCnDigits, kCnUnits, /*short_ten=*/true);
  }
  if (fmt == "chineseLegalSimplified" || fmt == "ideographLegalTraditional" ||
      fmt == "japaneseLegal") {
    if (n == 0) return "零";
    if (n >= 100000000) return dec;
    return ChineseNumber(
        n, fmt == "chineseLegalSimplified" ? kLegalDigits : kLegalTradDigits,
        kLegalUnits, /*short_ten=*/false);
  }
  if (fmt == "ideographDigital" || fmt == "taiwaneseDigital" ||
      fmt == "japaneseDigitalTenThousand") {
    for (char c : dec) AppendCp(kCnDigits[c - '0'], &out);
    return out;
  }
  if (fmt == "ideographTraditional") {
    if (n < 1 || n > 10) return dec;
    AppendCp(kStems[n - 1], &out);
    return out;
  }
  if (fmt == "ideographZodiac") {
    if (n < 1 || n > 12) return dec;
    AppendCp(kBranches[n - 1], &out);
    return out;
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (n < 1 || n > 20) return dec;
    AppendCp(static_cast<char32_t>(0x2460 + n - 1), &out);  // ①
    return out;
  }
  if (fmt == "decimalEnclosedParen") {
    if (n < 1 || n > 20) return "(" + dec + ")";
    AppendCp(static_cast<char32_t>(0x2474 + n - 1), &out);  // ⑴
    return out;
  }
  if (fmt == "decimalEnclosedFullstop") {
    if (n < 1 || n > 20) return dec + ".";
    AppendCp(static_cast<char32_t>(0x2488 + n - 1), &out);  // ⒈
    return out;
  }
  if (fmt == "ideographEnclosedCircle") {
    if (n < 1 || n > 10) return dec;
    AppendCp(static_cast<char32_t>(0x3220 + n - 1), &out);  // ㈠
    return out;
  }
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    for (char c : dec)
      AppendCp(static_cast<char32_t>(0xFF10 + (c - '0')), &out);
    return out;
  }
  if (fmt == "upperLetter" || fmt == "lowerLetter") {
    if (n < 1 || n > 780) return dec;
    char c =
        static_cast<char>((fmt == "upperLetter" ? 'A' : 'a') + (n - 1) % 26);
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
  }
  if (fmt == "upperRoman" || fmt == "lowerRoman") {
    if (n < 1 || n > 3999) return dec;
    return Roman(n, fmt == "upperRoman");
  }
  if (fmt == "ordinal") {
    int m100 = n % 100, m10 = n % 10;
    const char* suffix = "th";
    if (m100 < 11 || m100 > 13) {
      if (m10 == 1) suffix = "st";
      if (m10 == 2) suffix = "nd";
      if (m10 == 3) suffix = "rd";
    }
    return dec + suffix;
  }
  return dec;
}

// ---- StyleSheet ----

StyleSheet StyleSheet::Parse(const XmlNode* root) {
  StyleSheet sheet;
  if (root == nullptr) return sheet;
  for (const XmlNode& s : root->children) {
    if (!s.Is("style")) continue;
    std::string id = s.AttrOr("styleId", "");
    if (id.empty()) continue;
    Style style;
    style.name = Val(s.Child("name"));
    style.based_on = Val(s.Child("basedOn"));
    if (const XmlNode* ppr = s.Child("pPr")) {
      style.outline = ValInt(ppr->Child("outlineLvl"), -1);
      style.num = ParseNumPr(ppr->Child("numPr"));
    }
    std::string type = s.AttrOr("type", "paragraph");
    std::string dflt = s.AttrOr("default", "");
    if (type == "paragraph" && (dflt == "1" || dflt == "true") &&
        sheet.default_.empty()) {
      sheet.default_ = id;
    }
    sheet.styles_.emplace(std::move(id), std::move(style));
  }
  return sheet;
}

const StyleSheet::Style* StyleSheet::Find(std::string_view id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int StyleSheet::HeadingLevel(std::string_view style_id) const {
  std::string_view id = style_id;
  for (int hop = 0; hop < kMaxChain && !id.empty(); ++hop) {
    const Style* s = Find(id);
    if (s == nullptr) break;
    if (s->outline >= 0) {
      return s->outline <= 8 ? s->outline + 1 : 0;
    }
    if (int level = HeadingLevelFromName(s->name)) return level;
    id = s->based_on;
  }
  return 0;
}

bool StyleSheet::IsCaption(std::string_view style_id) const {
  std::string_view id = style_id;
  for (int hop = 0; hop < kMaxChain && !id.empty(); ++hop) {
    const Style* s = Find(id);
    if (s == nullptr) break;
    std::string name = Lower(s->name);
    if (name == "caption" || name == "题注") return true;
    id = s->based_on;
  }
  return false;
}

std::string StyleSheet::DisplayName(std::string_view style_id) const {
  const Style* s = Find(style_id);
  if (s != nullptr && !s->name.empty()) return s->name;
  return std::string(style_id);
}

NumRef StyleSheet::Numbering(std::string_view style_id) const {
  std::string_view id = style_id;
  for (int hop = 0; hop < kMaxChain && !id.empty(); ++hop) {
    const Style* s = Find(id);
    if (s == nullptr) break;
    if (!s->num.num_id.empty()) return s->num;
    id = s->based_on;
  }
  return {};
}

// ---- Numbering ----

namespace {

void ParseLevel(const XmlNode& lvl, int* start, std::string* num_fmt,
                std::string* lvl_text, int* restart, bool* is_lgl,
                std::string* suff, std::string* pstyle) {
  *start = ValInt(lvl.Child("start"), *start);
  if (const XmlNode* f = lvl.Child("numFmt")) {
    std::string v = Val(f);
    if (!v.empty()) *num_fmt = v;
  }
  if (const XmlNode* t = lvl.Child("lvlText")) {
    const std::string* v = t->Attr("val");
    *lvl_text = v != nullptr ? *v : "";
  }
  *restart = ValInt(lvl.Child("lvlRestart"), *restart);
  if (const XmlNode* l = lvl.Child("isLgl")) {
    std::string v = l->AttrOr("val", "1");
    *is_lgl = !(v == "0" || v == "false" || v == "off");
  }
  if (const XmlNode* s = lvl.Child("suff")) *suff = Val(s);
  if (const XmlNode* p = lvl.Child("pStyle")) *pstyle = Val(p);
}

// The last code point of s is full-width (CJK punctuation, ideographs,
// full-width forms): Word's tab after "一、" adds no visible space.
bool EndsFullWidth(std::string_view s) {
  if (s.empty()) return false;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t pos = i;
  char32_t c = DecodeUtf8(s, &pos);
  return c >= 0x2E80 || (c >= 0x2460 && c <= 0x24FF);
}

}  // namespace

Numbering Numbering::Parse(const XmlNode* root) {
  Numbering n;
  if (root == nullptr) return n;
  for (const XmlNode& a : root->children) {
    if (!a.Is("abstractNum")) continue;
    Abstract abs;
    abs.num_style_link = Val(a.Child("numStyleLink"));
    for (const XmlNode& lvl : a.children) {
      if (!lvl.Is("lvl")) continue;
      int ilvl = ParseInt(lvl.Attr("ilvl"), -1);
      if (ilvl < 0 || ilvl > 8) continue;
      Level& L = abs.levels[ilvl];
      ParseLevel(lvl, &L.start, &L.num_fmt, &L.lvl_text, &L.restart, &L.is_lgl,
                 &L.suff, &L.pstyle);
    }
    n.abstracts_[a.AttrOr("abstractNumId", "")] = std::move(abs);
  }
  for (const XmlNode& num : root->children) {
    if (!num.Is("num")) continue;
    Num entry;
    entry.abstract_id = Val(num.Child("abstractNumId"));
    for (const XmlNode& o : num.children) {
      if (!o.Is("lvlOverride")) continue;
      int ilvl = ParseInt(o.Attr("ilvl"), -1);
      if (ilvl < 0 || ilvl > 8) continue;
      if (const XmlNode* so = o.Child("startOverride")) {
        entry.start_override[ilvl] = ValInt(so, 0);
      }
      if (const XmlNode* lvl = o.Child("lvl")) {
        // A full level override starts from the abstract definition.
        auto ait = n.abstracts_.find(entry.abstract_id);
        Level L =
            ait != n.abstracts_.end() ? ait->second.levels[ilvl] : Level{};
        ParseLevel(*lvl, &L.start, &L.num_fmt, &L.lvl_text, &L.restart,
                   &L.is_lgl, &L.suff, &L.pstyle);
        entry.level_override[ilvl] = std::move(L);
      }
    }
    n.nums_[num.AttrOr("numId", "")] = std::move(entry);
  }
  return n;
}

std::string Numbering::AbstractOf(const std::string& num_id,
                                  const StyleSheet& styles) const {
  auto nit = nums_.find(num_id);
  if (nit == nums_.end()) return "";
  std::string a = nit->second.abstract_id;
  for (int hop = 0; hop < kMaxChain; ++hop) {
    auto ait = abstracts_.find(a);
    if (ait == abstracts_.end()) return "";
    if (ait->second.num_style_link.empty()) return a;
    NumRef linked = styles.Numbering(ait->second.num_style_link);
    auto lit = nums_.find(linked.num_id);
    if (lit == nums_.end() || lit->second.abstract_id == a) return a;
    a = lit->second.abstract_id;
  }
  return a;
}

Numbering::Label Numbering::Next(const NumRef& ref, std::string_view style_id,
                                 const StyleSheet& styles) {
  Label label;
  if (ref.num_id.empty() || ref.num_id == "0") return label;
  auto nit = nums_.find(ref.num_id);
  if (nit == nums_.end()) return label;
  Num& num = nit->second;
  std::string abstract_id = AbstractOf(ref.num_id, styles);
  auto ait = abstracts_.find(abstract_id);
  if (ait == abstracts_.end()) return label;
  const Abstract& abs = ait->second;

  // Effective levels: the num's full level overrides win.
  const Level* levels[9];
  for (int i = 0; i < 9; ++i) {
    auto o = num.level_override.find(i);
    levels[i] = o != num.level_override.end() ? &o->second : &abs.levels[i];
  }
  int ilvl = ref.ilvl;
  if (ilvl < 0) {
    ilvl = 0;
    for (int i = 0; i < 9; ++i) {
      if (!style_id.empty() && levels[i]->pstyle == style_id) {
        ilvl = i;
        break;
      }
    }
  }
  Counters& c = counters_[abstract_id];
  if (!num.override_applied) {
    num.override_applied = true;
    for (const auto& entry : num.start_override) c.started[entry.first] = false;
    for (const auto& entry : num.level_override) c.started[entry.first] = false;
  }
  auto start_of = [&](int lvl) {
    auto so = num.start_override.find(lvl);
    return so != num.start_override.end() ? so->second : levels[lvl]->start;
  };
  if (c.started[ilvl]) {
    if (c.value[ilvl] < 1000000000) ++c.value[ilvl];
  } else {
    c.value[ilvl] = start_of(ilvl);
    c.started[ilvl] = true;
  }
  for (int k = ilvl + 1; k < 9; ++k) {
    int restart = levels[k]->restart;  // 1-based level that restarts k
    if (restart == 0) continue;        // never restarts
    if (restart < 0 || ilvl <= restart - 1) c.started[k] = false;
  }

  const Level& L = *levels[ilvl];
  label.numbered = true;
  if (L.num_fmt == "bullet") return label;
  std::string text;
  const std::string& pattern = L.lvl_text;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      int k = pattern[i + 1] - '1';
      int value = k == ilvl || c.started[k] ? c.value[k] : start_of(k);
      text += FormatListNumber(
          value, L.is_lgl && k != ilvl ? std::string_view("decimal")
                                       : std::string_view(levels[k]->num_fmt));
      ++i;
    } else {
      text.push_back(pattern[i]);
    }
  }
  if (!text.empty() && L.suff != "nothing" && !EndsFullWidth(text)) {
    text += " ";
  }
  label.text = std::move(text);
  return label;
}

// ---- Charts ----

namespace {

// Text of a rich text body (c:rich/a:p/a:r/a:t), paragraphs joined by "".
std::string RichText(const XmlNode& n) {
  std::string out;
  std::vector<const XmlNode*> stack = {&n};
  while (!stack.empty()) {
    const XmlNode* x = stack.back();
    stack.pop_back();
    if (x->Is("t")) {
      out += x->InnerText();
      continue;
    }
    for (auto it = x->children.rbegin(); it != x->children.rend(); ++it) {
      if (it->is_element()) stack.push_back(&*it);
    }
  }
  return out;
}

// Points of a c:strCache / c:numCache / c:strLit / c:numLit, ordered by
// c:idx with gaps (up to ptCount) left empty.
std::vector<std::string> CachePoints(const XmlNode& cache) {
  std::vector<std::pair<long, std::string>> pts;
  for (const XmlNode& pt : cache.children) {
    if (!pt.Is("pt")) continue;
    if (pts.size() >= kMaxChartPoints) break;
    long idx = ParseInt(pt.Attr("idx"), -1);
    if (idx < 0) continue;
    const XmlNode* v = pt.Child("v");
    pts.emplace_back(idx, v != nullptr ? v->InnerText() : "");
  }
  std::stable_sort(pts.begin(), pts.end(), [](const auto& a, const auto& b) {
    return a.first < b.first;
  });
  long count = ValInt(cache.Child("ptCount"), 0);
  std::vector<std::string> out;
  long max_idx = pts.empty() ? -1 : pts.back().first;
  long n = std::max(count, max_idx + 1);
  if (n <= static_cast<long>(kMaxChartPoints)) {
    out.resize(static_cast<size_t>(n));
    for (auto& [idx, v] : pts) out[static_cast<size_t>(idx)] = std::move(v);
  } else {
    for (auto& p : pts) out.push_back(std::move(p.second));
  }
  return out;
}

// Values of a data reference (c:cat, c:val, c:tx, c:xVal, c:yVal): the
// cache under strRef/numRef/multiLvlStrRef, or a literal.
std::vector<std::string> RefPoints(const XmlNode* ref) {
  if (ref == nullptr) return {};
  for (const XmlNode& r : ref->children) {
    if (r.Is("strRef") || r.Is("numRef")) {
      const XmlNode* cache = r.Child(r.Is("strRef") ? "strCache" : "numCache");
      if (cache != nullptr) return CachePoints(*cache);
    } else if (r.Is("multiLvlStrRef")) {
      // Take the innermost level (the first c:lvl), which holds the leaves.
      if (const XmlNode* cache = r.Child("multiLvlStrCache")) {
        if (const XmlNode* lvl = cache->Child("lvl")) {
          return CachePoints(*lvl);
        }
      }
    } else if (r.Is("strLit") || r.Is("numLit")) {
      return CachePoints(r);
    } else if (r.Is("v")) {
      return {r.InnerText()};
    }
  }
  return {};
}

std::string ChartTypeName(std::string_view element) {
  static constexpr struct {
    std::string_view element, type;
  } kTypes[] = {{"barChart", "bar"},         {"bar3DChart", "bar"},
                {"lineChart", "line"},       {"line3DChart", "line"},
                {"pieChart", "pie"},         {"pie3DChart", "pie"},
                {"ofPieChart", "pie"},       {"doughnutChart", "doughnut"},
                {"areaChart", "area"},       {"area3DChart", "area"},
                {"scatterChart", "scatter"}, {"radarChart", "radar"},
                {"bubbleChart", "bubble"},   {"stockChart", "stock"},
                {"surfaceChart", "surface"}, {"surface3DChart", "surface"}};
  for (const auto& t : kTypes) {
    if (t.element == element) return std::string(t.type);
  }
  return "";
}

}  // namespace

Chart ParseChart(const XmlNode& chart_space, std::string_view part) {
  Chart chart;
  chart.part = std::string(part);
  const XmlNode* c = chart_space.Child("chart");
  if (c == nullptr) return chart;
  if (const XmlNode* title = c->Child("title")) {
    if (const XmlNode* tx = title->Child("tx")) {
      if (const XmlNode* rich = tx->Child("rich")) {
        chart.title = RichText(*rich);
      } else {
        std::vector<std::string> v = RefPoints(tx);
        if (!v.empty()) chart.title = v[0];
      }
    }
  }
  const XmlNode* plot = c->Child("plotArea");
  if (plot == nullptr) return chart;
  std::vector<std::string> types;
  for (const XmlNode& group : plot->children) {
    std::string type = group.is_element() ? ChartTypeName(group.name) : "";
    if (type.empty()) continue;
    if (std::find(types.begin(), types.end(), type) == types.end()) {
      types.push_back(type);
    }
    for (const XmlNode& ser : group.children) {
      if (!ser.Is("ser")) continue;
      ChartSeries s;
      std::vector<std::string> name = RefPoints(ser.Child("tx"));
      if (!name.empty()) s.name = name[0];
      const XmlNode* val = ser.Child("val");
      if (val == nullptr) val = ser.Child("yVal");
      s.values = RefPoints(val);
      if (chart.categories.empty()) {
        const XmlNode* cat = ser.Child("cat");
        if (cat == nullptr) cat = ser.Child("xVal");
        chart.categories = RefPoints(cat);
      }
      chart.series.push_back(std::move(s));
    }
  }
  for (size_t i = 0; i < types.size(); ++i) {
    chart.type += (i > 0 ? "+" : "") + types[i];
  }
  return chart;
}

}  // namespace budgetdoc
