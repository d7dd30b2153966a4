"""Builds the document model of a 部门决算 (final accounts) report.

Structure (domain.md §1.1): 第一部分 概况, 第二部分 情况说明 一…十, 名词解释,
and the nine tables (FA01, FA02, FA03, FA04, FA06, FA08, FA10, FA12, FA13).
The central template puts the tables before the 说明; Sichuan puts them last.
"""

from decimal import Decimal

from gen import catalog, figures, numfmt
from gen.build_common import Builder, eq
from gen.model import Cell, Check, Fact, HCell
from gen.numfmt import ZERO

REASON_UP = [
    "新增重点工作任务，相关项目支出增加",
    "人员变动及工资标准调整，人员经费增加",
    "承接新增职能，业务经费相应增加",
]
REASON_DOWN = [
    "压减一般性支出，部分项目结束后不再安排",
    "项目安排调整，项目支出减少",
    "落实过紧日子要求，严控各项开支",
]
UNDER_BUDGET = [
    "严格执行各项节约规定，部分支出未发生",
    "部分工作按进度调整，资金结转下年使用",
]
OVER_BUDGET = ["年中追加了相关工作经费"]

TP_LABELS = {
    "outbound": "因公出国（境）费",
    "vehicle": "公务用车购置及运行费",
    "purchase": "公务用车购置费",
    "operation": "公务用车运行维护费",
    "reception": "公务接待费",
}
TP_METRICS = {
    "total": "three_public.total",
    "outbound": "three_public.outbound",
    "vehicle": "three_public.vehicle",
    "purchase": "three_public.vehicle.purchase",
    "operation": "three_public.vehicle.operation",
    "reception": "three_public.reception",
}


def build(fig, style):
    builder = FinalBuilder(fig, style)
    builder.run()
    return builder.doc


class FinalBuilder(Builder):
    BASIC_HEADING = "一般公共预算财政拨款基本支出决算情况说明"
    BASIC_LEAD = "%d年度一般公共预算财政拨款基本支出"
    REPORT_WORD = "决算"
    GOV_FUND = ("政府性基金预算支出决算情况说明",
                "%d年度%s政府性基金预算财政拨款支出", "，政府性基金预算财政拨款收入支出决算表为空表。")
    SOE = ("国有资本经营预算支出决算情况说明",
           "%d年度%s国有资本经营预算财政拨款支出", "，国有资本经营预算财政拨款支出决算表为空表。")

    def reason(self, words, yy=None):
        """The 主要原因是 clause after a change.  With style.reason_amounts the
        clause names two amounts that make up the change (一是…二是…); they
        are components of the change (measure `component`), never the
        subject's own figures."""
        chg = yy["chg"] if yy else None
        if self.style.reason_amounts and chg is not None and abs(chg.value()) >= Decimal("0.04"):
            return self.reason_amounts(chg)
        pool = REASON_UP if words and words[0] == "增加" else REASON_DOWN
        return "主要原因是" + self.fig_rng_choice(pool) + "。"

    def reason_amounts(self, chg):
        mag = abs(chg.value())
        first = numfmt.q2(mag * Decimal("0.6"))
        parts_v = (first, mag - first)
        up = chg.value() > 0
        acts = catalog.UP_ACTS if up else catalog.DOWN_ACTS
        out, comps = ["主要原因是：一是"], []
        for i, value in enumerate(parts_v):
            label = self.fig_rng_choice(acts) % self.fig_rng_choice(catalog.TOPICS)
            fact = Fact(chg.metric_id, "component", numfmt.fmt_amount(value, drop=self.style.text_drop_zeros), "万元",
                        dict(chg.dims, component_of="change"), "万元", tag="%s.reason%d" % (chg.tag, i + 1),
                        base_metric_id=chg.metric_id, year=self.year)
            fact.label = label
            comps.append((fact, label))
            out += [label, fact, "；二是" if i == 0 else "。"]
        chg.reason_parts = comps
        check = Check("sum.change_components", "components", parts=[f for f, _ in comps], chg=chg)
        check.signs = [1 if up else -1] * 2
        self.doc.checks.append(check)
        return out

    def fig_rng_choice(self, pool):
        # Deterministic choice without consuming the figures' RNG: hash of
        # the pool size and the running fact count.
        self._choice = getattr(self, "_choice", 0) + 1
        return pool[(self._choice * 7 + self.year) % len(pool)]

    def run(self):
        m, s = self.meta, self.style
        self.title = "%s%d年度%s决算" % (m.unit_name, self.year, m.scope)
        overview = self.capture(self.overview)
        tables = self.capture(self.tables)
        explain = self.capture(self.explain)
        glossary = self.capture(self.glossary)
        blocks = self.doc.blocks
        self.h(0, self.title)
        self.h(1, self.part_title(1, "%s概况" % m.scope))
        blocks.extend(overview)
        if s.template == "sichuan":
            order = [("%d年度%s决算情况说明" % (self.year, m.scope), explain),
                     ("名词解释", glossary), ("附表", tables)]
        else:
            order = [("%d年度%s决算表" % (self.year, m.scope), tables),
                     ("%d年度%s决算情况说明" % (self.year, m.scope), explain),
                     ("名词解释", glossary)]
        for n, (title, part) in enumerate(order, start=2):
            self.page_break()
            self.h(1, self.part_title(n, title))
            blocks.extend(part)

    # ----- 第一部分 --------------------------------------------------------
    def overview(self):
        f, m = self.fig, self.meta
        self.h(2, self.sec_title(1, "%s职责" % m.scope))
        self.p("%s主要职责如下：" % m.unit_name)
        for i, duty in enumerate(f.duties, start=1):
            self.p("%d.%s" % (i, duty), kind="list")
        self.h(2, self.sec_title(2, "机构设置"))
        kind = "科室" if m.region.level != "county" or m.dept.key == "street" else "股室"
        if m.region.level == "province":
            kind = "处室"
        n = self.count(len(f.internal_units), "org.internal_units", "个", tag="n.org.internal_units")
        self.p("%s内设%s，共" % (m.unit_name, "、".join(f.internal_units)), n, "%s。" % kind)
        if f.affiliates:
            a = self.count(len(f.affiliates), "org.affiliated_units", "个", tag="n.org.affiliates")
            self.p("%s下属事业单位" % m.short_name, a, "，分别是：%s。本%s为%s本级及下属单位的汇总%s。"
                   % ("、".join(f.affiliates), self.REPORT_WORD, m.short_name.replace("本", ""), self.REPORT_WORD))
        else:
            self.p("%s无下属预算单位，本%s仅反映%s本级情况。" % (m.short_name, self.REPORT_WORD, m.short_name))

    # ----- tables ----------------------------------------------------------
    def tables(self):
        self.fa01()
        self.fa02()
        self.fa03()
        self.fa04()
        self.fa06()
        self.fa08()
        self.fa10_12()
        self.fa13()

    def two_panel_header(self, left_title, right_title, left_cols, right_cols):
        rn = self.style.row_numbers
        lcols = ["项目"] + (["行次"] if rn else []) + left_cols
        rcols = ["项目"] + (["行次"] if rn else []) + right_cols
        cells = [HCell(0, 0, left_title, colspan=len(lcols)),
                 HCell(0, len(lcols), right_title, colspan=len(rcols))]
        labels = []
        for i, text in enumerate(lcols):
            cells.append(HCell(1, i, text))
            labels.append(left_title + "/" + text)
        for i, text in enumerate(rcols):
            cells.append(HCell(1, len(lcols) + i, text))
            labels.append(right_title + "/" + text)
        return cells, labels, len(lcols), len(rcols)

    def panel_row(self, tid, left, right, lwidth, rwidth, rownum):
        """left/right: None or (label, [(metric, value, dims)]).  Returns cells."""
        rn = self.style.row_numbers
        row, facts = [], {}
        for side, width in ((left, lwidth), (right, rwidth)):
            if side is None:
                row.extend(Cell() for _ in range(width))
                continue
            label, values = side
            row.append(Cell(text=label, row_label=label, bold=label.endswith(("合计", "总计"))))
            if rn:
                rownum[0] += 1
                row.append(Cell(text=str(rownum[0]), row_label=label))
            for metric, value, dims, name in values:
                fact = self.table_fact(value, metric, tid, name, 0, zero=self.style.zero_cell, **dims)
                facts[name] = fact
                row.append(Cell(fact=fact, row_label=label, code=dims.get("func_code")))
        return row, facts

    def renumber(self, table, lwidth):
        """行次: left panel rows 1..L, then the right panel continues L+1…"""
        if not self.style.row_numbers:
            return
        n = 0
        for side in (0, lwidth):
            for row in table.rows:
                if row[side].text:
                    n += 1
                    row[side + 1].text = str(n)

    def fa01(self):
        f = self.fig
        cells_h, labels, lw, rw = self.two_panel_header("收入", "支出", ["决算数"], ["决算数"])
        table = self.new_table("FA01", "收入支出决算总表", lw + rw, 2, cells_h, labels)
        left = []
        for i, (metric, label, amount) in enumerate(f.income_sources(), start=1):
            left.append(("%s、%s" % (catalog.cn_ordinal(i), label), [(metric, amount, {}, metric)]))
        right = []
        lei = f.lei_totals("total")
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
            (("使用非财政拨款结余", [("income.use_nonfiscal_balance", ZERO, {}, "income.use_nonfiscal_balance")]),
             ("结余分配", [("expenditure.balance_distribution", ZERO, {}, "expenditure.balance_distribution")])),
            (("年初结转和结余", [("income.begin_carryover", f.carry_begin, {}, "income.begin_carryover")]),
             ("年末结转和结余", [("expenditure.end_carryover", f.carry_end, {}, "expenditure.end_carryover")])),
            (("收入总计", [("income.grand_total", f.grand_total, {}, "income.grand_total")]),
             ("支出总计", [("expenditure.grand_total", f.grand_total, {}, "expenditure.grand_total")])),
        ]
        facts, rownum = {}, [0]
        for l, r in list(zip(left, right)) + bottom:
            row, got = self.panel_row("FA01", l, r, lw, rw, rownum)
            facts.update(got)
            table.rows.append(row)
        self.renumber(table, lw)
        self.T["FA01"] = facts
        sources = [facts[m] for m, _, _ in f.income_sources()]
        self.check("sum.income.by_source", "sum", total=facts["income.total"], parts=sources)
        self.check("sum.func.classes", "sum", total=facts["expenditure.total"],
                   parts=[facts["expenditure.by_func." + c] for c in f.lei_codes()])
        self.check("sum.income.grand_total", "sum", total=facts["income.grand_total"],
                   parts=[facts["income.total"], facts["income.use_nonfiscal_balance"],
                          facts["income.begin_carryover"]])
        self.check("sum.expenditure.grand_total", "sum", total=facts["expenditure.grand_total"],
                   parts=[facts["expenditure.total"], facts["expenditure.balance_distribution"],
                          facts["expenditure.end_carryover"]])
        eq(self, "sum.total_balance", facts["income.grand_total"], facts["expenditure.grand_total"])
        self.add_table(table)

    def fa02(self):
        f = self.fig
        nf_metric = next(iter(f.nonfiscal), None)
        cols = [("本年收入合计", ("income.total", "income.by_func")),
                ("财政拨款收入", "income.fiscal"),
                ("上级补助收入", "income.superior_subsidy"),
                ("事业收入", "income.business"),
                ("经营收入", "income.operating"),
                ("附属单位上缴收入", "income.affiliate_remit"),
                ("其他收入", "income.other")]
        spec = [(None, label, metric, {}) for label, metric in cols]

        def values(line):
            out = [line.fiscal_income + line.nf, line.fiscal_income]
            for _, metric in cols[2:]:
                out.append(line.nf if metric == nf_metric else ZERO)
            return out

        table, cells = self.func_table("FA02", "收入决算表", spec, f.lines, values,
                                       row_rules=[("sum.income.by_source", 0, list(range(1, 7)))],
                                       blank_cols=range(1, 7))
        self.T["FA02"] = cells
        eq(self, "agree.table_table", cells[("total", 0)], self.T["FA01"]["income.total"])

    def fa03(self):
        f = self.fig
        cols = [("本年支出合计", ("expenditure.total", "expenditure.by_func")),
                ("基本支出", "expenditure.basic"),
                ("项目支出", "expenditure.project"),
                ("上缴上级支出", "expenditure.remit_superior"),
                ("经营支出", "expenditure.operating"),
                ("对附属单位补助支出", "expenditure.affiliate_subsidy")]
        spec = [(None, label, metric, {}) for label, metric in cols]

        def values(line):
            return [line.total, line.basic, line.project + line.nf, ZERO, ZERO, ZERO]

        table, cells = self.func_table("FA03", "支出决算表", spec, f.lines, values,
                                       row_rules=[("sum.expenditure.basic_project", 0, [1, 2, 3, 4, 5])],
                                       blank_cols=range(1, 6))
        self.T["FA03"] = cells
        eq(self, "agree.table_table", cells[("total", 0)], self.T["FA01"]["expenditure.total"])

    def fa04(self):
        f = self.fig
        funds = [("gpb", "一般公共预算财政拨款"), ("gov_fund", "政府性基金预算财政拨款"),
                 ("soe", "国有资本经营预算财政拨款")]
        cells_h, labels, lw, rw = self.two_panel_header(
            "收入", "支出", ["决算数"], ["合计"] + [label for _, label in funds])
        table = self.new_table("FA04", "财政拨款收入支出决算总表", lw + rw, 2, cells_h, labels)
        income = {"gpb": f.gpb_income, "gov_fund": ZERO, "soe": ZERO}
        left = [("%s、%s" % (catalog.cn_ordinal(i), label),
                 [("fiscal.income", income[key], {"fund": key}, "fiscal.income." + key)])
                for i, (key, label) in enumerate(funds, start=1)]
        lei = f.lei_totals("gpb")
        right = []
        for i, code in enumerate(f.lei_codes(), start=1):
            if not lei[code]:
                continue
            label = "%s、%s" % (catalog.cn_ordinal(len(right) + 1), catalog.lei_name(code, self.year))
            values = [("fiscal.expenditure.by_func", lei[code], {"func_code": code, "fund": "fiscal"},
                       "exp.%s.all" % code)]
            values += [("fiscal.expenditure.by_func", lei[code] if key == "gpb" else ZERO,
                        {"func_code": code, "fund": key}, "exp.%s.%s" % (code, key)) for key, _ in funds]
            right.append((label, values))
        top = max(len(left), len(right))
        left += [None] * (top - len(left))
        right += [None] * (top - len(right))

        def fund_values(metric, amounts, name):
            vals = [(metric, sum(amounts.values(), ZERO), {"fund": "fiscal"}, name + ".all")]
            vals += [(metric, amounts[key], {"fund": key}, "%s.%s" % (name, key)) for key, _ in funds]
            return vals

        spend = {"gpb": f.gpb_total, "gov_fund": ZERO, "soe": ZERO}
        begin = {"gpb": f.carry_begin, "gov_fund": ZERO, "soe": ZERO}
        end = {"gpb": f.carry_end, "gov_fund": ZERO, "soe": ZERO}
        bottom = [
            (("本年收入合计", [("fiscal.income.total", f.gpb_income, {"fund": "fiscal"}, "income.total")]),
             ("本年支出合计", fund_values("fiscal.expenditure.total", spend, "exp.total"))),
            (("年初财政拨款结转和结余", [("fiscal.begin_carryover", f.carry_begin, {"fund": "fiscal"}, "begin.all")]),
             ("年末财政拨款结转和结余", fund_values("fiscal.end_carryover", end, "end"))),
        ]
        for key, label in funds:
            bottom.append(((label, [("fiscal.begin_carryover", begin[key], {"fund": key}, "begin." + key)]), None))
        grand = f.fiscal_grand_total
        bottom.append((("收入总计", [("fiscal.income.grand_total", grand, {"fund": "fiscal"}, "grand.in")]),
                       ("支出总计", fund_values("fiscal.expenditure.grand_total",
                                            {"gpb": grand, "gov_fund": ZERO, "soe": ZERO}, "grand.out"))))
        facts, rownum = {}, [0]
        for l, r in list(zip(left, right)) + bottom:
            row, got = self.panel_row("FA04", l, r, lw, rw, rownum)
            # panel_row tags every value with column 0: make tags unique per name.
            facts.update(got)
            table.rows.append(row)
        self.renumber(table, lw)
        self.T["FA04"] = facts
        self.check("sum.income.by_source", "sum", total=facts["income.total"],
                   parts=[facts["fiscal.income." + k] for k, _ in funds])
        self.check("sum.income.grand_total", "sum", total=facts["grand.in"],
                   parts=[facts["income.total"], facts["begin.all"]])
        self.check("sum.fiscal.by_fund", "sum", total=facts["begin.all"],
                   parts=[facts["begin." + k] for k, _ in funds])
        for col in ["all"] + [k for k, _ in funds]:
            self.check("sum.func.classes", "sum", total=facts["exp.total." + col],
                       parts=[facts["exp.%s.%s" % (c, col)] for c in f.lei_codes() if lei[c]])
            self.check("sum.expenditure.grand_total", "sum", total=facts["grand.out." + col],
                       parts=[facts["exp.total." + col], facts["end." + col]])
        for name in ["exp.%s" % c for c in f.lei_codes() if lei[c]] + ["exp.total", "end", "grand.out"]:
            self.check("sum.fiscal.by_fund", "sum", total=facts[name + ".all"],
                       parts=[facts["%s.%s" % (name, k)] for k, _ in funds])
        eq(self, "sum.total_balance", facts["grand.in"], facts["grand.out.all"])
        eq(self, "agree.table_table", facts["fiscal.income.gpb"], self.T["FA01"]["income.fiscal.gpb"])
        self.add_table(table)

    def fa06(self):
        f = self.fig
        spec = [("本年支出", "小计", ("gpb.expenditure.total", "gpb.expenditure.by_func"), {"fund": "gpb"}),
                ("本年支出", "基本支出", "gpb.expenditure.basic", {"fund": "gpb"}),
                ("本年支出", "项目支出", "gpb.expenditure.project", {"fund": "gpb"})]
        lines = [l for l in f.lines if l.gpb]
        table, cells = self.func_table("FA06", "一般公共预算财政拨款支出决算表", spec, lines,
                                       lambda l: [l.gpb, l.basic, l.project],
                                       row_rules=[("sum.gpb.basic_project", 0, [1, 2])],
                                       blank_cols=(1, 2))
        self.T["FA06"] = cells
        eq(self, "agree.table_table", cells[("total", 0)], self.T["FA04"]["exp.total.gpb"])

    def econ_rows(self, blocks):
        """blocks: [(类 code, [(款 code, amount)])] -> row specs
        [(code, name, amount, is_lei)]."""
        rows = []
        for lei, items in blocks:
            if not items:
                continue
            rows.append((lei, catalog.ECON_LEI[lei], sum((a for _, a in items), ZERO), True))
            for code, amount in items:
                rows.append((code, catalog.ECON_KUAN[code], amount, False))
        return rows

    def econ_blocks(self):
        f = self.fig
        pers = [("301", [(c, a) for c, a in f.personnel if c.startswith("301")]),
                ("303", [(c, a) for c, a in f.personnel if c.startswith("303")])]
        pub = [("302", [(c, a) for c, a in f.public if c.startswith("302")]),
               ("310", [(c, a) for c, a in f.public if c.startswith("310")])]
        return pers, pub

    def fa08(self):
        f = self.fig
        pers, pub = self.econ_blocks()
        lrows, rrows = self.econ_rows(pers), self.econ_rows(pub)
        cells_h = [HCell(0, 0, "人员经费", colspan=3), HCell(0, 3, "公用经费", colspan=3)]
        labels = []
        for panel, base in (("人员经费", 0), ("公用经费", 3)):
            for i, text in enumerate(("科目编码", "科目名称", "决算数")):
                cells_h.append(HCell(1, base + i, text))
                labels.append(panel + "/" + text)
        table = self.new_table("FA08", "一般公共预算财政拨款基本支出决算表", 6, 2, cells_h, labels)
        facts = {}
        n = max(len(lrows), len(rrows))
        for i in range(n + 1):
            row = []
            for rows, panel, total_name, total in ((lrows, "personnel", "人员经费合计", f.personnel_total),
                                                   (rrows, "public", "公用经费合计", f.public_total)):
                if i == n:
                    fact = self.table_fact(total, "gpb.basic." + panel, "FA08", panel, "total", fund="gpb")
                    facts[panel] = fact
                    row += [Cell(text=total_name, row_label=total_name, bold=True),
                            Cell(text="", row_label=total_name),
                            Cell(fact=fact, row_label=total_name)]
                elif i < len(rows):
                    code, name, amount, is_lei = rows[i]
                    fact = self.table_fact(amount, "gpb.basic.by_econ", "FA08", code, 0, zero=self.style.zero_cell,
                                           fund="gpb", econ_code=code)
                    facts[code] = fact
                    row += [Cell(text=code, row_label=name, code=code),
                            Cell(text=name, row_label=name, code=code, bold=is_lei),
                            Cell(fact=fact, row_label=name, code=code)]
                else:
                    row += [Cell(), Cell(), Cell()]
            table.rows.append(row)
        self.T["FA08"] = facts
        for blocks, panel in ((pers, "personnel"), (pub, "public")):
            leis = [lei for lei, items in blocks if items]
            for lei, items in blocks:
                if items:
                    self.check("sum.econ.items", "sum", total=facts[lei], parts=[facts[c] for c, _ in items])
            self.check("sum.econ.items", "sum", total=facts[panel], parts=[facts[l] for l in leis])
        self.check("sum.basic.personnel_public", "sum", total=self.T["FA06"][("total", 1)],
                   parts=[facts["personnel"], facts["public"]])
        # I36: economic items mirrored by a functional 项 (basic money only).
        for xiang, econ in catalog.MIRROR.items():
            if econ in facts and ("%s" % xiang, 1) in self.T["FA06"]:
                eq(self, "agree.econ_func", facts[econ], self.T["FA06"][(xiang, 1)])
        self.add_table(table)

    def fa10_12(self):
        y = self.year
        short = self.meta.short_name
        spec10 = [(None, "年初结转和结余", "gov_fund.begin_carryover", {"fund": "gov_fund"}),
                  (None, "本年收入", "gov_fund.income", {"fund": "gov_fund"}),
                  ("本年支出", "小计", "gov_fund.expenditure.total", {"fund": "gov_fund"}),
                  ("本年支出", "基本支出", "gov_fund.expenditure.basic", {"fund": "gov_fund"}),
                  ("本年支出", "项目支出", "gov_fund.expenditure.project", {"fund": "gov_fund"}),
                  (None, "年末结转和结余", "gov_fund.end_carryover", {"fund": "gov_fund"})]
        self.empty_table("FA10", "政府性基金预算财政拨款收入支出决算表", spec10,
                         "注：%s%d年度没有政府性基金预算财政拨款收入和支出，故本表为空表。" % (short, y))
        spec12 = [("本年支出", "合计", "soe.expenditure.total", {"fund": "soe"}),
                  ("本年支出", "基本支出", "soe.expenditure.basic", {"fund": "soe"}),
                  ("本年支出", "项目支出", "soe.expenditure.project", {"fund": "soe"})]
        self.empty_table("FA12", "国有资本经营预算财政拨款支出决算表", spec12,
                         "注：%s%d年度没有国有资本经营预算财政拨款支出，故本表为空表。" % (short, y))

    TP_ORDERS = {
        "outbound_vehicle_reception": ("outbound", "vehicle", "reception"),
        "outbound_reception_vehicle": ("outbound", "reception", "vehicle"),
        "vehicle_reception_outbound": ("vehicle", "reception", "outbound"),
    }
    TP_HEADS = {"total": "合计", "outbound": "因公出国（境）费", "reception": "公务接待费"}

    def tp_columns(self):
        """[(key, header path)] of one basis, in print order, per the style's
        三公 layout: 出国 first or last, the 车 group with or without its 小计
        column (or two plain columns), with or without a 合计 column."""
        s = self.style
        cols = [("total", ("合计",))] if s.tp_total_column else []
        group = "公务用车购置及运行费"
        for key in self.TP_ORDERS[s.tp_order]:
            if key != "vehicle":
                cols.append((key, (self.TP_HEADS[key],)))
            elif s.tp_vehicle == "flat":
                cols += [("purchase", ("公务用车购置费",)), ("operation", ("公务用车运行费",))]
            else:
                if s.tp_vehicle == "group_subtotal":
                    cols.append(("vehicle", (group, "小计")))
                cols += [("purchase", (group, "购置费")), ("operation", (group, "运行费"))]
        return cols

    @staticmethod
    def path_header(cells, paths, col0, row0, depth):
        """Header cells for column paths of length 1 or 2 from (row0, col0):
        a one-word path spans all `depth` rows, a group spans its children."""
        i = 0
        while i < len(paths):
            path = paths[i]
            if len(path) == 1:
                cells.append(HCell(row0, col0 + i, path[0], rowspan=depth))
                i += 1
                continue
            j = i
            while j < len(paths) and len(paths[j]) == 2 and paths[j][0] == path[0]:
                j += 1
            cells.append(HCell(row0, col0 + i, path[0], colspan=j - i))
            for k in range(i, j):
                cells.append(HCell(row0 + 1, col0 + k, paths[k][1]))
            i = j

    def tp_table(self, tid, title, sides):
        """sides: [(basis title, basis, items dict)] -> the 三公 table.  Layout
        `panels` prints one data row with a panel per basis (three header
        rows with the 车 group); `rows` prints a row per basis under one
        header (two header rows with the group, one without)."""
        st = self.style
        cols = self.tp_columns()
        paths = [p for _, p in cols]
        depth = max(len(p) for p in paths)
        n = len(cols)
        unit = st.tp_unit or st.table_unit
        zero = st.zero_cell if st.tp_zero is None else st.tp_zero
        cells_h, labels = [], []
        if st.tp_layout == "rows":
            cells_h.append(HCell(0, 0, "项目", rowspan=depth))
            self.path_header(cells_h, paths, 1, 0, depth)
            labels = ["项目"] + ["/".join(p) for p in paths]
            table = self.new_table(tid, title, n + 1, depth, cells_h, labels, unit=unit)
        else:
            for s, (panel, basis, items) in enumerate(sides):
                cells_h.append(HCell(0, s * n, panel, colspan=n))
                self.path_header(cells_h, paths, s * n, 1, depth)
                labels += [panel + "/" + "/".join(p) for p in paths]
            table = self.new_table(tid, title, n * len(sides), depth + 1, cells_h, labels, unit=unit)
        facts = {}
        row = []
        for panel, basis, items in sides:
            if st.tp_layout == "rows":
                row = [Cell(text=panel, row_label=panel)]
            values = {"total": figures.ThreePublic.total(items), "vehicle": figures.ThreePublic.vehicle(items)}
            values.update(items)
            period = "prior" if basis == "prior" else "current"
            if self.kind == "budget":
                dims_basis = "budget"
            else:
                dims_basis = "actual" if basis == "prior" else basis
            label = panel if st.tp_layout == "rows" else ""
            for key, _ in cols:
                dims = {"fund": "fiscal", "period": period}
                fact = self.table_fact(values[key], TP_METRICS[key], tid, key, basis, zero=zero, unit=unit, **dims)
                fact.dims["basis"] = dims_basis
                if period == "prior":
                    fact.year = self.year - 1
                facts[(basis, key)] = fact
                row.append(Cell(fact=fact, row_label=label))
            got = lambda key: facts.get((basis, key))  # noqa: E731
            vehicle = [got("vehicle")] if got("vehicle") else [got("purchase"), got("operation")]
            if got("total"):
                self.check("sum.three_public.total", "sum", total=got("total"),
                           parts=[got("outbound")] + vehicle + [got("reception")])
            if got("vehicle"):
                self.check("sum.three_public.vehicle", "sum", total=got("vehicle"),
                           parts=[got("purchase"), got("operation")])
            if st.tp_layout == "rows":
                table.rows.append(row)
        if st.tp_layout != "rows":
            table.rows.append(row)
        self.T[tid] = facts
        self.add_table(table)
        return facts

    def fa13(self):
        tp = self.fig.tp
        title = "财政拨款“三公”经费支出决算表" if self.year >= 2022 else "一般公共预算财政拨款“三公”经费支出决算表"
        self.tp_table("FA13", title, [("预算数", "budget", tp.budget), ("决算数", "actual", tp.actual)])

    # ----- 第二部分 说明 ------------------------------------------------------
    def explain(self):
        self.sec = 0
        for step in (self.s_total, self.s_income, self.s_expenditure, self.s_fiscal, self.s_gpb,
                     self.s_basic, self.s_three_public, self.s_gov_fund, self.s_soe, self.s_other):
            self.sec += 1
            step()

    def s_total(self):
        f, y, s = self.fig, self.year, self.style
        self.h(2, self.sec_title(self.sec, "收入支出决算总体情况说明"))
        t01 = self.T["FA01"]
        x = self.amt(f.grand_total, "income.grand_total", tag="n.income.grand_total")
        yy = self.yoy(x, f.prior["grand_total"], "income.grand_total", "n.income.grand_total")
        if s.total_phrase == "both":
            x.also_metrics = ["expenditure.grand_total"]
            self.p("%d年度收、支总计均为" % y, x, "。与%d年度相比，" % (y - 1),
                   self.yoy_parts(yy, "收、支总计", each=True), "。", self.reason(yy["words"], yy))
            eq(self, "agree.text_table", x, t01["income.grand_total"])
            eq(self, "agree.text_table", x, t01["expenditure.grand_total"])
        else:
            e = self.amt(f.grand_total, "expenditure.grand_total", tag="n.expenditure.grand_total")
            self.p("%d年度收入总计" % y, x, "，支出总计", e, "。与%d年度相比，" % (y - 1),
                   self.yoy_parts(yy, "收入总计"), "。", self.reason(yy["words"], yy))
            eq(self, "agree.text_table", x, t01["income.grand_total"])
            eq(self, "agree.text_table", e, t01["expenditure.grand_total"])
            eq(self, "sum.total_balance", x, e)
        if s.charts:
            prior = self.amt(f.prior["grand_total"], "income.grand_total", tag="c.income.grand_total.prior",
                             period="prior")
            prior.year = y - 1
            cur = self.amt(f.grand_total, "income.grand_total", tag="c.income.grand_total")
            for fact in (prior, cur):
                fact.raw = numfmt.fmt_amount(fact.value())
                fact.unit = ""
            self.chart("bar", "收、支决算总计变动情况", ["%d年" % (y - 1), "%d年" % y],
                       [("收支总计", [prior, cur])])
            eq(self, "agree.chart_text", cur, x)
            if yy["chg"] is not None:
                self.check("change", "yoy", cur=x, chg=yy["chg"], rate=yy["rate"], prior=prior)

    def source_list(self, total, items, metric_prefix, tag):
        """items: [(metric, label, amount)] -> parts '其中：A x万元，占s%；…'."""
        parts, shares = [], []
        listed = [(m, l, a) for m, l, a in items if a or self.style.list_zero_sources]
        for i, (metric, label, amount) in enumerate(listed):
            fact = self.amt(amount, metric, tag="%s.%s" % (tag, metric))
            share = self.share(fact, total, metric, metric_prefix, tag="%s.%s.share" % (tag, metric))
            shares.append(share)
            parts += [label, fact, "，占", share, "；" if i < len(listed) - 1 else "。"]
        return parts, shares, listed

    def s_income(self):
        f, y = self.fig, self.year
        self.h(2, self.sec_title(self.sec, "收入决算情况说明"))
        total = self.amt(f.income_total, "income.total", tag="n.income.total")
        parts, shares, listed = self.source_list(total, f.income_sources(), "income.total", "n.income")
        self.p("%d年度本年收入合计" % y, total, "，其中：", parts)
        self.check("share.sum_100", "group100", shares=shares)
        facts = [p for p in parts if isinstance(p, Fact) and p.measure == "amount"]
        self.check("sum.income.by_source", "sum", total=total, parts=facts)
        eq(self, "agree.text_table", total, self.T["FA01"]["income.total"])
        for fact, (metric, _, _) in zip(facts, listed):
            eq(self, "agree.text_table", fact, self.T["FA01"][metric])

    def s_expenditure(self):
        f, y = self.fig, self.year
        self.h(2, self.sec_title(self.sec, "支出决算情况说明"))
        total = self.amt(f.exp_total, "expenditure.total", tag="n.expenditure.total")
        self.exp_total_fact = total
        items = [("expenditure.basic", "基本支出", f.exp_basic),
                 ("expenditure.project", "项目支出", f.exp_project),
                 ("expenditure.remit_superior", "上缴上级支出", ZERO),
                 ("expenditure.operating", "经营支出", ZERO),
                 ("expenditure.affiliate_subsidy", "对附属单位补助支出", ZERO)]
        parts, shares, listed = self.source_list(total, items, "expenditure.total", "n.expenditure")
        self.p("%d年度本年支出合计" % y, total, "，其中：", parts)
        self.check("share.sum_100", "group100", shares=shares)
        facts = [p for p in parts if isinstance(p, Fact) and p.measure == "amount"]
        self.check("sum.expenditure.basic_project", "sum", total=total, parts=facts)
        eq(self, "agree.text_table", total, self.T["FA01"]["expenditure.total"])
        eq(self, "agree.text_table", total, self.T["FA03"][("total", 0)])
        col = {"expenditure.basic": 1, "expenditure.project": 2, "expenditure.remit_superior": 3,
               "expenditure.operating": 4, "expenditure.affiliate_subsidy": 5}
        for fact, (metric, _, _) in zip(facts, listed):
            eq(self, "agree.text_table", fact, self.T["FA03"][("total", col[metric])])
        if self.style.charts:
            basic, project = facts[0], facts[1]
            cb = self.amt(f.exp_basic, "expenditure.basic", tag="c.expenditure.basic")
            cp = self.amt(f.exp_project, "expenditure.project", tag="c.expenditure.project")
            for fact in (cb, cp):
                fact.raw = numfmt.fmt_amount(fact.value())
                fact.unit = ""
            self.chart("pie", "支出决算结构", ["基本支出", "项目支出"], [("支出决算", [cb, cp])])
            eq(self, "agree.chart_text", cb, basic)
            eq(self, "agree.chart_text", cp, project)

    def s_fiscal(self):
        f, y = self.fig, self.year
        self.h(2, self.sec_title(self.sec, "财政拨款收入支出决算总体情况说明"))
        x = self.amt(f.fiscal_grand_total, "fiscal.income.grand_total", tag="n.fiscal.grand_total", fund="fiscal")
        x.also_metrics = ["fiscal.expenditure.grand_total"]
        yy = self.yoy(x, f.prior["fiscal_grand_total"], "fiscal.income.grand_total", "n.fiscal.grand_total",
                      fund="fiscal")
        self.p("%d年度财政拨款收、支总计均为" % y, x, "。与%d年度相比，" % (y - 1),
               self.yoy_parts(yy, "财政拨款收、支总计", each=True), "。", self.reason(yy["words"], yy))
        eq(self, "agree.text_table", x, self.T["FA04"]["grand.in"])
        eq(self, "agree.text_table", x, self.T["FA04"]["grand.out.all"])

    def s_gpb(self):
        f, y = self.fig, self.year
        t06 = self.T["FA06"]
        self.h(2, self.sec_title(self.sec, "一般公共预算财政拨款支出决算情况说明"))
        self.h(3, self.sub_title(1, "一般公共预算财政拨款支出决算总体情况"))
        g = self.amt(f.gpb_total, "gpb.expenditure.total", tag="n.gpb.total", fund="gpb")
        sh = self.share(g, self.exp_total_fact, "gpb.expenditure.total", "expenditure.total",
                        tag="n.gpb.total.share", fund="gpb")
        yy = self.yoy(g, f.prior["gpb_total"], "gpb.expenditure.total", "n.gpb.total", fund="gpb")
        self.p("%d年度一般公共预算财政拨款支出" % y, g, "，占本年支出合计的", sh, "。与%d年度相比，" % (y - 1),
               self.yoy_parts(yy, "一般公共预算财政拨款支出"), "。", self.reason(yy["words"], yy))
        eq(self, "agree.text_table", g, t06[("total", 0)])

        self.h(3, self.sub_title(2, "一般公共预算财政拨款支出决算结构情况"))
        g2 = self.amt(f.gpb_total, "gpb.expenditure.total", tag="n.gpb.total.2", fund="gpb")
        eq(self, "agree.repeat", g2, g)
        lei = f.lei_totals("gpb")
        items = [("gpb.expenditure.by_func", catalog.lei_name(c, y), lei[c], c) for c in f.lei_codes() if lei[c]]
        parts, shares, amounts = [], [], []
        for i, (metric, label, amount, code) in enumerate(items):
            fact = self.amt(amount, metric, tag="n.gpb.lei.%s" % code, fund="gpb", func_code=code)
            share = self.share(fact, g2, metric, "gpb.expenditure.total", tag="n.gpb.lei.%s.share" % code,
                               fund="gpb", func_code=code)
            eq(self, "agree.text_table", fact, t06[(code, 0)])
            amounts.append(fact)
            shares.append(share)
            parts += [label, fact, "，占", share, "；" if i < len(items) - 1 else "。"]
        self.p("%d年度一般公共预算财政拨款支出" % y, g2, "，主要用于以下方面：", parts)
        self.check("share.sum_100", "group100", shares=shares)
        self.check("sum.func.classes", "sum", total=g2, parts=amounts)

        self.h(3, self.sub_title(3, "一般公共预算财政拨款支出决算具体情况"))
        g3 = self.amt(f.gpb_total, "gpb.expenditure.total", tag="n.gpb.total.3", fund="gpb")
        eq(self, "agree.repeat", g3, g)
        if self.style.completion_budget_printed:
            bt = self.amt(f.budget_total, "gpb.expenditure.total", tag="n.gpb.budget", fund="gpb",
                          basis="budget")
            rate = self.completion(g3, bt, "gpb.expenditure.total", "n.gpb.completion", fund="gpb")
            self.p("%d年度一般公共预算财政拨款支出预算数为" % y, bt, "，决算数为", g3, "，完成预算", rate, "。其中：")
        else:
            self.p("%d年度一般公共预算财政拨款支出决算数为" % y, g3, "。其中：")
        n = 0
        xiang_facts = []
        for line in sorted(f.lines, key=lambda l: l.code):
            if not line.gpb:
                continue
            n += 1
            code = line.code
            label = "%s（类）%s（款）%s（项）" % (catalog.short_lei(catalog.lei_name(code[:3], y)),
                                          catalog.kuan_name(code, y), catalog.xiang_name(code))
            a = self.amt(line.gpb, "gpb.expenditure.by_func", tag="n.gpb.xiang.%s" % code, fund="gpb",
                         func_code=code)
            xiang_facts.append(a)
            eq(self, "agree.text_table", a, t06[(code, 0)])
            if self.style.completion_budget_printed:
                b = self.amt(line.budget, "gpb.expenditure.by_func", tag="n.gpb.xiang.%s.budget" % code,
                             fund="gpb", func_code=code, basis="budget")
                r = self.completion(a, b, "gpb.expenditure.by_func", "n.gpb.xiang.%s.completion" % code,
                                    fund="gpb", func_code=code)
                tail = ""
                if line.budget > line.gpb:
                    tail = "决算数小于预算数，主要是%s。" % self.fig_rng_choice(UNDER_BUDGET)
                    self.completion_word(r, "小于")
                elif line.budget < line.gpb:
                    tail = "决算数大于预算数，主要是%s。" % self.fig_rng_choice(OVER_BUDGET)
                    self.completion_word(r, "大于")
                self.p("%d.%s：预算数为" % (n, label), b, "，支出决算为", a, "，完成预算", r, "。", tail,
                       kind="list")
            else:
                self.p("%d.%s：支出决算为" % (n, label), a, "。", kind="list")
        self.check("sum.func.hierarchy", "sum", total=g3, parts=xiang_facts)

    def s_basic(self):
        f, y = self.fig, self.year
        self.h(2, self.sec_title(self.sec, self.BASIC_HEADING))
        b = self.amt(f.gpb_basic, "gpb.expenditure.basic", tag="n.basic.total", fund="gpb")
        pe = self.amt(f.personnel_total, "gpb.basic.personnel", tag="n.basic.personnel", fund="gpb")
        pu = self.amt(f.public_total, "gpb.basic.public", tag="n.basic.public", fund="gpb")
        t08 = self.T["FA08"]

        def items(pairs, limit):
            chosen = sorted(pairs, key=lambda p: (-p[1], p[0]))[:limit]
            chosen.sort()
            out = []
            for i, (code, amount) in enumerate(chosen):
                fact = self.amt(amount, "gpb.basic.by_econ", tag="n.basic.econ.%s" % code, fund="gpb",
                                econ_code=code)
                eq(self, "agree.text_table", fact, t08[code])
                out += [catalog.ECON_KUAN[code], fact, "、" if i < len(chosen) - 1 else ""]
            return out

        personnel_items, public_items = items(f.personnel, 8), items(f.public, 8)
        self.p(self.BASIC_LEAD % y, b, "，其中：人员经费", pe, "，主要包括：",
               personnel_items, "；公用经费", pu, "，主要包括：", public_items, "。")
        for total, listed in ((pe, personnel_items), (pu, public_items)):
            self.check("sum.econ.items", "sum_le", total=total, parts=[x for x in listed if isinstance(x, Fact)])
        self.check("sum.basic.personnel_public", "sum", total=b, parts=[pe, pu])
        eq(self, "agree.text_table", b, self.T["FA06"][("total", 1)])
        eq(self, "agree.text_table", pe, t08["personnel"])
        eq(self, "agree.text_table", pu, t08["public"])

    def s_three_public(self):
        f, y, s = self.fig, self.year, self.style
        tp = f.tp
        t13 = self.T["FA13"]
        self.h(2, self.sec_title(self.sec, "财政拨款“三公”经费支出决算情况说明"))
        self.h(3, self.sub_title(1, "“三公”经费财政拨款支出决算总体情况说明"))
        total_value = figures.ThreePublic.total(tp.actual)
        t = self.amt(total_value, "three_public.total", tag="n.tp.total", fund="fiscal")
        rate = self.completion(t, t13[("budget", "total")], "three_public.total", "n.tp.total.completion",
                               fund="fiscal")
        yy = self.yoy(t, figures.ThreePublic.total(tp.prior), "three_public.total", "n.tp.total",
                      prior_printed=s.yoy_prior, fund="fiscal")
        eq(self, "agree.text_table", t, t13[("actual", "total")])
        versus = ["较上年度"] + (["的", yy["prior"]] if yy["prior"] is not None else [])
        budget_total = figures.ThreePublic.total(tp.budget)
        tail = ""
        if budget_total > total_value:
            tail = "决算数小于预算数的主要原因是%s。" % self.fig_rng_choice(UNDER_BUDGET)
            self.completion_word(rate, "小于")
        self.p("%d年度“三公”经费财政拨款支出决算为" % y, t, "，完成预算", rate, "，", versus,
               self.yoy_parts(yy), "。", tail)

        self.h(3, self.sub_title(2, "“三公”经费财政拨款支出决算具体情况说明"))
        t2 = self.amt(total_value, "three_public.total", tag="n.tp.total.2", fund="fiscal")
        eq(self, "agree.repeat", t2, t)
        parts, shares, amounts = [], [], {}
        values = {"outbound": tp.actual["outbound"], "vehicle": figures.ThreePublic.vehicle(tp.actual),
                  "reception": tp.actual["reception"]}
        for i, key in enumerate(("outbound", "vehicle", "reception")):
            fact = self.amt(values[key], TP_METRICS[key], tag="n.tp.%s" % key, fund="fiscal")
            share = self.share(fact, t2, TP_METRICS[key], "three_public.total", tag="n.tp.%s.share" % key,
                               fund="fiscal")
            amounts[key] = fact
            shares.append(share)
            eq(self, "agree.text_table", fact, t13[("actual", key)])
            parts += [TP_LABELS[key], "支出决算", fact, "，占", share, "；" if i < 2 else "。"]
        self.p("%d年度“三公”经费财政拨款支出决算" % y, t2, "，其中：", parts, "具体情况如下：")
        self.check("share.sum_100", "group100", shares=shares)
        self.check("sum.three_public.total", "sum", total=t2, parts=list(amounts.values()))

        prior = tp.prior
        # 1. 因公出国（境）费
        a = self.amt(values["outbound"], TP_METRICS["outbound"], tag="n.tp.outbound.2", fund="fiscal")
        eq(self, "agree.repeat", a, amounts["outbound"])
        y1 = self.yoy(a, prior["outbound"], TP_METRICS["outbound"], "n.tp.outbound", fund="fiscal")
        if tp.budget["outbound"]:
            r = self.completion(a, t13[("budget", "outbound")], TP_METRICS["outbound"], "n.tp.outbound.completion",
                                fund="fiscal")
            head = ["1.因公出国（境）费支出", a, "，完成预算", r, "。"]
        else:
            head = ["1.因公出国（境）费支出", a, "，年初未安排预算。"]
        if tp.groups:
            groups = self.count(tp.groups, "three_public.outbound.groups", "个", tag="n.tp.outbound.groups")
            persons = self.count(tp.travellers, "three_public.outbound.persons", "人次", tag="n.tp.outbound.persons")
            detail = ["全年安排因公出国（境）团组", groups, "，累计", persons, "。"]
        else:
            detail = ["全年未安排因公出国（境）团组。"]
        self.p(head, detail, "与上年相比", self.yoy_parts(y1), "。", kind="list")

        # 2. 公务用车购置及运行费
        v = self.amt(values["vehicle"], TP_METRICS["vehicle"], tag="n.tp.vehicle.2", fund="fiscal")
        eq(self, "agree.repeat", v, amounts["vehicle"])
        y2 = self.yoy(v, figures.ThreePublic.vehicle(prior), TP_METRICS["vehicle"], "n.tp.vehicle", fund="fiscal")
        if tp.budget["purchase"] + tp.budget["operation"]:
            r = self.completion(v, t13[("budget", "vehicle")], TP_METRICS["vehicle"], "n.tp.vehicle.completion",
                                fund="fiscal")
            head = ["2.公务用车购置及运行费支出", v, "，完成预算", r, "。"]
        else:
            head = ["2.公务用车购置及运行费支出", v, "，年初未安排预算。"]
        self.p(head, "与上年相比", self.yoy_parts(y2), "。", kind="list")
        pu = self.amt(tp.actual["purchase"], TP_METRICS["purchase"], tag="n.tp.purchase", fund="fiscal")
        op = self.amt(tp.actual["operation"], TP_METRICS["operation"], tag="n.tp.operation", fund="fiscal")
        bought = self.count(tp.purchased, "three_public.vehicle.purchased_count", "辆", tag="n.tp.purchased")
        fleet = self.count(tp.fleet, "three_public.vehicle.fleet_count", "辆", tag="n.tp.fleet")
        self.p("其中：公务用车购置费", pu, "，购置车辆", bought, "；公务用车运行维护费", op,
               "，主要用于公务用车的燃料、维修、保险和过路过桥等支出。截至%d年12月31日，公务用车保有量" % y,
               fleet, "。")
        self.check("sum.three_public.vehicle", "sum", total=v, parts=[pu, op])
        eq(self, "agree.text_table", pu, t13[("actual", "purchase")])
        eq(self, "agree.text_table", op, t13[("actual", "operation")])
        self.fleet_fact = fleet

        # 3. 公务接待费
        rc = self.amt(values["reception"], TP_METRICS["reception"], tag="n.tp.reception.2", fund="fiscal")
        eq(self, "agree.repeat", rc, amounts["reception"])
        y3 = self.yoy(rc, prior["reception"], TP_METRICS["reception"], "n.tp.reception", fund="fiscal")
        if tp.budget["reception"]:
            r = self.completion(rc, t13[("budget", "reception")], TP_METRICS["reception"],
                                "n.tp.reception.completion", fund="fiscal")
            head = ["3.公务接待费支出", rc, "，完成预算", r, "。"]
        else:
            head = ["3.公务接待费支出", rc, "，年初未安排预算。"]
        if tp.batches:
            batches = self.count(tp.batches, "three_public.reception.batches", "批次", tag="n.tp.batches")
            visitors = self.count(tp.visitors, "three_public.reception.visitors", "人次", tag="n.tp.visitors")
            detail = ["全年国内公务接待", batches, "，", visitors, "（不含陪同人员）。"]
        else:
            detail = ["全年未发生公务接待。"]
        self.p(head, "与上年相比", self.yoy_parts(y3), "。", detail, kind="list")

    def s_gov_fund(self):
        title, lead, tail = self.GOV_FUND
        self.h(2, self.sec_title(self.sec, title))
        z = self.amt(ZERO, "gov_fund.expenditure.total", tag="n.gov_fund", fund="gov_fund")
        self.p(lead % (self.year, self.meta.short_name), z, tail)

    def s_soe(self):
        title, lead, tail = self.SOE
        self.h(2, self.sec_title(self.sec, title))
        z = self.amt(ZERO, "soe.expenditure.total", tag="n.soe", fund="soe")
        self.p(lead % (self.year, self.meta.short_name), z, tail)

    def s_other(self):
        f, y, m, s = self.fig, self.year, self.meta, self.style
        self.h(2, self.sec_title(self.sec, "其他重要事项的情况说明"))
        self.h(3, self.sub_title(1, "机关运行经费支出情况"))
        a = self.amt(f.admin_cost, "admin_operating_cost", tag="n.admin", fund="gpb")
        yy = self.yoy(a, f.prior["admin_cost"], "admin_operating_cost", "n.admin", prior_printed=s.yoy_prior,
                      fund="gpb")
        versus = ["比上年"] + (["的", yy["prior"]] if yy["prior"] is not None else [])
        a2 = self.amt(f.admin_cost, "admin_operating_cost", tag="n.admin.2", fund="gpb")
        self.p("%d年度，%s机关运行经费支出" % (y, m.unit_name), a, "，", versus, self.yoy_parts(yy), "。",
               self.reason(yy["words"], yy), "机关运行经费", a2, "主要用于办公、水电、物业、差旅和公务用车运行等日常公用支出。")
        self.check("agree.admin_cost", "le", a=a, b=self.T["FA08"]["public"])
        self.check("agree.admin_cost", "le", a=a2, b=self.T["FA08"]["public"])
        eq(self, "agree.repeat", a2, a)

        self.h(3, self.sub_title(2, "政府采购支出情况"))
        pr = f.procurement
        total_value = pr["goods"] + pr["works"] + pr["services"]
        t = self.amt(total_value, "procurement.total", tag="n.proc.total")
        if total_value:
            g = self.amt(pr["goods"], "procurement.goods", tag="n.proc.goods")
            w = self.amt(pr["works"], "procurement.works", tag="n.proc.works")
            sv = self.amt(pr["services"], "procurement.services", tag="n.proc.services")
            sme = self.amt(pr["sme"], "procurement.sme", tag="n.proc.sme")
            sme_share = self.share(sme, t, "procurement.sme", "procurement.total", tag="n.proc.sme.share")
            small = self.amt(pr["small_micro"], "procurement.small_micro", tag="n.proc.small")
            small_share = self.share(small, t, "procurement.small_micro", "procurement.total",
                                     tag="n.proc.small.share")
            self.p("%d年度，%s政府采购支出总额" % (y, m.unit_name), t, "，其中：政府采购货物支出", g,
                   "、政府采购工程支出", w, "、政府采购服务支出", sv, "。授予中小企业合同金额", sme,
                   "，占政府采购支出总额的", sme_share, "，其中：授予小微企业合同金额", small,
                   "，占政府采购支出总额的", small_share, "。")
            self.check("sum.procurement", "sum", total=t, parts=[g, w, sv])
        else:
            self.p("%d年度，%s政府采购支出总额" % (y, m.unit_name), t, "，未发生政府采购。")

        self.h(3, self.sub_title(3, "国有资产占有使用情况"))
        fleet = self.count(f.tp.fleet, "three_public.vehicle.fleet_count", "辆", tag="n.assets.fleet")
        eq(self, "agree.counts", fleet, self.fleet_fact)
        self.p("截至%d年12月31日，%s共有公务用车" % (y, m.short_name), fleet,
               "；无单价50万元以上通用设备，无单价100万元以上专用设备。")

        self.h(3, self.sub_title(4, "预算绩效管理情况"))
        n = self.count(f.perf_projects, "perf.projects.with_targets", "个", tag="n.perf.projects")
        self.p("%s按要求对" % m.short_name, n, "项目编制了绩效目标，年度终了对照目标开展了绩效自评。")

    # ----- 名词解释 ---------------------------------------------------------
    def glossary(self):
        for i, (term, text) in enumerate(catalog.GLOSSARY, start=1):
            self.p("%d.%s：%s" % (i, term, text), kind="list")
