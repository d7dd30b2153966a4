#include "check/rules.h"

#include "check/sum_rules.h"

#include <vector>

namespace budgetdoc {
namespace {

constexpr FailureClass kBySize = FailureClass::kBySize;
constexpr FailureClass kMaterial = FailureClass::kMaterial;
constexpr FailureClass kMinor = FailureClass::kMinor;

// Keep ids stable: they are what users grep for and what the ground-truth
// generator plants (scripts/gen).
constexpr RuleSpec kRules[] = {
    // Sums.
    {"sum.total_balance", "sum", "收入总计应等于支出总计",
     "income grand total equals expenditure grand total",
     "收入总计 = 支出总计 (also 财政拨款)", kBySize, "all"},
    {"sum.econ.items", "sum", "人员经费、公用经费的明细之和不应超过其合计",
     "listed economic items do not exceed the personnel or public total they "
     "belong to",
     "Σ 明细 ≤ 人员经费 / 公用经费 (equal when complete)", kBySize, "all"},
    {"sum.func.classes", "sum",
     "各功能分类（类）支出之和应等于一般公共预算财政拨款支出",
     "functional classes add up to general-budget spending",
     "一般公共预算财政拨款支出 = Σ 类", kBySize, "all"},
    {"sum.func.hierarchy", "sum", "类支出应等于其下各项支出之和",
     "a class equals the sum of its items", "类 = Σ 款 = Σ 项", kBySize, "all"},
    {"sum.performance_form", "sum",
     "绩效目标表、自评表的资金总额应等于其各组成部分之和",
     "a performance form's funds equal the sum of their parts",
     "年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金; 项目资金总额 = "
     "财政资金 + 其他资金",
     kBySize, "all"},
    {"sum.performance_projects", "sum",
     "正文所述编报绩效目标的项目金额应等于各绩效目标表资金之和",
     "the text's amount for the projects with targets equals the sum of "
     "their target forms (when the report prints one form per project)",
     "涉及项目预算资金 = Σ 年度资金申请总额 (or Σ 项目资金总额)", kBySize,
     "budget"},
    {"sum.performance_scores", "sum",
     "绩效自评表各行分值、得分之和应等于总分，得分不超过分值",
     "a self-evaluation's weights and scores add up to its 总分 row; no "
     "score exceeds its weight",
     "总分 = Σ 分值 (得分); 得分 ≤ 分值", kBySize, "final_accounts"},
    {"sum.procurement_sme", "sum",
     "授予中小企业、小微企业的合同金额不应超过其所属总额",
     "contracts won by small firms (reserved + other projects) do not exceed "
     "all contracts; the micro-firm parts do not exceed the small-firm ones",
     "预留项目中中小企业中标 + 其他项目中中小企业中标 ≤ 政府采购金额; 小微 ≤ "
     "中小; 授予中小企业 ≤ 政府采购支出总额",
     kBySize, "all"},
    // Shares.
    {"share.recompute", "share", "占比应能由所列金额算出",
     "a printed share is what its amounts give",
     "占比 = 100 × 分项 / 合计 (round half up)", kBySize, "all"},
    {"share.truncated", "share", "占比是截尾而非四舍五入得到的",
     "a printed share is truncated instead of rounded",
     "占比 = trunc(100 × 分项 / 合计)", kMinor, "all"},
    {"share.sum_100", "share", "同一组完整分项的占比之和应为100%",
     "shares of one complete breakdown sum to 100",
     "Σ 占比 = 100 (± n·q/2; two nonzero complements: exactly 100)", kBySize,
     "all"},
    {"share.zero_base", "share", "合计为零时不应给出占比",
     "no share of a zero total", "合计 = 0 ⇒ 占比 不适用", kMinor, "all"},
    // Changes.
    {"change.rate", "change", "增减幅度应等于增减额除以上年数",
     "the change rate is change over last year",
     "增幅 = 增减额 / (本年 − 增减额)", kBySize, "all"},
    {"change.direction", "change", "增减方向用语应与数字一致",
     "direction words agree with the numbers",
     "增加/增长 ⇔ 本年 > 上年; 减少/下降 ⇔ 本年 < 上年", kMaterial, "all"},
    {"change.amount", "change", "增减额应等于本年数减上年数",
     "the change equals this year minus last year", "增减额 = 本年 − 上年",
     kBySize, "all"},
    {"sum.change_parts", "sum", "合计的增减额应等于各组成部分增减额之和",
     "the change of a total is the sum of its parts' changes (when the "
     "parts' amounts make up the total)",
     "Δ财政拨款 = Δ一般公共预算 + Δ政府性基金 + Δ国有资本经营; Δ支出 = Δ基本 + "
     "Δ项目; Δ三公 = Δ出国 + Δ车辆 + Δ接待",
     kBySize, "all"},
    {"change.beyond_amount", "change", "增加额不应超过本年数",
     "a rise does not exceed this year's amount (last year's would be "
     "negative)",
     "增加额 ≤ 本年数", kBySize, "all"},
    {"change.zero_base", "change", "上年为零时不应给出增长率",
     "no growth rate from a zero base", "上年 = 0 ⇒ 增幅 不适用", kMinor,
     "all"},
    // Completion.
    {"completion.rate", "completion", "完成预算比例应等于决算数除以预算数",
     "completion is actual over budget", "完成率 = 决算 / 预算 (年初或调整后)",
     kBySize, "final_accounts"},
    {"completion.direction", "completion",
     "“决算数大于/小于预算数”应与完成比例一致",
     "\"actual above/below budget\" agrees with the completion rate",
     "小于 ⇔ 完成率 < 100%", kMaterial, "final_accounts"},
    {"completion.zero_budget", "completion", "没有预算时不应给出完成比例",
     "no completion rate without a budget", "预算 = 0 ⇒ 完成率 不适用", kMinor,
     "final_accounts"},
    // Agreement.
    {"agree.repeat", "agree", "同一数字多处出现时应一致",
     "the same figure printed twice agrees", "x (一处) = x (另一处)", kBySize,
     "all"},
    {"agree.text_table", "agree", "正文数字应与表格一致",
     "a figure in the text agrees with the table", "正文 = 表格", kBySize,
     "all"},
    {"completion.implied_budget", "completion",
     "由完成比例推算的合计预算数应等于各组成部分推算预算数之和",
     "the budget a total's completion rate implies is the sum of those its "
     "parts' rates imply (when no budget is printed)",
     "决算合计 ÷ 完成% = Σ 决算_i ÷ 完成%_i", kBySize, "final_accounts"},
    {"completion.performance_form", "completion",
     "绩效自评表的执行率应等于全年执行数除以全年预算数",
     "a self-evaluation's execution rate is executed ÷ budgeted",
     "执行率 = 全年执行数 ÷ 全年预算数", kBySize, "final_accounts"},
    {"agree.chart_text", "agree", "图表数据应与正文一致",
     "chart data agree with the text", "图表 = 正文", kBySize, "all"},
    {"agree.counts", "agree", "车辆等数量前后应一致",
     "counts (vehicles, visits) agree across sections",
     "公务用车保有量 (三公) = 公务用车 (国有资产) ≤ 车辆数 (国有资产)",
     kMaterial, "all"},
    {"agree.admin_cost", "agree", "机关运行经费不应超过公用经费",
     "administrative operating costs do not exceed public costs",
     "机关运行经费 ≤ 公用经费", kMaterial, "final_accounts"},
    {"agree.blank_table", "agree", "空白的表格与正文所列本年数字应一致",
     "a table printed blank agrees with the year's figures stated in the text",
     "blank 三公/政府性基金/国有资本经营 table ⇒ no nonzero figure in the text",
     kMaterial, "all"},
    {"agree.performance_targets", "agree",
     "正文称绩效指标全部完成时，绩效自评表各项实际完成值应达到年度指标值",
     "when the text says every performance target was met, no indicator of "
     "a self-evaluation misses its numeric target",
     "全部完成 ⇒ 实际完成值 ≥ / ≤ / = 年度指标值", kMaterial, "final_accounts"},
    {"agree.performance_score", "agree", "绩效自评表的评价结论应等于合计得分",
     "a self-evaluation's conclusion score equals its total", "评价结论 = 合计",
     kMaterial, "all"},
    // Codes and names.
    {"code.name_mismatch", "code", "科目名称应与其所属类/款一致且前后一致",
     "a 类/款/项 name belongs to its class and is printed the same way "
     "throughout",
     "项 ∈ 款 ∈ 类; one code, one name", kMinor, "all"},
    {"code.name_variant", "code", "同一科目在不同位置所属款名称不同",
     "the same item is printed under different 款 names", "one code, one name",
     kMinor, "all"},
    {"code.level_word", "code", "科目层级标注（类/款/项）应与科目目录一致",
     "the level word (类/款/项) after a name matches the catalog",
     "款 name ⇒ （款）", kMinor, "all"},
    // Presentation.
    {"presentation.missing_unit", "presentation", "金额缺少计量单位",
     "an amount is printed without its unit", "金额 ⇒ 万元/元", kMinor, "all"},
    {"presentation.percent_without_sign", "presentation", "占比缺少百分号",
     "a share is printed without %", "占比 ⇒ %", kMinor, "all"},
    {"presentation.asset_date", "presentation",
     "资产情况的截止日期应为决算年度末（预算为上年末）",
     "holdings are dated at the end of the report's year (a budget: the year "
     "before)",
     "截至Y年末 (决算), 截至Y−1年末 (预算)", kMaterial, "all"},
    {"presentation.template_residue", "presentation", "存在模板残留文字",
     "template residue left in the text",
     "no “XX”, “增加（减少）”, “主要原因是。”", kMinor, "all"},
    {"presentation.year_mismatch", "presentation",
     "标题中的年度与报告年度不一致",
     "a heading names another year than the report", "标题年度 = 报告年度",
     kMaterial, "all"},
    {"presentation.partial_period", "presentation",
     "年度决算中出现“1-9月”等不完整期间的表述",
     "a year-end report quotes a partial period (1-9月)", "决算 ⇒ 全年口径",
     kMinor, "final_accounts"},
    {"presentation.scope_mismatch", "presentation",
     "标题中的“部门/单位”用语与报告不一致",
     "a heading says 单位 in a 部门 report or the reverse",
     "标题用语 = 报告类型", kMinor, "all"},
    {"table.value_shifted", "table",
     "表中数值错列：应在基本支出（项目支出）列的数印在了另一列",
     "a table value sits in the wrong column of its row",
     "上级科目两列之差 = ±该格数值", kMaterial, "all"},
    // Structure.
    {"structure.tables_missing", "structure", "应公开的表格缺失",
     "a mandatory table is missing", "每张应公开表格均出现", kMaterial, "all"},
    {"structure.empty_table_statement", "structure", "空表应注明“本表为空”",
     "an empty table states that it is empty", "空表 ⇒ 说明", kMinor, "all"},
    // The reviewer's checklist (check/review_checks.cc).
    {"review.comparison_year", "review",
     "正文比较年度应为上年（决算也可与本年预算比较）",
     "a sentence compares with the right year: a budget with last year, a "
     "final account with last year's actuals or this year's budget",
     "预算Y: 比Y−1年; 决算Y: 比Y−1年 or 比Y年(年初/调整)预算", kMaterial,
     "all"},
    {"review.former_class_name", "review",
     "科目名称应为报告年度的名称，而非已更名的旧名称",
     "a class name is the one in use in the report's year, not a former name",
     "旧名称的使用年度 ∋ 报告年度", kMinor, "all"},
    {"review.empty_note_with_figures", "review",
     "注明“本表为空”的表中不应有非零数字",
     "a table noted as empty prints no nonzero figure",
     "“本表为空” ⇒ 表中数值全为0或空", kMaterial, "all"},
    {"review.punctuation", "review", "标点不应重复，成句段落末尾应有标点",
     "sentence punctuation is not doubled and a sentence paragraph ends "
     "with one",
     "no “。。”“，，”“；；”; 成句段落在标题前以标点结束", kMinor, "all"},
    {"review.unbalanced_quotes", "review", "同一段落中的引号、书名号应配对",
     "quotation marks and title marks are balanced within a paragraph",
     "#“ = #”, #「 = #」, #《 = #》", kMinor, "all"},
    {"review.blank_page", "review", "不应有空白页",
     "no blank page (not a scanned page: no text and no ink)", "每页有内容",
     kMinor, "all"},
    {"review.unrenderable_text", "review", "不应有无法正常显示的字符",
     "no text that does not render (U+FFFD, private-use characters, glyphs "
     "without a Unicode map)",
     "no U+FFFD, U+E000–F8FF (except symbol fonts), (cid:NN)", kMinor, "all"},
    {"review.section_order", "review", "章节应按规定顺序排列",
     "sections stand in the mandated order",
     "概况 → 情况说明; 收支总体 → 收入 → 支出 → 财政拨款 → "
     "一般公共预算 → 基本支出 → 三公 → 政府性基金 → 国有资本经营",
     kMinor, "all"},
    {"review.scope_self_reference", "review", "单位报告正文不应自称“本部门”",
     "a 单位 report does not call itself 本部门 in its text",
     "单位报告 ⇒ “本单位”", kMinor, "all"},
};

}  // namespace

// The table above with the sum identities of schema/data/sum_rules.tsv
// after sum.total_balance, in file order.
std::span<const RuleSpec> AllRules() {
  static const std::vector<RuleSpec>* all = [] {
    auto* rules = new std::vector<RuleSpec>;
    for (const RuleSpec& r : kRules) {
      rules->push_back(r);
      if (r.id != "sum.total_balance") continue;
      for (const SumRuleSpec& sum : SumRules()) {
        rules->push_back({sum.id, "sum", sum.zh, sum.en, sum.identity, kBySize,
                          sum.applies_to});
      }
    }
    return rules;
  }();
  return *all;
}

const RuleSpec* FindRule(std::string_view id) {
  for (const RuleSpec& r : AllRules()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string_view FailureClassName(FailureClass c) {
  switch (c) {
    case FailureClass::kBySize:
      return "by size";
    case FailureClass::kMaterial:
      return "material";
    case FailureClass::kMinor:
      return "minor";
  }
  return "by size";
}

std::string RulesMarkdown() {
  std::string out =
      "# Consistency checks\n\n"
      "Generated from `check/rules.cc` by `budgetdoc rules --markdown`; do not "
      "edit by hand.\n"
      "Every rule application ends in one outcome: pass, minor, material, "
      "not applicable, or not checked\n"
      "(with the reason). Printed numbers are compared as intervals of their "
      "own printed precision:\n"
      "figures that agree at the precision they are printed with pass "
      "(2940.05万元 against 29,400,500.00元;\n"
      "「增长2.7%」 for a true 2.7049%). A failure is minor or material by the "
      "rule's class: *by size* means\n"
      "minor when the printed figure is off by at most one unit of its last "
      "digit (「36.58%」 printed for 36.586%,\n"
      "a truncation), material beyond that (「增长0.06%」 printed for 0.60%). "
      "One wrong figure that breaks several\n"
      "identities is one finding listing them; the same slip repeated in one "
      "section is one finding with its places.\n"
      "A 款 printed with the word （类） "
      "(「社会保障和就业支出（类）行政事业单位"
      "养老支出（类）…（项）」) is\n"
      "`code.level_word`, minor: the item is filed right, only the level "
      "word is wrong.\n\n"
      "| id | family | failure | applies to | 说明 | description | identity "
      "|\n"
      "|---|---|---|---|---|---|---|\n";
  for (const RuleSpec& r : AllRules()) {
    out += "| `" + std::string(r.id) + "` | " + std::string(r.family) + " | " +
           std::string(FailureClassName(r.failure)) + " | " +
           std::string(r.applies_to) + " | " + std::string(r.zh) + " | " +
           std::string(r.en) + " | " + std::string(r.identity) + " |\n";
  }
  out +=
      "\n## The reviewer's checklist (`review.*`)\n\n"
      "What a finance-bureau reviewer checks besides the numbers. Each rule "
      "binds only where the text\nis unambiguous; what could be read two "
      "ways is left alone. Examples:\n\n"
      "- `review.comparison_year`: 「比2025年预算数增加」 in a 2025 budget is "
      "flagged, 「比2024年预算数增加」 passes;\n"
      "  in a 2024 final account 「比2024年年初预算增加」 passes and "
      "「比2024年决算数增加」 is flagged. Dates\n"
      "  (「2024年12月31日」, 「2024年末」), ranges (「2021-2025年」) and "
      "sentences about another year\n"
      "  (「2023年决算数…比2022年…」 in a 2025 budget) are not comparisons "
      "of the report.\n"
      "- `review.former_class_name`: 「医疗卫生与计划生育支出」 in a 2024 "
      "report (the class is 「卫生健康支出」\n"
      "  since 2019; former names and their years are in "
      "schema/data/func_codes.csv); in a 2017 report it passes.\n"
      "- `review.empty_note_with_figures`: 「本部门无政府性基金预算财政拨款"
      "收入支出，故本表为空」 right under a\n"
      "  政府性基金 table that prints 56.20. A note naming another fund, or "
      "under another heading, is not bound.\n"
      "- `review.punctuation`: 「。。」「，，」「；；」 (not 「……」 or a run "
      "of three); a sentence paragraph\n"
      "  without its end mark is judged only before a heading (before "
      "another paragraph it may be split by a page).\n"
      "- `review.unbalanced_quotes`: 「“三公经费支出10万元。」; a paragraph "
      "continued from the line before is not judged.\n"
      "- `review.blank_page`: a PDF page without text that renders white "
      "(a scan is unreadable instead).\n"
      "- `review.unrenderable_text`: U+FFFD, private-use characters (not the "
      "U+F0xx symbol-font bullets), (cid:NN).\n"
      "- `review.section_order`: 「二、支出决算情况说明」 followed by "
      "「三、收入决算情况说明」; tables, 名词解释 and\n"
      "  the 其他重要事项 have no rank (their place varies by province).\n"
      "- `review.scope_self_reference`: 「本部门」 in a report titled 单位预算/"
      "单位决算 (not 「本部门（单位）」). The\n"
      "  reverse is not checked: a 部门 made of one unit rightly says "
      "「本单位」.\n";
  return out;
}

}  // namespace budgetdoc
