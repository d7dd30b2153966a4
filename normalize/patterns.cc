#include "normalize/patterns.h"

#include <re2/re2.h>

#include <cstdio>
#include <cstdlib>

namespace budgetdoc {
namespace {

// Number forms shared by the patterns (applied to normalized text).
#define BUDGETDOC_NUM R"((?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))"
#define BUDGETDOC_CN_NUM "[零〇一二两三四五六七八九十百千]+"

const std::vector<PatternSpec>& AllSpecs() {
  static const std::vector<PatternSpec>* specs = new std::vector<PatternSpec>{
      {"amount_list",
       "((?:" BUDGETDOC_NUM "[,、，和及与])+" BUDGETDOC_NUM ")(亿元|万元|元)",
       "several amounts sharing one unit: 收、支总计各是4125.49,4143.91万元",
       {{"收、支总计各是4125.49,4143.91万元", "4125.49,4143.91万元"},
        {"分别为12.5、13万元", "12.5、13万元"}},
       {"收入1889.05万元", "收入100万元，支出50万元"}},
      {"amount",
       "(-?" BUDGETDOC_NUM ")(亿元|万元|元)",
       "an amount of money with its unit",
       {{"收入1889.05万元", "1889.05万元"},
        {"合计1,889.05万元", "1,889.05万元"},
        {"补助0.3万元", "0.3万元"},
        {"预算0万元", "0万元"},
        {"总额171,915,169元", "171,915,169元"},
        {"减少-3.5万元", "-3.5万元"},
        {"约2.1亿元", "2.1亿元"}},
       {"2023年度", "2010301行政运行", "单位：万元"}},
      {"percent",
       "(-?" BUDGETDOC_NUM ")%",
       "a percentage",
       {{"占36.6%", "36.6%"}, {"下降-3.41%", "-3.41%"}, {"完成98.5%", "98.5%"}},
       {"占比较高", "2023年"}},
      {"share_without_percent",
       "占(?:比)?(" BUDGETDOC_NUM ")(?:[^\\d%.,]|$)",
       "a share printed without its % sign (占 76.23)",
       {{"基本支出占76.23，项目支出", "占76.23，"}, {"占12", "占12"}},
       {"占76.23%", "占本年支出的36.6%"}},
      {"count",
       "(\\d+|" BUDGETDOC_CN_NUM
       ")(批次|人次|团组|个|辆|人|次|项|台|套|家|所|名|期|件|条|份|户|处|批)",
       "a count with its measure word",
       {{"共11个股室", "11个"},
        {"公务用车1辆", "1辆"},
        {"接待6批次，91人次", "6批次"},
        {"两辆", "两辆"},
        {"十二个", "十二个"}},
       {"一般公共服务", "2023年度", "三公经费"}},
      {"bare_amount_in_prose",
       "\\p{Han}(\\d{1,3}(?:,\\d{3})+\\.\\d+|\\d+\\.\\d+)[，；,;]",
       "a decimal number inside a sentence about money, with no unit after it",
       {{"支出807.52，主要用于", "出807.52，"}},
       {"支出807.52万元，主要用于", "版本2.0"}},
      {"procurement_sme",
       "(政府采购金额(?:（以合同签订为准）|\\(以合同签订为准\\))?为|"
       "面向中小企业预留政府采购项目预算金额|"
       "面向小微企业预留政府采购项目预算金额|"
       "在面向中小企业预留的?政府采购项目中[，,]由中小企业供应商中标或成交的["
       "，,]"
       "采购金额|"
       "在面向小微企业预留的?政府采购项目中[，,]由小微企业供应商中标或成交的["
       "，,]"
       "采购金额|"
       "在其他政府采购项目中[，,]由中小企业供应商中标或成交的[，,]采购金额)"
       "(" BUDGETDOC_NUM ")万元",
       "the clauses of the procurement paragraph that split contracts by "
       "reserve and firm size (Shanghai final accounts)",
       {{"政府采购金额（以合同签订为准）为21.07万元，其中",
         "政府采购金额（以合同签订为准）为21.07万元"},
        {"在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4."
         "79万元。",
         "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4."
         "79万元"},
        {"面向小微企业预留政府采购项目预算金额12万元",
         "面向小微企业预留政府采购项目预算金额12万元"}},
       {"政府采购预算总金额为2247.85万元", "授予中小企业合同金额8万元"}},
      {"bare_amount",
       "(?:为|是|达)(" BUDGETDOC_NUM ")(?:[,，。；;]|$)",
       "a number where an amount is expected but no unit follows",
       {{"决算数为1889.05，完成预算", "为1889.05，"}},
       {"决算数为1889.05万元", "增长率为3.5%"}},
  };
  return *specs;
}

}  // namespace

struct PatternSet::Compiled {
  std::string name;
  std::unique_ptr<RE2> re;
};

std::string_view PatternMatch::Group(std::string_view text, size_t i) const {
  if (i >= groups.size() || groups[i].first < 0) return {};
  return text.substr(static_cast<size_t>(groups[i].first),
                     static_cast<size_t>(groups[i].second - groups[i].first));
}

PatternSet::PatternSet() {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  for (const PatternSpec& spec : AllSpecs()) {
    auto c = std::make_unique<Compiled>();
    c->name = std::string(spec.name);
    c->re = std::make_unique<RE2>(std::string(spec.regex), opts);
    if (!c->re->ok()) {
      std::fprintf(
          stderr, "budgetdoc: pattern %s does not compile: %s at '%s'\n",
          c->name.c_str(), c->re->error().c_str(), c->re->error_arg().c_str());
      std::abort();
    }
    compiled_.push_back(std::move(c));
  }
}

PatternSet::~PatternSet() = default;

const PatternSet& PatternSet::Default() {
  static const PatternSet* set = new PatternSet();
  return *set;
}

std::span<const PatternSpec> PatternSet::Specs() { return AllSpecs(); }

std::vector<PatternMatch> PatternSet::FindAll(std::string_view name,
                                              std::string_view text) const {
  const RE2* re = nullptr;
  for (const auto& c : compiled_) {
    if (c->name == name) re = c->re.get();
  }
  std::vector<PatternMatch> out;
  if (re == nullptr) {
    std::fprintf(stderr, "budgetdoc: unknown pattern %.*s\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
  }
  int ngroups = re->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<size_t>(ngroups + 1));
  re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re->Match(input, pos, text.size(), RE2::UNANCHORED, sub.data(),
                   ngroups + 1)) {
      break;
    }
    PatternMatch m;
    m.begin = static_cast<int>(sub[0].data() - text.data());
    m.end = m.begin + static_cast<int>(sub[0].size());
    for (int g = 1; g <= ngroups; ++g) {
      const re2::StringPiece& s = sub[static_cast<size_t>(g)];
      if (s.data() == nullptr) {
        m.groups.emplace_back(-1, -1);
      } else {
        int b = static_cast<int>(s.data() - text.data());
        m.groups.emplace_back(b, b + static_cast<int>(s.size()));
      }
    }
    out.push_back(m);
    // Advance past the match; on an empty match step one whole code point.
    size_t next = static_cast<size_t>(m.end);
    if (m.end == m.begin) {
      next = static_cast<size_t>(m.end) + 1;
      while (next < text.size() &&
             (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
        ++next;
      }
    }
    pos = next;
  }
  return out;
}

bool PatternSet::Matches(std::string_view name, std::string_view text) const {
  return !FindAll(name, text).empty();
}

}  // namespace budgetdoc
