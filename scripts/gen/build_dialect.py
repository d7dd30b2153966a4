"""Budget reports in two dialects of the genre (docs/ground_truth.md, Dialects).

- provincial: a provincial department's budget.  Each 项 is explained as
  「X（项）支出A万元，与上年相比增加/减少B万元，增长/下降P%。主要原因是…」, the
  reason naming amounts (a transfer between 项, 一是/二是 lists, mixed signs),
  主要用于 lists, policy rates (「统一压减10%」), a third part of expenditure
  (单位预留机动经费), income sources each compared with last year, and “三公”
  shares 「占“三公”经费的N%」 whose total is printed in another paragraph,
  only in the table, or nowhere (the sum of the listed parts).
- district: a district department's budget.  Dozens of 项, each
  「YYYY年当年预算执行数为A万元，YYYY+1年预算安排B万元，比YYYY年预算执行数增加/
  减少P%，主要原因是…」 with 增长/下降/增幅/降幅 variants, 持平, and 增加100%
  from a zero base; tables in 元, text in 万元.

Both print every percentage at its own precision (0, 1 or 2 decimals, drawn
per value) and state their sentences as explicit claims (model.Claim).  The
wording is ours, written in the genre's shapes; every slot has several
variants chosen by the report's seed.  Figures come from figures.py and are
extended here (augment) with an RNG of their own, so the legacy dialects
(build_final, build_budget) are untouched.
Tests: tests/gen/test_generator.py (DialectTest, ClaimTest).
"""

import random
from decimal import Decimal

from gen import catalog, figures, numfmt
from gen.catalog import DOWN_ACTS, REASON_DOWN, REASON_UP, TOPICS, UP_ACTS
from gen.build_budget import BudgetBuilder
from gen.build_common import eq
from gen.build_final import TP_LABELS, TP_METRICS, FinalBuilder
from gen.model import Check, Claim, Fact, SumOf
from gen.numfmt import ZERO, q2

DIALECTS = ("final", "budget", "provincial", "district")

NEW_ITEM = ("相关工作任务", "专项工作", "重点项目")
USES = ("日常办公", "专项业务开展", "信息系统运维", "业务培训", "会议组织", "资料印制")
POLICY = (("一般性支出", "统一压减"), ("非刚性、非重点支出", "统一压减"), ("日常公用经费", "压减"))
POLICY_RATES = ("5", "10", "15", "20")


def build(fig, style, dialect, key):
    builder = {"provincial": ProvincialBuilder, "district": DistrictBuilder}[dialect](fig, style, key)
    builder.run()
    return builder.doc


def choose_style(rng, style, dialect, region):
    """Presentation choices of a dialect report (a second RNG stream; the
    legacy style is chosen first and left as it is for other dialects)."""
    style.pct_per_value = True
    style.tp_layout = rng.choice(("panels", "rows"))
    style.tp_order = rng.choice(tuple(FinalBuilder.TP_ORDERS))
    style.tp_vehicle = rng.choice(("group_subtotal", "group_subtotal", "group", "flat"))
    style.tp_zero = rng.choice((None, "", "-", "0.00"))
    if dialect == "district":
        style.template = "shanghai"
        style.table_unit = "元"
        style.table_decimals = rng.choice((2, 2, 0))
        style.code_style = "split"
        style.tp_unit = rng.choice(("万元", "元"))
        style.gpb_prior_column = rng.choice((None, "上年执行数"))
        style.tp_total_column = rng.random() < 0.8
    else:
        style.tp_unit = rng.choice((None, "万元"))
        style.gpb_prior_column = rng.choice((None, "上年预算数"))
        style.tp_total_where = rng.choice(("paragraph", "table", "sum"))
        style.tp_total_column = style.tp_total_where != "sum"
    if style.tp_zero == "0.00" and (style.tp_unit or style.table_unit) == "元" and style.table_decimals == 0:
        style.tp_zero = "0"
    return style


def augment(fig, dialect, rng, compact=False):
    """Adds what a dialect prints beyond the legacy figures: last year's
    figure of every 项 (上年预算数 or 预算执行数, some equal, some zero), the
    district's many project 项, the provincial reserve money and non-fiscal
    income, and last year's figures of the income sources and expenditure
    parts.  Every identity of figures.py keeps holding."""
    draw = figures.Draw(rng)
    present = {l.code for l in fig.lines}
    projects = [l for l in fig.lines if l.project]
    if dialect == "district":
        pool = list(catalog.DISTRICT_EXTRA)
        if fig.meta.dept.key == "finance":
            pool += list(catalog.FINANCE_EXTRA)
        pool = [c for c in pool if c not in present]
        k = rng.randint(3, 6) if compact else rng.randint(10, min(20, len(pool)))
        for code in sorted(rng.sample(pool, k)):
            line = figures.Line(code=code, project=draw.amount(3, 420))
            fig.lines.append(line)
            projects.append(line)
        fig.lines.sort(key=lambda l: l.code)
    else:
        if not fig.nonfiscal and draw.chance(0.7):
            metric = rng.choice(figures.NONFISCAL_CHOICES)
            amount = q2(fig.gpb_basic * draw.factor("0.02", "0.15"))
            fig.nonfiscal[metric] = amount
            rng.choice(projects).nf += amount
        target = rng.choice(projects)
        target.reserve = q2(fig.gpb_basic * draw.factor("0.005", "0.04")) + Decimal("1.00")
    for line in fig.lines:
        roll = rng.random()
        if roll < 0.12:
            line.prior = line.gpb
        elif roll < 0.2 and line.project and not line.basic:
            line.prior = ZERO
        else:
            line.prior = q2(line.gpb * draw.factor("0.6", "1.45"))
            if line.prior == line.gpb:
                line.prior += Decimal("0.37")
    # Last year's totals follow from the items, so that no two sentences
    # compare one figure with two different last-year figures: 财政拨款收支
    #总计 = 一般公共预算 spending (no year-end carry-over in a budget); its
    # income part is that minus the carry-over; the grand total adds the
    # non-fiscal sources.
    fig.prior["gpb_total"] = sum((l.prior for l in fig.lines if l.gpb), ZERO)
    fig.prior["fiscal_grand_total"] = fig.prior["gpb_total"]
    gpb_income_prior = fig.prior["gpb_total"] - fig.carry_begin
    if gpb_income_prior <= 0:
        return None
    fig.prior["src.income.fiscal.gpb"] = gpb_income_prior
    nf_prior = ZERO
    for metric, amount in sorted(fig.nonfiscal.items()):
        prior = q2(amount * draw.factor("0.5", "1.5")) if draw.chance(0.85) else amount
        fig.prior["src." + metric] = prior
        nf_prior += prior
    fig.prior["grand_total"] = fig.prior["fiscal_grand_total"] + nf_prior
    fig.prior["expenditure.basic"] = q2(fig.exp_basic * draw.factor("0.85", "1.15"))
    fig.prior["expenditure.project"] = q2(fig.exp_project * draw.factor("0.6", "1.5"))
    for key in ("outbound", "purchase", "operation", "reception"):
        if draw.chance(0.4 if dialect == "district" else 0.25):
            fig.tp.prior[key] = fig.tp.actual[key]
    if figures.ThreePublic.total(fig.tp.prior) <= 0:
        fig.tp.prior["reception"] = fig.tp.actual["reception"] + Decimal("1.25")
    return fig


class DialectBuilder(BudgetBuilder):
    DIALECT = None

    def __init__(self, fig, style, key):
        super().__init__(fig, style)
        self.vr = random.Random(key + ":words")
        self.prec_rng = random.Random(key + ":decimals")
        self.lei_with_zhichu = self.vr.random() < 0.5
        self.doc.meta["dialect"] = self.DIALECT

    def pick(self, pool):
        return self.vr.choice(pool)

    def claim(self, family, **kw):
        claim = Claim(self.DIALECT + "." + family, **kw)
        self.doc.claims.append(claim)
        return claim

    def item_label(self, code):
        lei = catalog.lei_name(code[:3], self.year)
        if not self.lei_with_zhichu:
            lei = catalog.short_lei(lei)
        return "%s（类）%s（款）%s（项）" % (lei, catalog.kuan_name(code, self.year), catalog.xiang_name(code))

    def chg_fact(self, delta, metric, tag, cur, words=("增加", "减少"), **dims):
        fact = Fact(metric, "yoy_change", numfmt.fmt_amount(abs(delta), drop=self.style.text_drop_zeros), "万元",
                    self.dims(**dims), "万元", tag=tag + ".chg", base_metric_id=metric, refs={"current": cur},
                    sign_word=words[0] if delta > 0 else words[1], year=self.year)
        return fact

    def yoy_rate(self, delta, prior, metric, tag, cur, word, **dims):
        fact = self.rate_fact(abs(delta), prior, metric, "yoy_rate", self.dims(**dims), tag=tag + ".rate",
                              base_metric_id=metric, refs={"current": cur}, sign_word=word)
        return fact

    def component(self, value, metric, tag, label, of, sign_word=None, **dims):
        """An amount inside a reason or usage clause: a part of the change
        (of="change") or of the amount (of="amount"), never the subject's
        own or prior figure."""
        fact = Fact(metric, "component", numfmt.fmt_amount(value, drop=self.style.text_drop_zeros), "万元",
                    self.dims(component_of=of, **dims), "万元", tag=tag, base_metric_id=metric,
                    sign_word=sign_word, year=self.year)
        fact.label = label
        return fact

    def policy_rate(self, tag, subject):
        raw = self.pick(POLICY_RATES)
        fact = Fact("policy.rate", "policy_rate", raw, "%", self.dims(), "%", tag=tag, year=self.year)
        fact.per_value = True
        fact.label = subject
        self.claim("policy_rate", subject={"text": subject, "metric_id": "policy.rate"},
                   roles={"policy_rate": fact}, checkable=False,
                   note="policy rate: a target set by policy, not the change of a printed figure")
        return fact

    def components_check(self, parts, signs, chg=None, cur=None, prior=None):
        check = Check("sum.change_components", "components", parts=parts, chg=chg, cur=cur, prior=prior)
        check.signs = signs
        self.doc.checks.append(check)

    def split_two(self, total):
        """Two positive 2-dp parts of total (total ≥ 0.02)."""
        cents = int(total * 100)
        cut = self.vr.randint(max(1, cents // 5), max(1, cents - cents // 5))
        return Decimal(cut) / 100, Decimal(cents - cut) / 100

    # ----- tables -----------------------------------------------------------
    def bu06(self):
        """一般公共预算支出表, with the reserve column (provincial) and a
        last-year column when the style asks for one (at the end, so the
        本年 columns keep their indices)."""
        f, s = self.fig, self.style
        name = "一般公共预算支出功能分类预算表" if s.template == "shanghai" else "一般公共预算支出表"
        spec = [("本年预算数", "合计", ("gpb.expenditure.total", "gpb.expenditure.by_func"), {"fund": "gpb"}),
                ("本年预算数", "基本支出", "gpb.expenditure.basic", {"fund": "gpb"}),
                ("本年预算数", "项目支出", "gpb.expenditure.project", {"fund": "gpb"})]
        getters = [lambda l: l.gpb, lambda l: l.basic, lambda l: l.project]
        parts = [1, 2]
        self.col = {"total": 0, "basic": 1, "project": 2}
        if f.gpb_reserve:
            spec.append(("本年预算数", "单位预留机动经费", "gpb.expenditure.reserve", {"fund": "gpb"}))
            getters.append(lambda l: l.reserve)
            parts.append(3)
            self.col["reserve"] = 3
        if s.gpb_prior_column:
            basis = "execution" if "执行" in s.gpb_prior_column else "budget"
            spec.append((None, s.gpb_prior_column, ("gpb.expenditure.total", "gpb.expenditure.by_func"),
                         {"fund": "gpb", "period": "prior", "basis": basis}))
            getters.append(lambda l: l.prior)
            self.col["prior"] = len(spec) - 1
        lines = [l for l in f.lines if l.gpb]
        table, cells = self.func_table("BU06", self.table_title(name), spec, lines,
                                       lambda l: [g(l) for g in getters],
                                       row_rules=[("sum.gpb.basic_project", 0, parts)],
                                       blank_cols=tuple(range(1, len(spec))))
        if "prior" in self.col:
            for (key, j), fact in cells.items():
                if j == self.col["prior"]:
                    fact.year = self.year - 1
        self.T["BU06"] = cells
        self.T["FA06"] = cells
        eq(self, "agree.table_table", cells[("total", 0)], self.T["BU04"]["grand.out.gpb"])

    def bu09(self):
        tp = self.fig.tp
        name = ("“三公”经费和机关运行经费预算表" if self.style.template == "shanghai"
                else "一般公共预算“三公”经费支出表")
        y = self.year
        if self.style.tp_layout == "rows":
            sides = [("%d年预算数" % (y - 1), "prior", tp.prior), ("%d年预算数" % y, "current", tp.actual)]
        else:
            sides = [("上年预算数", "prior", tp.prior), ("本年预算数", "current", tp.actual)]
        self.tp_table("BU09", self.table_title(name), sides)
        self.T["FA13"] = self.T["BU09"]

    def admin_change(self, n, words):
        """机关运行经费 under its heading, with its change and rate against
        last year's budget (rate word words[0] up, words[1] down)."""
        f = self.fig
        self.h(3, self.sub_title(n, "机关运行经费"))
        a = self.amt(f.admin_cost, "admin_operating_cost", tag="n.admin", fund="gpb")
        delta = f.admin_cost - f.prior["admin_cost"]
        chg = self.chg_fact(delta, "admin_operating_cost", "n.admin", a, fund="gpb")
        rate = self.yoy_rate(delta, f.prior["admin_cost"], "admin_operating_cost", "n.admin", a,
                             words[0] if delta > 0 else words[1], fund="gpb")
        rate.refs["change"] = chg
        self.check("change", "yoy", cur=a, chg=chg, rate=rate, prior=None)
        self.check("agree.admin_cost", "le", a=a, b=self.T["FA08"]["public"])
        return a, chg, rate

    def items(self, t06):
        """One item sentence (self.item) per 项 with 一般公共预算 money, in code
        order; returns their amounts."""
        lines = [l for l in sorted(self.fig.lines, key=lambda l: l.code) if l.gpb]
        return [self.item(n, line, t06) for n, line in enumerate(lines, start=1)]

    def gpb_total_fact(self, heading, sub):
        """The 一般公共预算 section's headings and its total (checked against
        the table)."""
        self.h(2, self.sec_title(self.sec, heading))
        self.h(3, self.sub_title(1, sub))
        g = self.amt(self.fig.gpb_total, "gpb.expenditure.total", tag="n.gpb.total", fund="gpb")
        eq(self, "agree.text_table", g, self.T["BU06"][("total", 0)])
        return g

    def prior_cell(self, code):
        if "prior" not in self.col:
            return None
        return self.T["BU06"].get((code, self.col["prior"]))

    # ----- shared sections ----------------------------------------------------
    def tp_part_facts(self):
        """Narrative amounts of the three “三公” parts (+ the vehicle split)."""
        tp = self.fig.tp
        values = {"outbound": tp.actual["outbound"], "vehicle": figures.ThreePublic.vehicle(tp.actual),
                  "reception": tp.actual["reception"], "purchase": tp.actual["purchase"],
                  "operation": tp.actual["operation"]}
        return values

    def tp_vehicle_claim(self, fact, words):
        """The 车 split (build_budget.tp_vehicle_split) as a claim whose
        components are 购置费 and 运行费."""
        parts = self.tp_vehicle_split(fact, words)
        self.claim("tp_vehicle", subject={"text": TP_LABELS["vehicle"], "metric_id": TP_METRICS["vehicle"]},
                   roles={"value": fact}, components=[(parts[1], "公务用车购置费"), (parts[3], "公务用车运行费")])
        return parts

    def tp_prior_value(self, key):
        tp = self.fig.tp
        if key == "vehicle":
            return figures.ThreePublic.vehicle(tp.prior)
        if key == "total":
            return figures.ThreePublic.total(tp.prior)
        return tp.prior[key]


class ProvincialBuilder(DialectBuilder):
    DIALECT = "provincial"

    BU03_PARTS = (BudgetBuilder.BU03_PARTS[:2]
                  + [("单位预留机动经费", "expenditure.reserve", lambda l: l.reserve)]
                  + BudgetBuilder.BU03_PARTS[2:])

    # ----- 说明 --------------------------------------------------------------
    def b_total(self):
        f, y, m = self.fig, self.year, self.meta
        self.h(2, self.sec_title(self.sec, "收支预算总体情况"))
        sources = "、".join(label for metric, label, amount in f.income_sources() if amount)
        classes = "、".join(catalog.lei_name(c, y) for c in f.lei_codes())
        x = self.amt(f.grand_total, "income.grand_total", tag="n.income.grand_total")
        x.also_metrics = ["expenditure.grand_total"]
        eq(self, "agree.text_table", x, self.T["BU01"]["income.grand_total"])
        eq(self, "agree.text_table", x, self.T["BU01"]["expenditure.grand_total"])
        self.p("按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。收入包括%s；支出包括%s。" % (
            m.unit_name, sources, classes))
        lead = self.pick(["%s%d年收支总预算" % (m.unit_name, y), "%d年%s收、支预算总计均为" % (y, m.short_name)])
        delta = f.grand_total - f.prior["grand_total"]
        chg = self.chg_fact(delta, "income.grand_total", "n.income.grand_total", x)
        chg.also_metrics = ["expenditure.grand_total"]
        rate = self.yoy_rate(delta, f.prior["grand_total"], "income.grand_total", "n.income.grand_total", x,
                             "增长" if delta > 0 else "下降")
        rate.also_metrics = ["expenditure.grand_total"]
        rate.refs["change"] = chg
        self.check("change", "yoy", cur=x, chg=chg, rate=rate, prior=None)
        cmp = self.pick(["与上年相比", "比上年"])
        reason, reason_parts = self.reason_clause(delta, chg, "n.income.grand_total", "income.grand_total", {})
        self.p(lead, x, "。", cmp, "收、支总预算各", chg.sign_word, chg, "，", rate.sign_word, rate, "。", reason)
        self.claim("total_yoy", subject={"text": "收、支总预算", "metric_id": "income.grand_total"},
                   roles={"value": x, "change": chg, "rate": rate}, reason=reason_parts,
                   direction=chg.sign_word, comparison={"text": cmp, "basis": "budget"})

    SOURCE_LABELS = {"income.fiscal.gpb": "一般公共预算收入", "income.other": "其他资金收入",
                     "income.business": "事业收入", "income.superior_subsidy": "上级补助收入"}

    def b_income(self):
        f, m = self.fig, self.meta
        self.h(2, self.sec_title(self.sec, "收入预算情况"))
        total = self.amt(f.income_total, "income.total", tag="n.income.total")
        eq(self, "agree.text_table", total, self.T["BU01"]["income.total"])
        head = ["%s本年收入预算合计" % m.unit_name, total]
        if f.carry_begin:
            c = self.amt(f.carry_begin, "income.begin_carryover", tag="n.income.begin_carryover")
            eq(self, "agree.text_table", c, self.T["BU01"]["income.begin_carryover"])
            head += ["，上年结转资金预算数", c]
        self.p(head, "。其中：")
        amounts, shares = [], []
        listed = [(metric, amount) for metric, _, amount in f.income_sources() if amount]
        for n, (metric, amount) in enumerate(listed, start=1):
            a = self.amt(amount, metric, tag="n.income." + metric)
            eq(self, "agree.text_table", a, self.T["BU01"][metric])
            sh = self.share(a, total, metric, "income.total", tag="n.income.%s.share" % metric)
            amounts.append(a)
            shares.append(sh)
            label = self.SOURCE_LABELS.get(metric, "其他收入")
            word = self.pick(["预算", "预算总计"])
            parts = ["%d．" % n, label, word, a, "，占", sh]
            prior = f.prior.get("src." + metric, amount)
            delta = amount - prior
            claim_roles = {"value": a}
            if delta == 0:
                parts += ["，与上年预算数持平。"]
                self.claim("source_flat", subject={"text": label, "metric_id": metric}, roles=claim_roles,
                           direction="持平", comparison={"text": "与上年预算数", "basis": "budget"})
            else:
                chg = self.chg_fact(delta, metric, "n.income." + metric, a)
                rate = self.yoy_rate(delta, prior, metric, "n.income." + metric, a, "增长" if delta > 0 else "下降")
                rate.refs["change"] = chg
                self.check("change", "yoy", cur=a, chg=chg, rate=rate, prior=None)
                cmp = self.pick(["，与上年相比", "，比上年"])
                reason = self.pick(REASON_UP if delta > 0 else REASON_DOWN)
                parts += [cmp, chg.sign_word, chg, "，", rate.sign_word, rate, "。主要原因是%s。" % reason]
                self.claim("source_yoy", subject={"text": label, "metric_id": metric},
                           roles={"value": a, "change": chg, "rate": rate}, direction=chg.sign_word,
                           comparison={"text": cmp.lstrip("，"), "basis": "budget"})
            self.p(parts, kind="list")
            self.claim("share", subject={"text": label, "metric_id": metric},
                       roles={"value": a, "share": sh, "total": total}, total_where="paragraph")
        self.check("share.sum_100", "group100", shares=shares)
        self.check("sum.income.by_source", "sum", total=total, parts=amounts)

    def b_expenditure(self):
        f, m = self.fig, self.meta
        self.h(2, self.sec_title(self.sec, "支出预算情况"))
        total = self.amt(f.exp_total, "expenditure.total", tag="n.expenditure.total")
        self.exp_total_fact = total
        eq(self, "agree.text_table", total, self.T["BU03"][("total", 0)])
        self.p("%s本年支出预算合计" % m.unit_name, total, "，其中：")
        items = [("expenditure.basic", "基本支出", f.exp_basic, 1),
                 ("expenditure.project", "项目支出", f.exp_project, 2),
                 ("expenditure.reserve", "单位预留机动经费", f.gpb_reserve, 3)]
        amounts, shares = [], []
        for n, (metric, label, amount, col) in enumerate(items, start=1):
            a = self.amt(amount, metric, tag="n.expenditure." + metric)
            eq(self, "agree.text_table", a, self.T["BU03"][("total", col)])
            sh = self.share(a, total, metric, "expenditure.total", tag="n.expenditure.%s.share" % metric)
            amounts.append(a)
            shares.append(sh)
            parts = ["%d．" % n, label, a, "，占", sh]
            self.claim("share", subject={"text": label, "metric_id": metric},
                       roles={"value": a, "share": sh, "total": total}, total_where="paragraph")
            prior = f.prior.get(metric)
            if prior is not None:
                delta = amount - prior
                chg = self.chg_fact(delta, metric, "n.expenditure." + metric, a)
                rate = self.yoy_rate(delta, prior, metric, "n.expenditure." + metric, a,
                                     "增长" if delta > 0 else "下降")
                rate.refs["change"] = chg
                self.check("change", "yoy", cur=a, chg=chg, rate=rate, prior=None)
                parts += ["，与上年相比", chg.sign_word, chg, "，", rate.sign_word, rate]
                self.claim("part_yoy", subject={"text": label, "metric_id": metric},
                           roles={"value": a, "change": chg, "rate": rate}, direction=chg.sign_word,
                           comparison={"text": "与上年相比", "basis": "budget"})
            parts.append("。")
            share_claim = self.doc.claims[-1 if prior is None else -2]
            if metric == "expenditure.project" and not f.nf_total:
                lines = [l for l in f.lines if l.project]
                listed = []
                for line in lines:
                    c = self.component(line.project, metric, "n.expenditure.project.%s" % line.code,
                                       catalog.xiang_name(line.code), "amount", func_code=line.code)
                    listed.append(c)
                if len(listed) > 1:
                    parts.append("其中：")
                    for i, (line, c) in enumerate(zip(lines, listed)):
                        parts += [catalog.xiang_name(line.code) + "（项）", c, "、" if i < len(lines) - 1 else "。"]
                    share_claim.components = [(c, c.label) for c in listed]
                    self.check("sum.components", "sum", total=a, parts=listed)
            self.p(parts, kind="list")
        self.check("share.sum_100", "group100", shares=shares)
        self.check("sum.expenditure.basic_project", "sum", total=total, parts=amounts)

    def b_gpb(self):
        f, y, m = self.fig, self.year, self.meta
        t06 = self.T["BU06"]
        g = self.gpb_total_fact("一般公共预算当年拨款支出情况", "一般公共预算当年拨款规模变化情况")
        delta = f.gpb_total - f.prior["gpb_total"]
        chg = self.chg_fact(delta, "gpb.expenditure.total", "n.gpb.total", g, fund="gpb")
        rate = self.yoy_rate(delta, f.prior["gpb_total"], "gpb.expenditure.total", "n.gpb.total", g,
                             "增长" if delta > 0 else "下降", fund="gpb")
        rate.refs["change"] = chg
        self.check("change", "yoy", cur=g, chg=chg, rate=rate, prior=self.prior_cell("total"))
        reason, reason_parts = self.reason_clause(delta, chg, "n.gpb.total", "gpb.expenditure.total", {"fund": "gpb"})
        cmp = self.pick(["与上年相比", "比上年"])
        self.p("%s%d年一般公共预算当年拨款" % (m.unit_name, y), g, "，", cmp, chg.sign_word, chg, "，",
               rate.sign_word, rate, "。", reason)
        self.claim("total_yoy", subject={"text": "一般公共预算当年拨款", "metric_id": "gpb.expenditure.total"},
                   roles={"value": g, "change": chg, "rate": rate}, reason=reason_parts, direction=chg.sign_word,
                   comparison={"text": cmp, "basis": "budget"})

        g2 = self.gpb_structure(g, "一般公共预算当年拨款结构情况", "%d年一般公共预算当年拨款" % y)

        self.h(3, self.sub_title(3, "一般公共预算当年拨款具体使用情况"))
        self.item_style = self.pick([("%d．", "支出"), ("（%d）", "%d年预算数为" % y), ("%d．", "")])
        self.check("sum.func.hierarchy", "sum", total=g2, parts=self.items(t06))

    def item(self, n, line, t06):
        """「n．X（项）支出A万元，与上年相比增加B万元，增长P%。主要原因是…」"""
        y, code = self.year, line.code
        metric = "gpb.expenditure.by_func"
        dims = {"fund": "gpb", "func_code": code}
        tag = "n.gpb.xiang.%s" % code
        a = self.amt(line.gpb, metric, tag=tag, **dims)
        eq(self, "agree.text_table", a, t06[(code, 0)])
        label = self.item_label(code)
        number, verb = self.item_style
        parts = [number % n, label, verb, a]
        subject = {"text": label, "metric_id": metric, "func_code": code}
        prior_cell = self.prior_cell(code)
        delta = line.gpb - line.prior
        claim = self.claim("item_yoy", subject=subject, roles={"value": a})
        if delta == 0:
            cmp = self.pick(["与上年预算数", "与上年"])
            parts += ["，", cmp, "持平。"]
            claim.family = "provincial.item_flat"
            claim.direction = "持平"
            claim.comparison = {"text": cmp, "basis": "budget"}
            if prior_cell is not None:
                self.check("change", "flat", cur=a, prior=prior_cell)
        elif line.prior == 0:
            chg = self.chg_fact(delta, metric, tag, a, **dims)
            self.check("change", "yoy", cur=a, chg=chg, rate=None, prior=prior_cell)
            parts += ["，比上年", chg.sign_word, chg, "，主要原因是本年新增%s。" % self.pick(NEW_ITEM)]
            claim.family = "provincial.item_new"
            claim.roles["change"] = chg
            claim.direction = chg.sign_word
            claim.comparison = {"text": "比上年", "basis": "budget"}
            claim.note = "new item: last year's figure is 0"
        else:
            cmp = self.pick(["与上年相比", "较上年", "比上年", "与%d年相比" % (y - 1), "比%d年预算" % (y - 1)])
            chg = self.chg_fact(delta, metric, tag, a, **dims)
            rate = self.yoy_rate(delta, line.prior, metric, tag, a, "增长" if delta > 0 else "下降", **dims)
            rate.refs["change"] = chg
            self.check("change", "yoy", cur=a, chg=chg, rate=rate, prior=prior_cell)
            parts += ["，", cmp, chg.sign_word, chg, "，", rate.sign_word, rate, "。"]
            reason, reason_parts = self.reason_clause(delta, chg, tag, metric, dims, line=line)
            parts += reason
            claim.roles.update(change=chg, rate=rate)
            claim.reason = reason_parts
            claim.direction = chg.sign_word
            year = y - 1 if str(y - 1) in cmp else None
            claim.comparison = {"text": cmp, "basis": "budget", "year": year}
        if self.vr.random() < 0.35:
            used = q2(line.gpb * Decimal(self.vr.randint(30, 90)) / 100)
            if used >= Decimal("0.04"):
                f1, f2 = self.split_two(used)
                u1, u2 = self.vr.sample(USES, 2)
                c1 = self.component(f1, metric, tag + ".use1", u1, "amount", **dims)
                c2 = self.component(f2, metric, tag + ".use2", u2, "amount", **dims)
                parts += ["主要用于：一是%s" % u1, c1, "；二是%s" % u2, c2, "。"]
                claim.components = [(c1, u1), (c2, u2)]
                self.check("sum.components", "sum_le", total=a, parts=[c1, c2])
        self.p(parts, kind="list")
        return a

    def reason_clause(self, delta, chg, tag, metric, dims, line=None):
        """The 主要原因是 clause of a change: words only, a transfer naming the
        whole change, a 一是/二是 list adding up to it (one variant with a
        part going the other way), or a policy rate.  Returns (parts,
        [(component, label)])."""
        up = delta > 0
        mag = abs(delta)
        choices = ["words", "list", "mixed"] + (["transfer"] if line is not None else [])
        if not up:
            choices.append("policy")
        kind = self.pick(choices) if mag >= Decimal("0.04") else "words"
        if kind == "words":
            return ["主要原因是%s。" % self.pick(REASON_UP if up else REASON_DOWN)], []
        if kind == "policy":
            subject, verb = self.pick(POLICY)
            rate = self.policy_rate(tag + ".policy", subject)
            return ["主要原因是落实%s%s" % (subject, verb), rate, "的要求，相应减少%s经费。" % self.pick(TOPICS)], []
        if kind == "transfer":
            topic = self.pick(TOPICS)
            # The other 项 is named only when the catalog has a sibling in the
            # same 款 (a made-up name would be a code.name error).
            siblings = sorted(n for c, n in list(catalog.FUNC_XIANG.items()) + list(catalog.FUNC_XIANG_EXTRA.items())
                              if c[:5] == line.code[:5] and c != line.code)
            label = topic + "专项经费"
            c = self.component(mag, metric, tag + ".reason1", label, "change", **dims)
            self.components_check([c], [1 if up else -1], chg=chg)
            if up:
                before = ("主要原因是上年在%s（项）列支的%s" % (self.pick(siblings), label) if siblings
                          else "主要原因是上年未在此项列支的%s" % label)
                return [before, c, "本年调整至此项列支。"], [(c, label)]
            after = "本年调整至%s（项）列支。" % self.pick(siblings) if siblings else "本年不再在此项列支。"
            return ["主要原因是上年列入此项的%s" % label, c, after], [(c, label)]
        t1, t2 = self.vr.sample(TOPICS, 2)
        if kind == "list":
            d1, d2 = self.split_two(mag)
            acts = UP_ACTS if up else DOWN_ACTS
            l1, l2 = self.pick(acts) % t1, self.pick(acts) % t2
            c1 = self.component(d1, metric, tag + ".reason1", l1, "change", **dims)
            c2 = self.component(d2, metric, tag + ".reason2", l2, "change", **dims)
            sign = 1 if up else -1
            self.components_check([c1, c2], [sign, sign], chg=chg)
            return ["主要原因是：一是%s" % l1, c1, "；二是%s" % l2, c2, "。"], [(c1, l1), (c2, l2)]
        # mixed: one part with the change, one against it; they net to the change.
        against = q2(mag * Decimal(self.vr.randint(10, 60)) / 100) or Decimal("0.01")
        main = mag + against
        w_main, w_against = ("增加", "减少") if up else ("减少", "增加")
        l1, l2 = "%s经费" % t1, "%s经费" % t2
        c1 = self.component(main, metric, tag + ".reason1", l1, "change", sign_word=w_main, **dims)
        c2 = self.component(against, metric, tag + ".reason2", l2, "change", sign_word=w_against, **dims)
        sign = 1 if up else -1
        self.components_check([c1, c2], [sign, -sign], chg=chg)
        return ["主要原因是：一是%s%s" % (l1, w_main), c1, "；二是%s%s" % (l2, w_against), c2, "。"], [
            (c1, l1), (c2, l2)]

    def b_three_public(self):
        """Shares 「占“三公”经费的N%」 whose total is in the paragraph before,
        only in the table, or only the sum of the listed parts."""
        f, y, m, s = self.fig, self.year, self.meta, self.style
        tp = f.tp
        t09 = self.T["BU09"]
        self.h(2, self.sec_title(self.sec, "“三公”经费预算情况说明"))
        total_value = figures.ThreePublic.total(tp.actual)
        where = s.tp_total_where or "paragraph"
        total = None
        if where == "paragraph":
            total = self.amt(total_value, "three_public.total", tag="n.tp.total", fund="fiscal")
            if t09.get(("current", "total")) is not None:
                eq(self, "agree.text_table", total, t09[("current", "total")])
            delta = total_value - self.tp_prior_value("total")
            head = ["%d年%s一般公共预算拨款安排的“三公”经费预算为" % (y, m.unit_name), total]
            claim = self.claim("tp_total", subject={"text": "“三公”经费", "metric_id": "three_public.total"},
                               roles={"value": total})
            if delta == 0:
                head += ["，与上年预算持平"]
                claim.direction = "持平"
                claim.comparison = {"text": "与上年预算", "basis": "budget"}
            else:
                chg = self.chg_fact(delta, "three_public.total", "n.tp.total", total, fund="fiscal")
                rate = self.yoy_rate(delta, self.tp_prior_value("total"), "three_public.total", "n.tp.total", total,
                                     "增长" if delta > 0 else "下降", fund="fiscal")
                rate.refs["change"] = chg
                self.check("change", "yoy", cur=total, chg=chg, rate=rate, prior=t09.get(("prior", "total")))
                head += ["，比上年预算", chg.sign_word, chg, "，", rate.sign_word, rate]
                claim.roles.update(change=chg, rate=rate)
                claim.direction = chg.sign_word
                claim.comparison = {"text": "比上年预算", "basis": "budget"}
            subject, verb = self.pick(POLICY)
            pr = self.policy_rate("n.tp.policy", subject)
            self.p(head, "。按照厉行节约的要求，本年%s%s" % (subject, verb), pr, "。")
            denominator = total
        elif where == "table":
            self.p("%d年%s“三公”经费预算安排情况如下：" % (y, m.unit_name))
            denominator = t09[("current", "total")]
        else:
            self.p("%d年%s“三公”经费预算按用途分列如下：" % (y, m.unit_name))
            denominator = None
        values = self.tp_part_facts()
        amounts, shares, parts = {}, [], []
        order = ("outbound", "vehicle", "reception")
        for key in order:
            amounts[key] = self.amt(values[key], TP_METRICS[key], tag="n.tp.%s" % key, fund="fiscal")
        if denominator is None:
            denominator = SumOf([amounts[k] for k in order])
        for i, key in enumerate(order):
            fact = amounts[key]
            share = self.share(fact, denominator, TP_METRICS[key], "three_public.total", tag="n.tp.%s.share" % key,
                               fund="fiscal")
            shares.append(share)
            cell = t09.get(("current", key))
            if cell is not None:
                eq(self, "agree.text_table", fact, cell)
            lead = "其中，" if i == 0 and where == "paragraph" else ""
            parts += [lead + TP_LABELS[key] + "预算", fact, "，占“三公”经费的", share]
            self.claim("tp_share", subject={"text": TP_LABELS[key], "metric_id": TP_METRICS[key]},
                       roles={"value": fact, "share": share, "total": denominator}, total_where=where)
            if key == "vehicle":
                parts += self.tp_vehicle_claim(fact, ("（其中，公务用车购置费", "，公务用车运行费", "）"))
            parts.append("；" if i < 2 else "。")
        self.p(parts)
        self.check("share.sum_100", "group100", shares=shares)
        if total is not None:
            self.check("sum.three_public.total", "sum", total=total, parts=[amounts[k] for k in order])
        bought = self.count(tp.purchased, "three_public.vehicle.purchased_count", "辆", tag="n.tp.purchased")
        fleet = self.count(tp.fleet, "three_public.vehicle.fleet_count", "辆", tag="n.tp.fleet")
        self.fleet_fact = fleet
        self.p("%d年计划购置公务用车" % y, bought, "，年初公务用车保有量", fleet, "。")

    def b_admin(self, n):
        y, m = self.year, self.meta
        a, chg, rate = self.admin_change(n, ("增长", "下降"))
        delta = chg.value()
        parts = ["%d年%s机关运行经费预算" % (y, m.unit_name), a, "，比上年预算", chg.sign_word, chg, "，",
                 rate.sign_word, rate, "。"]
        if delta < 0:
            subject, verb = self.pick(POLICY)
            pr = self.policy_rate("n.admin.policy", subject)
            parts += ["主要原因是落实过紧日子要求，%s%s" % (subject, verb), pr, "。"]
        else:
            parts += ["主要原因是%s。" % self.pick(REASON_UP)]
        self.p(parts)
        self.claim("admin_yoy", subject={"text": "机关运行经费", "metric_id": "admin_operating_cost"},
                   roles={"value": a, "change": chg, "rate": rate}, direction=chg.sign_word,
                   comparison={"text": "比上年预算", "basis": "budget"})


class DistrictBuilder(DialectBuilder):
    DIALECT = "district"

    def exec_word(self, delta):
        """(words before the rate, the rate's sign word) for a change against
        last year's 预算执行数."""
        y = self.year
        base = "%d年预算执行数" % (y - 1)
        form = self.pick(("verb", "verb", "grow", "fu"))
        if form == "verb":
            w = "增加" if delta > 0 else "减少"
            return "比%s%s" % (base, w), w, "比" + base
        if form == "grow":
            w = "增长" if delta > 0 else "下降"
            return "较%s%s" % (base, w), w, "较" + base
        w = "增幅" if delta > 0 else "降幅"
        return "比%s有所%s，%s为" % (base, "增加" if delta > 0 else "减少", w), w, "比" + base

    def b_total(self):
        f, y, m = self.fig, self.year, self.meta
        self.h(2, self.sec_title(self.sec, "财务收支预算总体情况"))
        x = self.amt(f.grand_total, "income.grand_total", tag="n.income.grand_total")
        x.also_metrics = ["expenditure.grand_total"]
        eq(self, "agree.text_table", x, self.T["BU01"]["income.grand_total"])
        eq(self, "agree.text_table", x, self.T["BU01"]["expenditure.grand_total"])
        prior = f.prior["grand_total"]
        delta = f.grand_total - prior
        chg = self.chg_fact(delta, "income.grand_total", "n.income.grand_total", x)
        chg.also_metrics = ["expenditure.grand_total"]
        rate = self.yoy_rate(delta, prior, "income.grand_total", "n.income.grand_total", x,
                             "增长" if delta > 0 else "下降")
        rate.also_metrics = ["expenditure.grand_total"]
        rate.refs["change"] = chg
        for fact in (chg, rate):
            fact.dims["compared_to"] = "execution"
        self.check("change", "yoy", cur=x, chg=chg, rate=rate, prior=None)
        cmp = "比%d年预算执行数" % (y - 1)
        self.p("%d年，%s收、支预算总额均为" % (y, m.unit_name), x, "，", cmp, chg.sign_word, chg, "，",
               rate.sign_word, rate, "，主要原因是%s。" % self.pick(REASON_UP if delta > 0 else REASON_DOWN))
        self.claim("total_exec", subject={"text": "收、支预算总额", "metric_id": "income.grand_total"},
                   roles={"value": x, "change": chg, "rate": rate}, direction=chg.sign_word,
                   comparison={"text": cmp, "basis": "execution", "year": y - 1})

    def b_fiscal(self):
        f, y, m = self.fig, self.year, self.meta
        self.h(2, self.sec_title(self.sec, "财政拨款收支预算总体情况"))
        x = self.amt(f.gpb_income, "fiscal.income.total", tag="n.fiscal.income", fund="fiscal")
        eq(self, "agree.text_table", x, self.T["BU04"]["income.total"])
        g = self.amt(f.gpb_income, "fiscal.income", tag="n.fiscal.gpb", fund="gpb")
        eq(self, "agree.text_table", g, self.T["BU04"]["fiscal.income.gpb"])
        parts = ["%d年%s财政拨款收入预算" % (y, m.unit_name), x, "，其中：一般公共预算拨款收入预算", g]
        claim = self.claim("fiscal_source", subject={"text": "一般公共预算拨款收入", "metric_id": "fiscal.income"},
                           roles={"value": g})
        prior = f.prior.get("src.income.fiscal.gpb", f.gpb_income)
        delta = f.gpb_income - prior
        cmp = "比%d年预算" % (y - 1)
        if delta == 0:
            parts += ["，与%d年预算持平" % (y - 1)]
            claim.direction = "持平"
            claim.comparison = {"text": "与%d年预算" % (y - 1), "basis": "budget", "year": y - 1}
        else:
            chg = self.chg_fact(delta, "fiscal.income", "n.fiscal.gpb", g, fund="gpb")
            self.check("change", "yoy", cur=g, chg=chg, rate=None, prior=None)
            parts += ["，", cmp, chg.sign_word, chg]
            claim.roles["change"] = chg
            claim.direction = chg.sign_word
            claim.comparison = {"text": cmp, "basis": "budget", "year": y - 1}
        for fund, label in (("gov_fund", "政府性基金拨款收入"), ("soe", "国有资本经营预算拨款收入")):
            z = self.amt(ZERO, "fiscal.income", tag="n.fiscal." + fund, fund=fund)
            eq(self, "agree.text_table", z, self.T["BU04"]["fiscal.income." + fund])
            words = "与%d年预算持平" % (y - 1)
            parts += ["；%s预算" % label, z, "，" + words]
            self.claim("fiscal_source", subject={"text": label, "metric_id": "fiscal.income"}, roles={"value": z},
                       direction="持平", comparison={"text": "与%d年预算" % (y - 1), "basis": "budget",
                                                     "year": y - 1})
        self.p(parts, "。")
        self.claim("amount", subject={"text": "财政拨款收入", "metric_id": "fiscal.income.total"},
                   roles={"value": x})

    def b_gpb(self):
        f, y, m = self.fig, self.year, self.meta
        t06 = self.T["BU06"]
        g = self.gpb_total_fact("一般公共预算支出预算情况", "一般公共预算拨款支出预算总体情况")
        prior = f.prior["gpb_total"]
        delta = f.gpb_total - prior
        claim = self.claim("total_exec", subject={"text": "一般公共预算拨款支出预算", "metric_id": "gpb.expenditure.total"},
                           roles={"value": g})
        cmp = "比%d年预算执行数" % (y - 1)
        if delta == 0:
            tail = ["，与%d年预算执行数持平。" % (y - 1)]
            claim.direction = "持平"
            claim.comparison = {"text": "与%d年预算执行数" % (y - 1), "basis": "execution", "year": y - 1}
            if self.prior_cell("total") is not None:
                self.check("change", "flat", cur=g, prior=self.prior_cell("total"))
        else:
            chg = self.chg_fact(delta, "gpb.expenditure.total", "n.gpb.total", g, fund="gpb")
            word = self.pick((("增长", "下降"), ("增幅", "降幅")))
            rw = word[0] if delta > 0 else word[1]
            rate = self.yoy_rate(delta, prior, "gpb.expenditure.total", "n.gpb.total", g, rw, fund="gpb")
            rate.refs["change"] = chg
            for fact in (chg, rate):
                fact.dims["compared_to"] = "execution"
            self.check("change", "yoy", cur=g, chg=chg, rate=rate, prior=self.prior_cell("total"))
            tail = ["，", cmp, chg.sign_word, chg, "，", rw, rate, "。"]
            claim.roles.update(change=chg, rate=rate)
            claim.direction = chg.sign_word
            claim.comparison = {"text": cmp, "basis": "execution", "year": y - 1}
        self.p("%d年%s一般公共预算拨款支出预算" % (y, m.unit_name), g, tail)

        self.h(3, self.sub_title(2, "一般公共预算拨款支出预算主要内容"))
        xiang = self.items(t06)
        g2 = self.amt(f.gpb_total, "gpb.expenditure.total", tag="n.gpb.total.2", fund="gpb")
        eq(self, "agree.repeat", g2, g)
        self.p("以上合计", g2, "。")
        self.check("sum.func.hierarchy", "sum", total=g2, parts=xiang)

    def item(self, n, line, t06):
        """「（n）X（项）：YYYY年当年预算执行数为A万元，YYYY+1年预算安排B万元，比
        YYYY年预算执行数增加P%，主要原因是…」"""
        y, code = self.year, line.code
        metric = "gpb.expenditure.by_func"
        dims = {"fund": "gpb", "func_code": code}
        tag = "n.gpb.xiang.%s" % code
        label = self.item_label(code)
        a = self.amt(line.prior, metric, tag=tag + ".prior", fund="gpb", func_code=code, period="prior",
                     basis="execution")
        a.year = y - 1
        b = self.amt(line.gpb, metric, tag=tag, **dims)
        eq(self, "agree.text_table", b, t06[(code, 0)])
        prior_cell = self.prior_cell(code)
        if prior_cell is not None:
            eq(self, "agree.text_table", a, prior_cell)
        lead = self.pick(("当年预算执行数为", "预算执行数为"))
        parts = ["（%d）" % n, label, "：", "%d年%s" % (y - 1, lead), a, "，%d年预算安排" % y, b, "，"]
        subject = {"text": label, "metric_id": metric, "func_code": code}
        claim = self.claim("item_exec", subject=subject, roles={"prior": a, "value": b})
        delta = line.gpb - line.prior
        if delta == 0:
            cmp = self.pick(("与%d年预算执行数" % (y - 1), "与上年预算数"))
            parts += [cmp, "持平。"]
            claim.family = "district.item_flat"
            claim.direction = "持平"
            claim.comparison = {"text": cmp, "basis": "execution" if "执行" in cmp else "budget",
                                "year": y - 1 if str(y - 1) in cmp else None}
            self.check("change", "flat", cur=b, prior=a)
            self.p(parts, kind="list")
            return b
        if line.prior == 0:
            rate = Fact(metric, "yoy_rate", "100", "%", self.dims(**dims), "%", tag=tag + ".rate",
                        base_metric_id=metric, refs={"current": b, "prior": a}, sign_word="增加", year=y)
            rate.per_value = True
            cmp = self.pick(("比%d年预算执行数" % (y - 1), "比上年"))
            parts += [cmp, "增加", rate, "，主要原因是新增%s。" % self.pick(NEW_ITEM)]
            self.check("change", "yoy", cur=b, chg=None, rate=rate, prior=a)
            claim.family = "district.item_zero_base"
            claim.roles["rate"] = rate
            claim.direction = "增加"
            claim.comparison = {"text": cmp, "basis": "execution", "year": y - 1 if str(y - 1) in cmp else None}
            claim.note = "zero base: the genre prints 100% for an item new this year"
            self.p(parts, kind="list")
            return b
        words, word, cmp = self.exec_word(delta)
        rate = self.yoy_rate(delta, line.prior, metric, tag, b, word, **dims)
        rate.refs["prior"] = a
        rate.dims["compared_to"] = "execution"
        self.check("change", "yoy", cur=b, chg=None, rate=rate, prior=a)
        parts += [words, rate, "，"]
        claim.roles["rate"] = rate
        claim.direction = word
        claim.comparison = {"text": cmp, "basis": "execution", "year": y - 1}
        if self.vr.random() < 0.35 and abs(delta) >= Decimal("0.02"):
            up = delta > 0
            whole = self.vr.random() < 0.5
            value = abs(delta) if whole else q2(abs(delta) * Decimal(self.vr.randint(20, 80)) / 100)
            value = max(value, Decimal("0.01"))
            topic = self.pick(TOPICS)
            label_c = ("新增%s经费" if up else "减少%s经费") % topic
            c = self.component(value, metric, tag + ".reason1", label_c, "change", **dims)
            parts += ["主要原因是%s" % label_c, c, "。"]
            claim.reason = [(c, label_c)]
            if whole:
                self.components_check([c], [1 if up else -1], cur=b, prior=a)
        else:
            parts += ["主要原因是%s。" % self.pick(REASON_UP if delta > 0 else REASON_DOWN)]
        self.p(parts, kind="list")
        return b

    def b_three_public(self):
        f, y, m = self.fig, self.year, self.meta
        tp = f.tp
        t09 = self.T["BU09"]
        self.h(2, self.sec_title(self.sec, "“三公”经费预算情况说明"))
        total_value = figures.ThreePublic.total(tp.actual)
        t = self.amt(total_value, "three_public.total", tag="n.tp.total", fund="fiscal")
        if t09.get(("current", "total")) is not None:
            eq(self, "agree.text_table", t, t09[("current", "total")])
        head = self.tp_change(t, "total", "total", "“三公”经费")
        self.p("%d年%s“三公”经费预算数为" % (y, m.unit_name), t, head, "。其中：")
        values = self.tp_part_facts()
        amounts = {}
        order = ("outbound", "vehicle", "reception")
        for i, key in enumerate(order, start=1):
            fact = self.amt(values[key], TP_METRICS[key], tag="n.tp.%s" % key, fund="fiscal")
            amounts[key] = fact
            if t09.get(("current", key)) is not None:
                eq(self, "agree.text_table", fact, t09[("current", key)])
            tail = self.tp_change(fact, key, key, TP_LABELS[key])
            parts = ["（%s）%s" % (catalog.cn_ordinal(i), TP_LABELS[key]), fact, tail, "。"]
            if key == "vehicle":
                parts += self.tp_vehicle_claim(fact, ("其中：公务用车购置费", "，公务用车运行费", "。"))
            self.p(parts, kind="list")
        self.check("sum.three_public.total", "sum", total=t, parts=[amounts[k] for k in order])
        bought = self.count(tp.purchased, "three_public.vehicle.purchased_count", "辆", tag="n.tp.purchased")
        fleet = self.count(tp.fleet, "three_public.vehicle.fleet_count", "辆", tag="n.tp.fleet")
        self.fleet_fact = fleet
        self.p("%d年计划购置公务用车" % y, bought, "，年初公务用车保有量", fleet, "。")

    def tp_change(self, fact, key, tag_key, label):
        """「，比YYYY年预算减少B万元，主要原因是…」 or 「，与YYYY年预算持平」."""
        y = self.year
        t09 = self.T["BU09"]
        prior_value = self.tp_prior_value(key)
        prior_cell = t09.get(("prior", key))
        delta = fact.value() - prior_value
        claim = self.claim("tp_change", subject={"text": label, "metric_id": fact.metric_id}, roles={"value": fact})
        if delta == 0:
            cmp = "与%d年预算" % (y - 1)
            claim.direction = "持平"
            claim.comparison = {"text": cmp, "basis": "budget", "year": y - 1}
            if prior_cell is not None:
                self.check("change", "flat", cur=fact, prior=prior_cell)
            return ["，", cmp, "持平"]
        chg = self.chg_fact(delta, fact.metric_id, "n.tp.%s" % tag_key, fact, fund="fiscal")
        self.check("change", "yoy", cur=fact, chg=chg, rate=None, prior=prior_cell)
        cmp = "比%d年预算" % (y - 1)
        claim.roles["change"] = chg
        claim.direction = chg.sign_word
        claim.comparison = {"text": cmp, "basis": "budget", "year": y - 1}
        return ["，", cmp, chg.sign_word, chg, "，主要原因是%s" % self.pick(REASON_UP if delta > 0 else REASON_DOWN)]

    def b_admin(self, n):
        y, m = self.year, self.meta
        a, chg, rate = self.admin_change(n, self.pick((("增长", "下降"), ("增幅", "降幅"))))
        delta, rw = chg.value(), rate.sign_word
        cmp = "比%d年预算" % (y - 1)
        self.p("%d年%s机关运行经费预算" % (y, m.unit_name), a, "，", cmp, chg.sign_word, chg, "，", rw, rate,
               "，主要原因是%s。" % self.pick(REASON_UP if delta > 0 else REASON_DOWN))
        self.claim("admin_yoy", subject={"text": "机关运行经费", "metric_id": "admin_operating_cost"},
                   roles={"value": a, "change": chg, "rate": rate}, direction=chg.sign_word,
                   comparison={"text": cmp, "basis": "budget", "year": y - 1})
