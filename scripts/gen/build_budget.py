"""Builds the document model of a 部门预算 (budget) report.

Tables follow domain.md §1.3 (BU01 部门收支总表, BU02 部门收入总表,
BU03 部门支出总表, BU04 财政拨款收支总表, BU06 一般公共预算支出表,
BU07 一般公共预算基本支出表, BU09 一般公共预算“三公”经费支出表,
BU10 政府性基金预算支出表, BU12 国有资本经营预算支出表).  Year-over-year
comparisons are against last year's budget (dims basis=budget, period=prior).
"""

from gen import catalog, figures
from gen.build_common import eq
from gen.build_final import TP_LABELS, TP_METRICS, FinalBuilder
from gen.model import Cell, Fact, HCell
from gen.numfmt import ZERO

PURPOSE = {
    "01": "保障机关正常运转的基本支出",
    "02": "未单独设置项级科目的行政管理工作",
    "03": "机关后勤服务保障",
}
PURPOSE_MIRROR = "按规定为在职职工缴纳的社会保险费和住房公积金等"


def build(fig, style):
    builder = BudgetBuilder(fig, style)
    builder.run()
    return builder.doc


class BudgetBuilder(FinalBuilder):
    BASIC_HEADING = "一般公共预算基本支出预算情况说明"
    BASIC_LEAD = "%d年一般公共预算基本支出预算"
    REPORT_WORD = "预算"
    GOV_FUND = ("政府性基金预算支出情况说明", "%d年%s政府性基金预算拨款支出预算",
                "，没有使用政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。")
    SOE = ("国有资本经营预算支出情况说明", "%d年%s国有资本经营预算拨款支出预算",
           "，没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出表为空表。")

    def run(self):
        m, s = self.meta, self.style
        self.title = "%s%d年%s预算" % (m.unit_name, self.year, m.scope)
        overview = self.capture(self.overview)
        tables = self.capture(self.tables)
        explain = self.capture(self.explain)
        glossary = self.capture(self.glossary)
        blocks = self.doc.blocks
        self.h(0, self.title)
        self.h(1, self.part_title(1, "%s概况" % m.scope))
        blocks.extend(overview)
        if s.template in ("sichuan", "shanghai"):
            order = [("%d年%s预算情况说明" % (self.year, m.scope), explain),
                     ("名词解释", glossary), ("%d年%s预算表" % (self.year, m.scope), tables)]
        else:
            order = [("%d年%s预算表" % (self.year, m.scope), tables),
                     ("%d年%s预算情况说明" % (self.year, m.scope), explain),
                     ("名词解释", glossary)]
        for n, (title, part) in enumerate(order, start=2):
            self.page_break()
            self.h(1, self.part_title(n, title))
            blocks.extend(part)

    def table_title(self, name):
        return ("%d年%s" % (self.year, name)) if self.style.template == "shanghai" else name

    # ----- tables ----------------------------------------------------------
    def tables(self):
        self.bu01()
        self.bu02()
        self.bu03()
        self.bu04()
        self.bu06()
        self.bu07()
        self.bu09()
        self.bu10_12()

    def bu01(self):
        f = self.fig
        name = "财务收支预算总表" if self.style.template == "shanghai" else "部门收支总表"
        cells_h, labels, lw, rw = self.two_panel_header("收入", "支出", ["预算数"], ["预算数"])
        table = self.new_table("BU01", self.table_title(name), lw + rw, 2, cells_h, labels)
        left = []
        for i, (metric, label, amount) in enumerate(f.income_sources(), start=1):
            left.append(("%s、%s" % (catalog.cn_ordinal(i), label), [(metric, amount, {}, metric)]))
        lei = f.lei_totals("total")
        right = []
        for i, code in enumerate(f.lei_codes(), start=1):
            label = "%s、%s" % (catalog.cn_ordinal(i), catalog.lei_name(code, self.year))
            right.append((label, [("expenditure.by_func", lei[code], {"func_code": code},
                                   "expenditure.by_func." + code)]))
        top = max(len(left), len(right))
        left += [None] * (top - len(left))
        right += [None] * (top - len(right))
        bottom = [
            (("本年收入合计", [("income.total", f.income_total, {}, "income.total")]),
             ("本年支出合计", [("expenditure.total", f.exp_total, {}, "expenditure.total")])),
            (("上年结转（结余）", [("income.begin_carryover", f.carry_begin, {}, "income.begin_carryover")]),
             ("年末结转（结余）", [("expenditure.end_carryover", ZERO, {}, "expenditure.end_carryover")])),
            (("收入总计", [("income.grand_total", f.grand_total, {}, "income.grand_total")]),
             ("支出总计", [("expenditure.grand_total", f.grand_total, {}, "expenditure.grand_total")])),
        ]
        facts, rownum = {}, [0]
        for l, r in list(zip(left, right)) + bottom:
            row, got = self.panel_row("BU01", l, r, lw, rw, rownum)
            facts.update(got)
            table.rows.append(row)
        self.renumber(table, lw)
        self.T["BU01"] = facts
        self.T["FA01"] = facts  # shared narrative code looks tables up by the 决算 id
        self.check("sum.income.by_source", "sum", total=facts["income.total"],
                   parts=[facts[m] for m, _, _ in f.income_sources()])
        self.check("sum.func.classes", "sum", total=facts["expenditure.total"],
                   parts=[facts["expenditure.by_func." + c] for c in f.lei_codes()])
        self.check("sum.income.grand_total", "sum", total=facts["income.grand_total"],
                   parts=[facts["income.total"], facts["income.begin_carryover"]])
        self.check("sum.expenditure.grand_total", "sum", total=facts["expenditure.grand_total"],
                   parts=[facts["expenditure.total"], facts["expenditure.end_carryover"]])
        eq(self, "sum.total_balance", facts["income.grand_total"], facts["expenditure.grand_total"])
        self.add_table(table)

    def bu02(self):
        f = self.fig
        nf_metric = next(iter(f.nonfiscal), None)
        cols = [("合计", ("income.grand_total", "income.by_func")),
                ("上年结转", "income.begin_carryover"),
                ("一般公共预算拨款收入", "income.fiscal.gpb"),
                ("政府性基金预算拨款收入", "income.fiscal.gov_fund"),
                ("国有资本经营预算拨款收入", "income.fiscal.soe"),
                ("事业收入", "income.business"),
                ("上级补助收入", "income.superior_subsidy"),
                ("其他收入", "income.other")]
        spec = [(None, label, metric, {}) for label, metric in cols]

        def values(line):
            out = [line.total, line.carry_begin, line.fiscal_income, ZERO, ZERO]
            for _, metric in cols[5:]:
                out.append(line.nf if metric == nf_metric else ZERO)
            return out

        table, cells = self.func_table("BU02", self.table_title("部门收入总表"), spec, f.lines, values,
                                       row_rules=[("sum.income.by_source", 0, list(range(1, 8)))],
                                       blank_cols=range(1, 8))
        self.T["BU02"] = cells
        eq(self, "agree.table_table", cells[("total", 0)], self.T["BU01"]["income.grand_total"])

    # 部门支出总表 columns after 合计: (label, metric, value of a Line).
    BU03_PARTS = [("基本支出", "expenditure.basic", lambda l: l.basic),
                  ("项目支出", "expenditure.project", lambda l: l.project + l.nf),
                  ("上缴上级支出", "expenditure.remit_superior", lambda l: ZERO),
                  ("事业单位经营支出", "expenditure.operating", lambda l: ZERO),
                  ("对附属单位补助支出", "expenditure.affiliate_subsidy", lambda l: ZERO)]

    def bu03(self):
        f = self.fig
        parts = self.BU03_PARTS
        spec = [(None, "合计", ("expenditure.total", "expenditure.by_func"), {})]
        spec += [(None, label, metric, {}) for label, metric, _ in parts]
        n = len(parts)
        table, cells = self.func_table("BU03", self.table_title("部门支出总表"), spec, f.lines,
                                       lambda l: [l.total] + [value(l) for _, _, value in parts],
                                       row_rules=[("sum.expenditure.basic_project", 0, list(range(1, n + 1)))],
                                       blank_cols=range(1, n + 1))
        self.T["BU03"] = cells
        self.T["FA03"] = cells
        eq(self, "agree.table_table", cells[("total", 0)], self.T["BU01"]["expenditure.total"])

    def bu04(self):
        f = self.fig
        funds = [("gpb", "一般公共预算拨款"), ("gov_fund", "政府性基金预算拨款"), ("soe", "国有资本经营预算拨款")]
        name = "财政拨款收支预算总表" if self.style.template == "sichuan" else "财政拨款收支总表"
        cells_h, labels, lw, rw = self.two_panel_header(
            "收入", "支出", ["预算数"], ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"])
        table = self.new_table("BU04", self.table_title(name), lw + rw, 2, cells_h, labels)
        income = {"gpb": f.gpb_income, "gov_fund": ZERO, "soe": ZERO}
        begin = {"gpb": f.carry_begin, "gov_fund": ZERO, "soe": ZERO}
        left = [("一、本年收入", [("fiscal.income.total", f.gpb_income, {"fund": "fiscal"}, "income.total")])]
        for i, (key, label) in enumerate(funds, start=1):
            left.append(("（%s）%s" % (catalog.cn_ordinal(i), label),
                         [("fiscal.income", income[key], {"fund": key}, "fiscal.income." + key)]))
        left.append(("二、上年结转", [("fiscal.begin_carryover", f.carry_begin, {"fund": "fiscal"}, "begin.all")]))
        for i, (key, label) in enumerate(funds, start=1):
            left.append(("（%s）%s" % (catalog.cn_ordinal(i), label),
                         [("fiscal.begin_carryover", begin[key], {"fund": key}, "begin." + key)]))
        lei = f.lei_totals("gpb")
        right = []
        codes = [c for c in f.lei_codes() if lei[c]]
        for i, code in enumerate(codes, start=1):
            label = "%s、%s" % (catalog.cn_ordinal(i), catalog.lei_name(code, self.year))
            values = [("fiscal.expenditure.by_func", lei[code], {"func_code": code, "fund": "fiscal"},
                       "exp.%s.all" % code)]
            values += [("fiscal.expenditure.by_func", lei[code] if key == "gpb" else ZERO,
                        {"func_code": code, "fund": key}, "exp.%s.%s" % (code, key)) for key, _ in funds]
            right.append((label, values))
        top = max(len(left), len(right))
        left += [None] * (top - len(left))
        right += [None] * (top - len(right))
        spend = {"gpb": f.gpb_total, "gov_fund": ZERO, "soe": ZERO}
        grand_out = [("fiscal.expenditure.grand_total", f.gpb_total, {"fund": "fiscal"}, "grand.out.all")]
        grand_out += [("fiscal.expenditure.grand_total", spend[k], {"fund": k}, "grand.out." + k) for k, _ in funds]
        bottom = [(("收入总计", [("fiscal.income.grand_total", f.fiscal_grand_total, {"fund": "fiscal"},
                                 "grand.in")]), ("支出总计", grand_out))]
        facts, rownum = {}, [0]
        for l, r in list(zip(left, right)) + bottom:
            row, got = self.panel_row("BU04", l, r, lw, rw, rownum)
            facts.update(got)
            table.rows.append(row)
        self.renumber(table, lw)
        self.T["BU04"] = facts
        self.T["FA04"] = facts
        self.check("sum.income.by_source", "sum", total=facts["income.total"],
                   parts=[facts["fiscal.income." + k] for k, _ in funds])
        self.check("sum.fiscal.by_fund", "sum", total=facts["begin.all"],
                   parts=[facts["begin." + k] for k, _ in funds])
        self.check("sum.income.grand_total", "sum", total=facts["grand.in"],
                   parts=[facts["income.total"], facts["begin.all"]])
        for col in ["all"] + [k for k, _ in funds]:
            self.check("sum.func.classes", "sum", total=facts["grand.out." + col],
                       parts=[facts["exp.%s.%s" % (c, col)] for c in codes])
        for name in ["exp.%s" % c for c in codes] + ["grand.out"]:
            self.check("sum.fiscal.by_fund", "sum", total=facts[name + ".all"],
                       parts=[facts["%s.%s" % (name, k)] for k, _ in funds])
        eq(self, "sum.total_balance", facts["grand.in"], facts["grand.out.all"])
        eq(self, "agree.table_table", facts["fiscal.income.gpb"], self.T["BU01"]["income.fiscal.gpb"])
        self.add_table(table)

    def bu06(self):
        f = self.fig
        name = "一般公共预算支出功能分类预算表" if self.style.template == "shanghai" else "一般公共预算支出表"
        spec = [("本年预算数", "合计", ("gpb.expenditure.total", "gpb.expenditure.by_func"), {"fund": "gpb"}),
                ("本年预算数", "基本支出", "gpb.expenditure.basic", {"fund": "gpb"}),
                ("本年预算数", "项目支出", "gpb.expenditure.project", {"fund": "gpb"})]
        lines = [l for l in f.lines if l.gpb]
        table, cells = self.func_table("BU06", self.table_title(name), spec, lines,
                                       lambda l: [l.gpb, l.basic, l.project],
                                       row_rules=[("sum.gpb.basic_project", 0, [1, 2])],
                                       blank_cols=(1, 2))
        self.T["BU06"] = cells
        self.T["FA06"] = cells
        eq(self, "agree.table_table", cells[("total", 0)], self.T["BU04"]["grand.out.gpb"])

    def bu07(self):
        f = self.fig
        name = ("一般公共预算基本支出部门预算经济分类预算表" if self.style.template == "shanghai"
                else "一般公共预算基本支出表")
        cells_h = [HCell(0, 0, "部门预算支出经济分类科目", colspan=2), HCell(0, 2, "本年一般公共预算基本支出", colspan=3)]
        labels = ["科目编码", "科目名称"]
        for i, text in enumerate(("科目编码", "科目名称")):
            cells_h.append(HCell(1, i, text))
        for i, text in enumerate(("合计", "人员经费", "公用经费")):
            cells_h.append(HCell(1, 2 + i, text))
            labels.append("本年一般公共预算基本支出/" + text)
        table = self.new_table("BU07", self.table_title(name), 5, 2, cells_h, labels)
        rows = []
        for lei in ("301", "302", "303", "310"):
            items = [(c, a, "personnel") for c, a in f.personnel if c.startswith(lei)]
            items += [(c, a, "public") for c, a in f.public if c.startswith(lei)]
            if not items:
                continue
            panel = items[0][2]
            rows.append((lei, catalog.ECON_LEI[lei], sum((a for _, a, _ in items), ZERO), panel, True))
            rows += [(c, catalog.ECON_KUAN[c], a, p, False) for c, a, p in items]
        total = ("total", "合计", f.personnel_total + f.public_total, None, True)
        ordered = ([total] + rows) if self.style.template != "shanghai" else (rows + [total])
        facts = {}
        blank = "" if self.style.detail_zero_blank else self.style.zero_cell
        for code, label, amount, panel, bold in ordered:
            if code == "total":
                vals = [amount, f.personnel_total, f.public_total]
            else:
                vals = [amount, amount if panel == "personnel" else ZERO, amount if panel == "public" else ZERO]
            row = [Cell(text="" if code == "total" else code, row_label=label),
                   Cell(text=label, row_label=label, bold=bold)]
            for j, (metric, value) in enumerate(zip(
                    (("gpb.expenditure.basic" if code == "total" else "gpb.basic.by_econ"),
                     "gpb.basic.personnel", "gpb.basic.public"), vals)):
                dims = {"fund": "gpb"}
                if code != "total":
                    dims["econ_code"] = code
                fact = self.table_fact(value, metric, "BU07", code, j, zero=(blank if j else self.style.zero_cell),
                                       **dims)
                facts[(code, j)] = fact
                row.append(Cell(fact=fact, row_label=label, code=None if code == "total" else code))
            table.rows.append(row)
            self.check("sum.basic.personnel_public", "sum", total=facts[(code, 0)],
                       parts=[facts[(code, 1)], facts[(code, 2)]])
        leis = [r[0] for r in rows if r[4]]
        for j in range(3):
            self.check("sum.econ.items", "sum", total=facts[("total", j)], parts=[facts[(l, j)] for l in leis])
            for lei in leis:
                kids = [r[0] for r in rows if not r[4] and r[0].startswith(lei)]
                self.check("sum.econ.items", "sum", total=facts[(lei, j)], parts=[facts[(k, j)] for k in kids])
        self.T["BU07"] = facts
        eq(self, "agree.table_table", facts[("total", 0)], self.T["BU06"][("total", 1)])
        # Narrative code reads FA08-style names.
        self.T["FA08"] = dict(facts)
        self.T["FA08"]["personnel"] = facts[("total", 1)]
        self.T["FA08"]["public"] = facts[("total", 2)]
        for code, *_ in rows:
            self.T["FA08"][code] = facts[(code, 0)]
        self.add_table(table)

    def bu09(self):
        tp = self.fig.tp
        name = ("“三公”经费和机关运行经费预算表" if self.style.template == "shanghai"
                else "一般公共预算“三公”经费支出表")
        self.tp_table("BU09", self.table_title(name), [("上年预算数", "prior", tp.prior), ("本年预算数", "current", tp.actual)])
        self.T["FA13"] = self.T["BU09"]

    def bu10_12(self):
        y, short = self.year, self.meta.short_name
        spec = [("本年预算数", "合计", "gov_fund.expenditure.total", {"fund": "gov_fund"}),
                ("本年预算数", "基本支出", "gov_fund.expenditure.basic", {"fund": "gov_fund"}),
                ("本年预算数", "项目支出", "gov_fund.expenditure.project", {"fund": "gov_fund"})]
        self.empty_table("BU10", self.table_title("政府性基金预算支出表"), spec,
                         "注：%s%d年没有使用政府性基金预算拨款安排的支出，故本表为空表。" % (short, y))
        spec = [("本年预算数", "合计", "soe.expenditure.total", {"fund": "soe"}),
                ("本年预算数", "基本支出", "soe.expenditure.basic", {"fund": "soe"}),
                ("本年预算数", "项目支出", "soe.expenditure.project", {"fund": "soe"})]
        self.empty_table("BU12", self.table_title("国有资本经营预算支出表"), spec,
                         "注：%s%d年没有使用国有资本经营预算拨款安排的支出，故本表为空表。" % (short, y))

    # ----- 说明 --------------------------------------------------------------
    def explain(self):
        self.sec = 0
        for step in (self.b_total, self.b_income, self.b_expenditure, self.b_fiscal, self.b_gpb,
                     self.b_basic, self.b_three_public, self.s_gov_fund, self.s_soe, self.b_other):
            self.sec += 1
            step()

    def b_total(self):
        f, y, s = self.fig, self.year, self.style
        self.h(2, self.sec_title(self.sec, "收支预算总体情况说明"))
        t01 = self.T["BU01"]
        x = self.amt(f.grand_total, "income.grand_total", tag="n.income.grand_total")
        yy = self.yoy(x, f.prior["grand_total"], "income.grand_total", "n.income.grand_total")
        if s.total_phrase == "both":
            x.also_metrics = ["expenditure.grand_total"]
            self.p("%d年%s收、支预算总计均为" % (y, self.meta.unit_name), x, "。与%d年预算相比，" % (y - 1),
                   self.yoy_parts(yy, "收、支预算总计", each=True), "。", self.reason(yy["words"], yy))
            eq(self, "agree.text_table", x, t01["income.grand_total"])
            eq(self, "agree.text_table", x, t01["expenditure.grand_total"])
        else:
            e = self.amt(f.grand_total, "expenditure.grand_total", tag="n.expenditure.grand_total")
            self.p("%d年%s收入预算总计" % (y, self.meta.unit_name), x, "，支出预算总计", e,
                   "。与%d年预算相比，" % (y - 1), self.yoy_parts(yy, "收入预算总计"), "。",
                   self.reason(yy["words"], yy))
            eq(self, "agree.text_table", x, t01["income.grand_total"])
            eq(self, "agree.text_table", e, t01["expenditure.grand_total"])
            eq(self, "sum.total_balance", x, e)

    def b_income(self):
        f, y = self.fig, self.year
        self.h(2, self.sec_title(self.sec, "收入预算情况说明"))
        total = self.amt(f.income_total, "income.total", tag="n.income.total")
        parts, shares, listed = self.source_list(total, f.income_sources(), "income.total", "n.income")
        tail = []
        if f.carry_begin:
            c = self.amt(f.carry_begin, "income.begin_carryover", tag="n.income.begin_carryover")
            tail = ["此外，上年结转", c, "。"]
            eq(self, "agree.text_table", c, self.T["BU01"]["income.begin_carryover"])
        self.p("%d年本年收入预算合计" % y, total, "，其中：", parts, tail)
        self.check("share.sum_100", "group100", shares=shares)
        facts = [p for p in parts if isinstance(p, Fact) and p.measure == "amount"]
        self.check("sum.income.by_source", "sum", total=total, parts=facts)
        eq(self, "agree.text_table", total, self.T["BU01"]["income.total"])
        for fact, (metric, _, _) in zip(facts, listed):
            eq(self, "agree.text_table", fact, self.T["BU01"][metric])

    def b_expenditure(self):
        f, y = self.fig, self.year
        self.h(2, self.sec_title(self.sec, "支出预算情况说明"))
        total = self.amt(f.exp_total, "expenditure.total", tag="n.expenditure.total")
        self.exp_total_fact = total
        items = [("expenditure.basic", "基本支出", f.exp_basic), ("expenditure.project", "项目支出", f.exp_project)]
        parts, shares, listed = self.source_list(total, items, "expenditure.total", "n.expenditure")
        self.p("%d年本年支出预算合计" % y, total, "，其中：", parts)
        self.check("share.sum_100", "group100", shares=shares)
        facts = [p for p in parts if isinstance(p, Fact) and p.measure == "amount"]
        self.check("sum.expenditure.basic_project", "sum", total=total, parts=facts)
        eq(self, "agree.text_table", total, self.T["BU03"][("total", 0)])
        for fact, col in zip(facts, (1, 2)):
            eq(self, "agree.text_table", fact, self.T["BU03"][("total", col)])

    def b_fiscal(self):
        f, y = self.fig, self.year
        self.h(2, self.sec_title(self.sec, "财政拨款收支预算总体情况说明"))
        x = self.amt(f.fiscal_grand_total, "fiscal.income.grand_total", tag="n.fiscal.grand_total", fund="fiscal")
        x.also_metrics = ["fiscal.expenditure.grand_total"]
        yy = self.yoy(x, f.prior["fiscal_grand_total"], "fiscal.income.grand_total", "n.fiscal.grand_total",
                      fund="fiscal")
        self.p("%d年财政拨款收、支预算总计均为" % y, x, "。与%d年预算相比，" % (y - 1),
               self.yoy_parts(yy, "财政拨款收、支预算总计", each=True), "。", self.reason(yy["words"], yy))
        eq(self, "agree.text_table", x, self.T["BU04"]["grand.in"])
        eq(self, "agree.text_table", x, self.T["BU04"]["grand.out.all"])

    def b_gpb(self):
        f, y = self.fig, self.year
        t06 = self.T["BU06"]
        self.h(2, self.sec_title(self.sec, "一般公共预算支出预算情况说明"))
        self.h(3, self.sub_title(1, "一般公共预算支出规模变化情况"))
        g = self.amt(f.gpb_total, "gpb.expenditure.total", tag="n.gpb.total", fund="gpb")
        sh = self.share(g, self.exp_total_fact, "gpb.expenditure.total", "expenditure.total",
                        tag="n.gpb.total.share", fund="gpb")
        yy = self.yoy(g, f.prior["gpb_total"], "gpb.expenditure.total", "n.gpb.total", fund="gpb")
        self.p("%d年一般公共预算支出预算" % y, g, "，占本年支出预算合计的", sh, "。与%d年预算相比，" % (y - 1),
               self.yoy_parts(yy, "一般公共预算支出预算"), "。", self.reason(yy["words"], yy))
        eq(self, "agree.text_table", g, t06[("total", 0)])

        g2 = self.gpb_structure(g, "一般公共预算支出结构情况", "%d年一般公共预算支出预算" % y)

        self.h(3, self.sub_title(3, "一般公共预算支出具体情况"))
        n = 0
        xiang = []
        for line in sorted(f.lines, key=lambda l: l.code):
            if not line.gpb:
                continue
            n += 1
            code = line.code
            a = self.amt(line.gpb, "gpb.expenditure.by_func", tag="n.gpb.xiang.%s" % code, fund="gpb",
                         func_code=code)
            xiang.append(a)
            eq(self, "agree.text_table", a, t06[(code, 0)])
            purpose = PURPOSE_MIRROR if code in catalog.MIRROR else PURPOSE.get(code[5:], "相关业务工作")
            label = "%s（类）%s（款）%s（项）" % (catalog.short_lei(catalog.lei_name(code[:3], y)),
                                          catalog.kuan_name(code, y), catalog.xiang_name(code))
            self.p("%d.%s" % (n, label), a, "，主要用于%s。" % purpose, kind="list")
        self.check("sum.func.hierarchy", "sum", total=g2, parts=xiang)

    def gpb_structure(self, g, heading, lead):
        """(二): the 类 of 一般公共预算 spending with their shares, after a
        repeat of the total g; returns the repeated total."""
        f, y, t06 = self.fig, self.year, self.T["BU06"]
        self.h(3, self.sub_title(2, heading))
        g2 = self.amt(f.gpb_total, "gpb.expenditure.total", tag="n.gpb.total.2", fund="gpb")
        eq(self, "agree.repeat", g2, g)
        lei = f.lei_totals("gpb")
        parts, shares, amounts = [], [], []
        codes = [c for c in f.lei_codes() if lei[c]]
        for i, code in enumerate(codes):
            fact = self.amt(lei[code], "gpb.expenditure.by_func", tag="n.gpb.lei.%s" % code, fund="gpb",
                            func_code=code)
            share = self.share(fact, g2, "gpb.expenditure.by_func", "gpb.expenditure.total",
                               tag="n.gpb.lei.%s.share" % code, fund="gpb", func_code=code)
            eq(self, "agree.text_table", fact, t06[(code, 0)])
            amounts.append(fact)
            shares.append(share)
            parts += [catalog.lei_name(code, y), fact, "，占", share, "；" if i < len(codes) - 1 else "。"]
        self.p(lead, g2, "，按支出功能分类：", parts)
        self.check("share.sum_100", "group100", shares=shares)
        self.check("sum.func.classes", "sum", total=g2, parts=amounts)
        return g2

    def tp_vehicle_split(self, fact, words):
        """The 车 amount's split into 购置费 and 运行费, printed with
        words = (before 购置费, between, after); returns the parts."""
        values = self.fig.tp.actual
        t09 = self.T["BU09"]
        pu = self.amt(values["purchase"], TP_METRICS["purchase"], tag="n.tp.purchase", fund="fiscal")
        op = self.amt(values["operation"], TP_METRICS["operation"], tag="n.tp.operation", fund="fiscal")
        self.check("sum.three_public.vehicle", "sum", total=fact, parts=[pu, op])
        for key, x in (("purchase", pu), ("operation", op)):
            if t09.get(("current", key)) is not None:
                eq(self, "agree.text_table", x, t09[("current", key)])
        return [words[0], pu, words[1], op, words[2]]

    def b_basic(self):
        self.s_basic()

    def b_three_public(self):
        f, y, s = self.fig, self.year, self.style
        tp = f.tp
        t09 = self.T["BU09"]
        self.h(2, self.sec_title(self.sec, "“三公”经费预算情况说明"))
        total_value = figures.ThreePublic.total(tp.actual)
        t = self.amt(total_value, "three_public.total", tag="n.tp.total", fund="fiscal")
        yy = self.yoy(t, figures.ThreePublic.total(tp.prior), "three_public.total", "n.tp.total",
                      prior_printed=s.yoy_prior, fund="fiscal")
        if yy["chg"] is not None:
            self.check("change", "yoy", cur=t, chg=yy["chg"], rate=yy["rate"], prior=t09[("prior", "total")])
        if yy["prior"] is not None:
            eq(self, "agree.text_table", yy["prior"], t09[("prior", "total")])
        eq(self, "agree.text_table", t, t09[("current", "total")])
        versus = ["比上年预算"] + (["的", yy["prior"]] if yy["prior"] is not None else [])
        values = {"outbound": tp.actual["outbound"], "vehicle": figures.ThreePublic.vehicle(tp.actual),
                  "reception": tp.actual["reception"]}
        parts, shares, amounts = [], [], {}
        for i, key in enumerate(("outbound", "vehicle", "reception")):
            fact = self.amt(values[key], TP_METRICS[key], tag="n.tp.%s" % key, fund="fiscal")
            share = self.share(fact, t, TP_METRICS[key], "three_public.total", tag="n.tp.%s.share" % key,
                               fund="fiscal")
            amounts[key] = fact
            shares.append(share)
            eq(self, "agree.text_table", fact, t09[("current", key)])
            parts += [TP_LABELS[key], fact, "，占", share]
            if key == "vehicle":
                parts += self.tp_vehicle_split(fact, ("（其中：公务用车购置费", "，公务用车运行费", "）"))
            parts.append("；" if i < 2 else "。")
        self.p("%d年“三公”经费预算" % y, t, "，", versus, self.yoy_parts(yy), "。其中：", parts)
        self.check("share.sum_100", "group100", shares=shares)
        self.check("sum.three_public.total", "sum", total=t, parts=list(amounts.values()))
        bought = self.count(tp.purchased, "three_public.vehicle.purchased_count", "辆", tag="n.tp.purchased")
        fleet = self.count(tp.fleet, "three_public.vehicle.fleet_count", "辆", tag="n.tp.fleet")
        self.fleet_fact = fleet
        detail = []
        if tp.batches:
            batches = self.count(tp.batches, "three_public.reception.batches", "批次", tag="n.tp.batches")
            detail = ["全年计划国内公务接待", batches, "。"]
        self.p("%d年计划购置公务用车" % y, bought, "，年初公务用车保有量", fleet, "。", detail)

    def b_other(self):
        self.h(2, self.sec_title(self.sec, "其他重要事项的情况说明"))
        for n, step in enumerate((self.b_admin, self.b_procurement, self.b_assets, self.b_perf), start=1):
            step(n)

    def b_admin(self, n):
        f, y, m, s = self.fig, self.year, self.meta, self.style
        self.h(3, self.sub_title(n, "机关运行经费"))
        a = self.amt(f.admin_cost, "admin_operating_cost", tag="n.admin", fund="gpb")
        yy = self.yoy(a, f.prior["admin_cost"], "admin_operating_cost", "n.admin", prior_printed=s.yoy_prior,
                      fund="gpb")
        versus = ["比上年预算"] + (["的", yy["prior"]] if yy["prior"] is not None else [])
        a2 = self.amt(f.admin_cost, "admin_operating_cost", tag="n.admin.2", fund="gpb")
        self.p("%d年%s机关运行经费预算" % (y, m.unit_name), a, "，", versus, self.yoy_parts(yy), "。",
               self.reason(yy["words"], yy), "机关运行经费预算", a2, "主要用于保障机关日常运转的办公、水电、物业和差旅等支出。")
        self.check("agree.admin_cost", "le", a=a, b=self.T["FA08"]["public"])
        self.check("agree.admin_cost", "le", a=a2, b=self.T["FA08"]["public"])
        eq(self, "agree.repeat", a2, a)

    def b_procurement(self, n):
        f, y, m = self.fig, self.year, self.meta
        self.h(3, self.sub_title(n, "政府采购预算情况"))
        pr = f.procurement
        total_value = pr["goods"] + pr["works"] + pr["services"]
        t = self.amt(total_value, "procurement.total", tag="n.proc.total")
        if total_value:
            g = self.amt(pr["goods"], "procurement.goods", tag="n.proc.goods")
            w = self.amt(pr["works"], "procurement.works", tag="n.proc.works")
            sv = self.amt(pr["services"], "procurement.services", tag="n.proc.services")
            sme = self.amt(pr["sme"], "procurement.sme", tag="n.proc.sme")
            sme_share = self.share(sme, t, "procurement.sme", "procurement.total", tag="n.proc.sme.share")
            self.p("%d年%s政府采购预算总额" % (y, m.short_name), t, "，其中：货物类", g, "、工程类", w,
                   "、服务类", sv, "。面向中小企业预留采购份额", sme, "，占政府采购预算总额的", sme_share, "。")
            self.check("sum.procurement", "sum", total=t, parts=[g, w, sv])
        else:
            self.p("%d年%s政府采购预算总额" % (y, m.short_name), t, "，未安排政府采购预算。")

    def b_assets(self, n):
        f, y, m = self.fig, self.year, self.meta
        self.h(3, self.sub_title(n, "国有资产占用情况"))
        fleet = self.count(f.tp.fleet, "three_public.vehicle.fleet_count", "辆", tag="n.assets.fleet")
        eq(self, "agree.counts", fleet, self.fleet_fact)
        self.p("截至%d年底，%s共有公务用车" % (y - 1, m.short_name), fleet,
               "；无单价50万元以上通用设备，无单价100万元以上专用设备。")

    def b_perf(self, n):
        f, y, m = self.fig, self.year, self.meta
        self.h(3, self.sub_title(n, "项目绩效目标设置情况"))
        n = self.count(f.perf_projects, "perf.projects.with_targets", "个", tag="n.perf.projects")
        # The money of the projects with targets: all projects here, but not a
        # restatement of 项目支出 that readers may check against the table.
        pj = self.amt(f.exp_project, "perf.projects.amount", tag="n.perf.project_money")
        self.p("%s%d年对" % (m.short_name, y), n, "项目编制了绩效目标，涉及项目支出预算", pj, "。")
