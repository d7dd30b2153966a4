"""Planted errors and neutral presentation edits.

Each Mutation edits a built document model in place and returns a record
describing what it changed (the facts involved, before/after printed values,
text locations).  A planted mutation carries exactly one labelled
inconsistency under its rule id; because printed reports are heavily
cross-footed, one edit can also break a few neighbouring identities — the
generator evaluates every registered identity afterwards and lists those in
the truth file (`also_violates`), so nothing a checker may legitimately
report is left unlabelled.

Neutral mutations change presentation only (separators, full-width digits,
spacing, line and page breaks); they must leave every fact value and every
identity intact, which the generator verifies.

Rule ids are stable: the C++ checks use exactly these ids.
"""

from decimal import Decimal

import re

from gen import catalog, claims as claims_mod, numfmt
from gen.model import Fact, LineBreak, PageBreak, Para, Table
from gen.numfmt import HUNDRED, q2, trunc2

RULES = [
    "sum.total_balance", "sum.income.by_source", "sum.expenditure.basic_project",
    "sum.basic.personnel_public", "sum.func.hierarchy", "sum.three_public.total",
    "sum.three_public.vehicle", "sum.procurement",
    "share.recompute", "share.sum_100", "share.truncated",
    "change.rate", "change.direction", "change.amount",
    "completion.rate",
    "agree.text_table", "agree.repeat",
    "code.name_mismatch",
    "presentation.missing_unit", "presentation.template_residue", "presentation.percent_without_sign",
    "table.value_shifted",
]

NEUTRAL = [
    "neutral.thousands_separator", "neutral.fullwidth_digits", "neutral.space_before_unit",
    "neutral.line_break", "neutral.table_page_break",
]

# Rules whose violation is structural/textual: the identity evaluator cannot
# see them, the planted record is their only evidence.
STRUCTURAL = {"code.name_mismatch", "presentation.missing_unit", "presentation.template_residue",
              "presentation.percent_without_sign", "table.value_shifted", "presentation.year_mismatch",
              "review.comparison_year"}


class Mutation:
    rule_id = None  # the rule a checker reports for it
    kinds = ("final", "budget")
    style = {}  # style overrides needed for the edit to be possible
    want = {}  # figure constraints (see figures.make)
    neutral = False
    hint = None  # what kind of slip it is, when the rule id alone does not say

    @property
    def mid(self):
        """The mutation id (names the sample; the rule id for the legacy ones)."""
        return self.rule_id

    @property
    def family(self):
        return self.rule_id.split(".")[0]

    def apply(self, doc, rng, style):
        raise NotImplementedError


class Edit:
    def __init__(self):
        self.changes = []  # (fact, before, after)
        self.facts = []  # facts involved (changed or compared)
        self.texts = []  # {"location":…, "before":…, "after":…}
        self.description = ""
        self.intended = None


# ----- helpers ----------------------------------------------------------------

def kind_tid(doc, final_tid, budget_tid):
    return final_tid if doc.meta["kind"] == "final" else budget_tid


def find(doc, tag):
    found = doc.by_tag(tag)
    return found[0] if found else None


def printed_decimals(fact, style):
    if fact.raw in ("", "-"):
        if fact.origin == "table":
            return style.table_decimals if fact.scale == "元" else 2
        return 2
    return numfmt.decimals_of(fact.raw)


def set_value(fact, value, style):
    """Prints `value` (万元 for amounts, percent for shares, int for counts)
    in the fact's own style and unit."""
    before = fact.raw
    if fact.scale == "count":
        fact.raw = "%d" % value
    elif fact.scale == "%":
        fact.raw = numfmt.fmt_percent(value, drop=numfmt.decimals_of(before or "0.00") != 2)
    elif fact.origin == "table":
        decimals = printed_decimals(fact, style)
        fact.raw = numfmt.fmt_table_amount(value, fact.scale, decimals, "," in before or style.table_thousands)
    else:
        drop = numfmt.decimals_of(before) != 2
        fact.raw = numfmt.fmt_amount(value, drop=drop, thousands="," in before)
    return before, fact.raw


def magnitude_of(fact):
    value = fact.value() or Decimal(0)
    return abs(value)


def amount_delta(rng, fact):
    """A visible change for an amount: 2–8 % of it, at least 1.37 万元."""
    base = magnitude_of(fact)
    delta = q2(base * Decimal(rng.randint(200, 800)) / Decimal(10000))
    return max(delta, Decimal("1.37"))


def bump(edit, fact, delta, style):
    value = (fact.value() or Decimal(0))
    if fact.sign_word and value < 0:
        value = -value
    before, after = set_value(fact, value + delta, style)
    edit.changes.append((fact, before, after))
    if fact not in edit.facts:
        edit.facts.append(fact)


def para_of(doc, fact):
    for block in doc.blocks:
        if isinstance(block, Para) and any(p is fact for p in block.parts):
            return block
    return None


def narrative_amounts(doc):
    return [f for f in doc.facts() if f.origin == "narrative" and f.measure == "amount" and f.unit == "万元"
            and f.value()]


# ----- sum.* --------------------------------------------------------------------

class TotalBalance(Mutation):
    rule_id = "sum.total_balance"
    style = {"total_phrase": "split"}

    def apply(self, doc, rng, style):
        tid = kind_tid(doc, "FA01", "BU01")
        e = Edit()
        grand = find(doc, "t.%s.expenditure.grand_total.0" % tid)
        delta = amount_delta(rng, grand)
        for tag in ("t.%s.expenditure.grand_total.0" % tid, "t.%s.expenditure.end_carryover.0" % tid,
                    "n.expenditure.grand_total"):
            bump(e, find(doc, tag), delta, style)
        e.facts.append(find(doc, "t.%s.income.grand_total.0" % tid))
        e.description = ("支出总计 raised by %s万元 in %s and in the narrative (with 年末结转和结余 raised alike), "
                         "so 收入总计 ≠ 支出总计" % (delta, tid))
        return e


class IncomeBySource(Mutation):
    rule_id = "sum.income.by_source"

    def apply(self, doc, rng, style):
        tid = kind_tid(doc, "FA01", "BU01")
        e = Edit()
        fact = find(doc, "t.%s.income.fiscal.gpb.0" % tid)
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        e.facts.append(find(doc, "t.%s.income.total.0" % tid))
        e.description = "一般公共预算（财政）拨款收入 row of %s raised by %s万元: 本年收入合计 ≠ Σ sources" % (tid, delta)
        return e


class BasicProject(Mutation):
    rule_id = "sum.expenditure.basic_project"

    def apply(self, doc, rng, style):
        tid = kind_tid(doc, "FA03", "BU03")
        candidates = [f for f in doc.facts() if f.tag and f.tag.startswith("t.%s." % tid) and f.tag.endswith(".2")
                      and len(f.tag.split(".")[2]) == 7 and f.value()]
        if not candidates:
            return None
        fact = rng.choice(candidates)
        e = Edit()
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        code = fact.tag.split(".")[2]
        e.facts.append(find(doc, "t.%s.%s.0" % (tid, code)))
        e.description = "项目支出 of 项 %s in %s raised by %s万元: 本年支出合计 ≠ 基本支出 + 项目支出 on that row" % (
            code, tid, delta)
        return e


class PersonnelPublic(Mutation):
    rule_id = "sum.basic.personnel_public"

    def apply(self, doc, rng, style):
        e = Edit()
        fact = find(doc, "n.basic.total")
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        e.facts += [find(doc, "n.basic.personnel"), find(doc, "n.basic.public")]
        e.description = "narrative 基本支出 raised by %s万元: 基本支出 ≠ 人员经费 + 公用经费" % delta
        return e


class FuncHierarchy(Mutation):
    rule_id = "sum.func.hierarchy"

    def apply(self, doc, rng, style):
        tid = kind_tid(doc, "FA06", "BU06")
        kuans = sorted({f.tag.split(".")[2] for f in doc.facts() if f.tag and f.tag.startswith("t.%s." % tid)
                        and len(f.tag.split(".")[2]) == 5 and f.tag.split(".")[2].isdigit()})
        if not kuans:
            return None
        kuan = rng.choice(kuans)
        total = find(doc, "t.%s.%s.0" % (tid, kuan))
        basic = find(doc, "t.%s.%s.1" % (tid, kuan))
        project = find(doc, "t.%s.%s.2" % (tid, kuan))
        part = basic if (basic.value() or 0) > 0 else project
        e = Edit()
        delta = amount_delta(rng, total)
        bump(e, total, delta, style)
        bump(e, part, delta, style)
        e.description = "款 %s row of %s raised by %s万元 in 合计 and %s: 类 ≠ Σ款 and 款 ≠ Σ项" % (
            kuan, tid, delta, "基本支出" if part is basic else "项目支出")
        return e


class ThreePublicTotal(Mutation):
    rule_id = "sum.three_public.total"

    def apply(self, doc, rng, style):
        tid, basis = ("FA13", "actual") if doc.meta["kind"] == "final" else ("BU09", "current")
        fact = find(doc, "t.%s.total.%s" % (tid, basis))
        e = Edit()
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        for key in ("outbound", "vehicle", "reception"):
            e.facts.append(find(doc, "t.%s.%s.%s" % (tid, key, basis)))
        e.description = "“三公”经费 合计 cell of %s raised by %s万元: 合计 ≠ 出国 + 车 + 接待" % (tid, delta)
        return e


class ThreePublicVehicle(Mutation):
    rule_id = "sum.three_public.vehicle"
    want = {"fleet": True}

    def apply(self, doc, rng, style):
        tid, basis = ("FA13", "actual") if doc.meta["kind"] == "final" else ("BU09", "current")
        fact = find(doc, "t.%s.operation.%s" % (tid, basis))
        e = Edit()
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        e.facts += [find(doc, "t.%s.vehicle.%s" % (tid, basis)), find(doc, "t.%s.purchase.%s" % (tid, basis))]
        e.description = "公务用车运行费 cell of %s raised by %s万元: 小计 ≠ 购置费 + 运行费" % (tid, delta)
        return e


class Procurement(Mutation):
    rule_id = "sum.procurement"
    want = {"procurement": True}

    def apply(self, doc, rng, style):
        fact = find(doc, "n.proc.goods")
        if fact is None:
            return None
        e = Edit()
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        e.facts += [find(doc, "n.proc.total"), find(doc, "n.proc.works"), find(doc, "n.proc.services")]
        e.description = "政府采购货物 raised by %s万元: 政府采购总额 ≠ 货物 + 工程 + 服务" % delta
        return e


# ----- share.* ------------------------------------------------------------------

def share_checks(doc):
    return [c for c in doc.checks if c.kind == "share"]


def percent_delta(rng):
    return Decimal(rng.randint(60, 300)) / 100


class ShareRecompute(Mutation):
    rule_id = "share.recompute"
    want = {"procurement": True}

    def apply(self, doc, rng, style):
        fact = find(doc, "n.proc.sme.share") or find(doc, "n.gpb.total.share")
        e = Edit()
        delta = percent_delta(rng)
        value = fact.value()
        new = value - delta if value + delta > HUNDRED else value + delta
        before, after = set_value(fact, new, style)
        e.changes.append((fact, before, after))
        e.facts += [fact, fact.refs["numerator"], fact.refs["denominator"]]
        e.description = "standalone share printed as %s%% where the printed amounts give %s%%" % (after, before)
        return e


class ShareSum100(Mutation):
    rule_id = "share.sum_100"

    def apply(self, doc, rng, style):
        groups = [c for c in doc.checks if c.kind == "group100"
                  and sum(1 for s in c.facts["shares"] if s.value()) >= 2]
        if not groups:
            return None
        group = rng.choice(groups)
        fact = rng.choice([s for s in group.facts["shares"] if s.value()])
        e = Edit()
        delta = percent_delta(rng)
        before, after = set_value(fact, fact.value() + delta, style)
        e.changes.append((fact, before, after))
        e.facts += list(group.facts["shares"])
        e.description = "one share of a complete breakdown raised by %s points: the shares no longer sum to 100" % delta
        return e


class ShareTruncated(Mutation):
    rule_id = "share.truncated"

    def apply(self, doc, rng, style):
        found = []
        for check in share_checks(doc):
            num, den = check.facts["num"], check.facts["den"]
            if not den.value() or not num.value():
                continue
            exact = HUNDRED * num.value() / den.value()
            # The truncated value must be outside what rounding could print.
            if exact - trunc2(exact) > Decimal("0.0065") and q2(exact) != trunc2(exact):
                found.append((check, exact))
        def group_size(check):
            for g in doc.checks:
                if g.kind == "group100" and any(s is check.facts["share"] for s in g.facts["shares"]):
                    return sum(1 for s in g.facts["shares"] if s.value())
            return 0

        # Prefer a complement pair (基本/项目): the truncated share then also
        # leaves the pair at 99.99, the classic template bug.
        pairs = [(c, x) for c, x in found if group_size(c) == 2]
        grouped = [(c, x) for c, x in found if group_size(c) > 2]
        pool = pairs or grouped or found
        if not pool:
            return None
        check, exact = rng.choice(pool)
        fact = check.facts["share"]
        e = Edit()
        before = fact.raw
        fact.raw = numfmt.canonical(trunc2(exact), 2)
        if numfmt.decimals_of(before) != 2:
            fact.raw = numfmt.drop_zeros(fact.raw)
        e.changes.append((fact, before, fact.raw))
        e.facts += [fact, check.facts["num"], check.facts["den"]]
        e.description = "share printed truncated (%s) instead of rounded half-up (%s) from %s" % (
            fact.raw, before, numfmt.canonical(exact.quantize(Decimal("0.0001"))))
        return e


# ----- change.* -----------------------------------------------------------------

def yoy_checks(doc, with_prior=None):
    out = []
    for c in doc.checks:
        if c.kind != "yoy" or c.facts["chg"] is None or c.facts["chg"].origin != "narrative":
            continue
        prior = c.facts.get("prior")
        if with_prior is True and (prior is None or prior.origin != "narrative"):
            continue
        out.append(c)
    return out


class ChangeRate(Mutation):
    rule_id = "change.rate"

    def apply(self, doc, rng, style):
        pool = [c for c in yoy_checks(doc) if c.facts["rate"] is not None and c.facts["rate"].value()]
        if not pool:
            return None
        check = rng.choice(pool)
        fact = check.facts["rate"]
        value = abs(fact.value())
        delta = percent_delta(rng) + q2(value * Decimal("0.1"))
        new = value - delta if value > delta * 2 else value + delta
        e = Edit()
        before, after = set_value(fact, new, style)
        e.changes.append((fact, before, after))
        e.facts += [fact, check.facts["cur"], check.facts["chg"]]
        e.description = "YoY rate printed %s%% instead of %s%%" % (after, before)
        return e


def flip_word(para, fact, words):
    """Replaces the sign word printed right before `fact` in its paragraph."""
    i = next(i for i, p in enumerate(para.parts) if p is fact)
    j = i - 1
    while j >= 0 and not isinstance(para.parts[j], str):
        j -= 1
    text = para.parts[j]
    for old, new in words:
        if text.endswith(old):
            para.parts[j] = text[: -len(old)] + new
            return old, new
    raise ValueError("no sign word before %s in %r" % (fact.tag, text))


class ChangeDirection(Mutation):
    rule_id = "change.direction"
    style = {"yoy_prior": True}

    def apply(self, doc, rng, style):
        pool = [c for c in yoy_checks(doc, with_prior=True)]
        if not pool:
            return None
        check = rng.choice(pool)
        chg, rate = check.facts["chg"], check.facts["rate"]
        para = para_of(doc, chg)
        swap = [("增加", "减少"), ("减少", "增加")]
        old, new = flip_word(para, chg, swap)
        chg.sign_word = new
        e = Edit()
        e.texts.append({"fact": chg, "before": old, "after": new})
        if rate is not None:
            old_r, new_r = flip_word(para, rate, [("增长", "下降"), ("下降", "增长")])
            rate.sign_word = new_r
            e.texts.append({"fact": rate, "before": old_r, "after": new_r})
        e.facts += [chg, check.facts["cur"], check.facts["prior"]] + ([rate] if rate is not None else [])
        e.description = "direction word '%s' printed where the amount went the other way ('%s')" % (new, old)
        return e


class ChangeAmount(Mutation):
    rule_id = "change.amount"
    style = {"yoy_prior": True}

    def apply(self, doc, rng, style):
        pool = [c for c in yoy_checks(doc, with_prior=True)]
        if not pool:
            return None
        check = rng.choice(pool)
        fact = check.facts["chg"]
        e = Edit()
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        e.facts += [check.facts["cur"], check.facts["prior"]]
        e.description = "YoY change printed %s larger than this year − last year" % delta
        return e


class CompletionRate(Mutation):
    rule_id = "completion.rate"
    kinds = ("final",)

    def apply(self, doc, rng, style):
        pool = [c for c in doc.checks if c.kind == "completion" and c.facts["rate"].value()]
        if not pool:
            return None
        check = rng.choice(pool)
        fact = check.facts["rate"]
        value = fact.value()
        delta = percent_delta(rng) * 2
        # Stay on the same side of 100% so that a printed '决算数小于/大于预算数'
        # remains true (no completion.direction side effect).
        if value > HUNDRED:
            new = value + delta
        elif value - delta > 0:
            new = value - delta
        else:
            new = value + min(delta, (HUNDRED - value) / 2)
        e = Edit()
        before, after = set_value(fact, new, style)
        e.changes.append((fact, before, after))
        e.facts += [fact, check.facts["actual"], check.facts["budget"]]
        e.description = "完成预算 printed %s%% instead of %s%%" % (after, before)
        return e


# ----- agree.* ------------------------------------------------------------------

class TextTable(Mutation):
    rule_id = "agree.text_table"

    def apply(self, doc, rng, style):
        pool = [f for f in doc.facts() if f.tag and f.tag.startswith("n.basic.econ.") and f.value()]
        if not pool:
            return None
        fact = rng.choice(pool)
        e = Edit()
        delta = amount_delta(rng, fact)
        bump(e, fact, delta, style)
        counterpart = [c.facts["b"] for c in doc.checks if c.kind == "eq" and c.facts["a"] is fact]
        e.facts += counterpart
        e.description = "narrative %s raised by %s万元: differs from the basic-expenditure table" % (
            catalog.ECON_KUAN[fact.dims["econ_code"]], delta)
        return e


class Repeat(Mutation):
    rule_id = "agree.repeat"

    def apply(self, doc, rng, style):
        # The second mention of 机关运行经费 in its own section is lowered
        # (raising it would also exceed 公用经费: agree.admin_cost).
        fact = find(doc, "n.admin.2")
        other = find(doc, "n.admin")
        e = Edit()
        delta = min(amount_delta(rng, fact), q2(fact.value() / 2))
        bump(e, fact, -delta, style)
        e.facts.append(other)
        e.description = "机关运行经费 printed %s万元 in the same section that first states %s万元" % (
            fact.raw, other.raw)
        return e


# ----- code / presentation / table ----------------------------------------------

class NameMismatch(Mutation):
    rule_id = "code.name_mismatch"

    def apply(self, doc, rng, style):
        if rng.random() < 0.5:
            return self._table(doc, rng)
        return self._narrative(doc, rng)

    def _table(self, doc, rng):
        tid = kind_tid(doc, "FA06", "BU06")
        table = doc.table(tid)
        rows = [r for r in table.rows if r[0].code and len(r[0].code) == 7]
        row = rng.choice(rows)
        code = row[0].code
        current = row[0].row_label
        siblings = sorted({n for c, n in catalog.FUNC_XIANG.items() if c[:5] == code[:5]} - {current})
        names = sorted(set(catalog.FUNC_XIANG.values()) - {current})
        wrong = rng.choice(siblings or names)
        before = row[0].row_label
        for cell in row:
            if cell.text == before:
                cell.text = wrong
            cell.row_label = wrong
        e = Edit()
        e.facts += [c.fact for c in row if c.fact is not None and c.fact.value() is not None]
        e.texts.append({"location": {"table": table.title, "table_id": tid, "code": code},
                        "before": before, "after": wrong})
        e.description = "科目 %s printed with the name '%s' (official name '%s')" % (code, wrong, before)
        return e

    def _narrative(self, doc, rng):
        pool = [f for f in doc.facts() if f.tag and f.tag.startswith("n.gpb.xiang.") and f.tag.count(".") == 3]
        fact = rng.choice(pool)
        code = fact.dims["func_code"]
        para = para_of(doc, fact)
        year = doc.meta["year"]
        right = catalog.short_lei(catalog.lei_name(code[:3], year))
        others = sorted({catalog.short_lei(catalog.lei_name(c, year)) for c in catalog.FUNC_LEI} - {right})
        wrong = rng.choice(others)
        head = para.parts[0]
        marker = right + "（类）"
        if marker not in head:
            return None
        para.parts[0] = head.replace(marker, wrong + "（类）", 1)
        e = Edit()
        e.facts.append(fact)
        e.texts.append({"fact": fact, "before": marker, "after": wrong + "（类）"})
        e.description = "项 %s (%s) listed under the wrong 类 '%s' instead of '%s'" % (
            code, catalog.xiang_name(code), wrong, right)
        return e


class MissingUnit(Mutation):
    rule_id = "presentation.missing_unit"

    def apply(self, doc, rng, style):
        pool = [f for f in narrative_amounts(doc) if f.tag and not f.tag.startswith("n.basic.econ.")]
        fact = rng.choice(pool)
        e = Edit()
        e.texts.append({"fact": fact, "before": fact.render(), "after": fact.raw})
        fact.unit = ""
        e.facts.append(fact)
        e.description = "amount %s printed without its unit 万元" % fact.raw
        return e


class TemplateResidue(Mutation):
    rule_id = "presentation.template_residue"

    def apply(self, doc, rng, style):
        choice = rng.choice(["reason", "words", "placeholder"])
        e = Edit()
        if choice == "reason":
            paras = [b for b in doc.blocks if isinstance(b, Para) and any(
                isinstance(p, str) and p.startswith("主要原因是") for p in b.parts)]
            para = rng.choice(paras)
            i = next(i for i, p in enumerate(para.parts) if isinstance(p, str) and p.startswith("主要原因是"))
            before = para.parts[i]
            para.parts[i] = "主要原因是。"
            e.texts.append({"fact": para.facts()[0], "before": before, "after": "主要原因是。"})
            e.facts.append(para.facts()[0])
            e.description = "empty reason left from the template: '主要原因是。'"
        elif choice == "words":
            pool = [c for c in yoy_checks(doc) if c.facts["rate"] is not None]
            check = rng.choice(pool)
            chg, rate = check.facts["chg"], check.facts["rate"]
            para = para_of(doc, chg)
            old, new = flip_word(para, chg, [("增加", "增加（减少）"), ("减少", "增加（减少）")])
            chg.sign_word = new
            old_r, new_r = flip_word(para, rate, [("增长", "增长（下降）"), ("下降", "增长（下降）")])
            rate.sign_word = new_r
            e.texts.append({"fact": chg, "before": old, "after": new})
            e.texts.append({"fact": rate, "before": old_r, "after": new_r})
            e.facts += [chg, rate]
            e.description = "template words '增加（减少）…增长（下降）' left instead of the actual direction"
        else:
            name = doc.meta["unit_name"]
            paras = [b for b in doc.blocks if isinstance(b, Para) and b.facts() and any(
                isinstance(p, str) and name in p for p in b.parts)]
            para = rng.choice(paras)
            i = next(i for i, p in enumerate(para.parts) if isinstance(p, str) and name in p)
            placeholder = "XX" + ("局" if name.endswith("局") else "单位")
            para.parts[i] = para.parts[i].replace(name, placeholder, 1)
            e.texts.append({"fact": para.facts()[0], "before": name, "after": placeholder})
            e.facts.append(para.facts()[0])
            e.description = "unit name replaced by the template placeholder '%s'" % placeholder
        e.intended = choice
        return e


class PercentWithoutSign(Mutation):
    rule_id = "presentation.percent_without_sign"

    def apply(self, doc, rng, style):
        pool = [f for f in doc.facts() if f.origin == "narrative" and f.measure == "share" and f.value()]
        fact = rng.choice(pool)
        e = Edit()
        e.texts.append({"fact": fact, "before": fact.render(), "after": fact.raw})
        fact.unit = ""
        e.facts.append(fact)
        e.description = "share %s printed without the percent sign" % fact.raw
        return e


class ValueShifted(Mutation):
    rule_id = "table.value_shifted"
    style = {"detail_zero_blank": True}

    def apply(self, doc, rng, style):
        tid = kind_tid(doc, "FA03", "BU03")
        table = doc.table(tid)
        labels = table.col_labels
        ncode = len([l for l in labels if l == "科目编码"])
        base = ncode + 1  # first numeric column
        rows = [r for r in table.rows if r[0].code and len(r[0].code) == 7
                and r[base + 1].fact.value() and r[base + 2].fact.raw == ""]
        if not rows:
            return None
        row = rng.choice(rows)
        src, dst = row[base + 1].fact, row[base + 2].fact
        e = Edit()
        dst.raw, src.raw = src.raw, ""
        e.changes.append((dst, "", dst.raw))
        e.facts += [dst, row[base].fact]
        e.intended = {"column": labels[base + 1], "metric_id": src.metric_id}
        e.description = "基本支出 of 项 %s printed in the 项目支出 column, leaving 基本支出 blank" % row[0].code
        return e


# ----- claim mutations (every dialect) ------------------------------------------
#
# These edit one claim of the sentence templates (docs/ground_truth.md,
# Dialects): the dialect's own item sentences first (district.item_exec,
# provincial.item_yoy), the YoY sentences of the legacy dialects otherwise.

PRIMARY = {"provincial": ("provincial.item_yoy",), "district": ("district.item_exec",),
           "final": ("final.yoy",), "budget": ("budget.yoy",)}
OPPOSITE = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "增幅": "降幅", "降幅": "增幅"}


class ClaimMutation(Mutation):
    kinds = ("final", "budget")
    claim_mid = None

    @property
    def mid(self):
        return self.claim_mid

    @property
    def family(self):
        return "claim"

    def candidates(self, doc, claim):
        raise NotImplementedError

    def apply(self, doc, rng, style):
        dialect = doc.meta.get("dialect") or doc.meta["kind"]
        found = [c for c in claims_mod.derive(doc, dialect) if c.checkable and self.candidates(doc, c)]
        primary = [c for c in found if c.family in PRIMARY.get(dialect, ())]
        pool = primary or found
        rng.shuffle(pool)
        for claim in pool[:6]:
            edit = self.edit(doc, rng, style, claim)
            if edit is not None:
                edit.intended = dict(edit.intended or {}, claim_family=claim.family)
                return edit
        return None


def claim_values(claim):
    """(this year, last year, signed change) of a change claim, from its
    printed prior or derived from the change amount; None without a base."""
    cur = claim.roles.get("value")
    if cur is None or cur.value() is None:
        return None
    prior, chg = claim.roles.get("prior"), claim.roles.get("change")
    if prior is not None:
        p = prior.value()
        return cur.value(), p, cur.value() - p
    if chg is not None:
        return cur.value(), cur.value() - chg.value(), chg.value()
    return None


def rate_claim(claim):
    rate = claim.roles.get("rate")
    values = claim_values(claim)
    return (rate is not None and rate.origin == "narrative" and rate.value() and values is not None
            and values[1] > 0 and values[2] != 0)


def set_rate(fact, value):
    """Prints a percentage at the fact's own precision (per value) or as the
    document prints it (two decimals, trailing zeros dropped when it does)."""
    before = fact.raw
    decimals = numfmt.decimals_of(before)
    if fact.per_value:
        fact.raw = numfmt.canonical(numfmt.round_to(value, decimals), decimals)
    else:
        fact.raw = numfmt.fmt_percent(value, drop=decimals != 2)
    return before, fact.raw


def word_part(para, fact):
    """Index of the string part printed before `fact` (its words)."""
    i = next(i for i, p in enumerate(para.parts) if p is fact)
    j = i - 1
    while j >= 0 and not isinstance(para.parts[j], str):
        j -= 1
    return j


class ClaimRate(ClaimMutation):
    claim_mid = "claim.rate"
    rule_id = "change.rate"

    def candidates(self, doc, claim):
        return rate_claim(claim)

    def edit(self, doc, rng, style, claim):
        fact = claim.roles["rate"]
        value = abs(fact.value())
        delta = percent_delta(rng) * 2 + q2(value * Decimal("0.2"))
        new = value - delta if value > delta * 2 else value + delta
        e = Edit()
        before, after = set_rate(fact, new)
        if before == after:
            return None
        e.changes.append((fact, before, after))
        e.facts += [f for f in claim.facts() if isinstance(f, Fact)]
        e.description = "%s: rate printed %s%% where the figures give %s%%" % (claim.family, after, before)
        return e


class ClaimDirection(ClaimMutation):
    claim_mid = "claim.direction"
    rule_id = "change.direction"

    def candidates(self, doc, claim):
        return claim.direction in OPPOSITE and (claim.roles.get("rate") is not None
                                                or claim.roles.get("change") is not None)

    def edit(self, doc, rng, style, claim):
        # With both a change amount and a rate, flip the rate's word only: the
        # two words then disagree whatever last year's figure was.  With a rate
        # alone, last year's figure is printed (district items) or in a table.
        fact = claim.roles.get("rate") or claim.roles["change"]
        para = para_of(doc, fact)
        j = word_part(para, fact)
        text = para.parts[j]
        word = fact.sign_word
        k = text.rfind(word)
        if k < 0:
            return None
        new_text = text[:k] + OPPOSITE[word] + text[k + len(word):]
        new_text = re.sub(r"有所(增加|减少)", lambda m: "有所" + OPPOSITE[m.group(1)], new_text)
        para.parts[j] = new_text
        fact.sign_word = OPPOSITE[word]
        if claim.roles.get("change") is None or fact is claim.roles["change"]:
            claim.direction = OPPOSITE[word]
        e = Edit()
        e.texts.append({"fact": fact, "before": text, "after": new_text})
        e.facts += [f for f in claim.facts() if isinstance(f, Fact)]
        e.description = "%s: direction word '%s' printed where the figures say '%s'" % (
            claim.family, OPPOSITE[word], word)
        return e


class ClaimReasonFigure(ClaimMutation):
    """The change amount (or last year's figure) replaced by an amount of
    the reason clause: the slip a reader makes when binding 「主要原因是…C万元」
    as the subject's own figure, made by the writer."""
    claim_mid = "claim.reason_figure"
    rule_id = "change.rate"
    hint = "reason_figure"
    style = {"reason_amounts": True}

    def candidates(self, doc, claim):
        target = claim.roles.get("change") or claim.roles.get("prior")
        return (claim.reason and target is not None and target.origin == "narrative"
                and claim.roles.get("rate") is not None
                and any(abs(c.value()) != abs(target.value()) for c, _ in claim.reason))

    def edit(self, doc, rng, style, claim):
        target = claim.roles.get("change") or claim.roles.get("prior")
        comps = [c for c, _ in claim.reason if abs(c.value()) != abs(target.value())]
        comp = rng.choice(comps)
        e = Edit()
        before = target.raw
        target.raw = comp.raw
        e.changes.append((target, before, target.raw))
        e.facts += [f for f in claim.facts() if isinstance(f, Fact)]
        role = "change" if target is claim.roles.get("change") else "prior"
        e.intended = {"role": role, "component": comp.tag}
        e.description = "%s: the %s printed as %s, the amount of the reason clause ('%s'), instead of %s" % (
            claim.family, "change amount" if role == "change" else "last year's figure", comp.raw,
            comp.label, before)
        return e


def item_label(code, year, para_text):
    """The 类/款/项 label of a code as the paragraph prints it."""
    for lei in (catalog.lei_name(code[:3], year), catalog.short_lei(catalog.lei_name(code[:3], year))):
        label = "%s（类）%s（款）%s（项）" % (lei, catalog.kuan_name(code, year), catalog.xiang_name(code))
        if label in para_text:
            return label
    return None


class ClaimSwappedSubject(ClaimMutation):
    """Two item sentences print each other's subject: every figure of the
    item now stands under the other 项's name."""
    claim_mid = "claim.swapped_subject"
    rule_id = "agree.text_table"
    hint = "swapped_subject"

    def candidates(self, doc, claim):
        value = claim.roles.get("value")
        return (value is not None and value.origin == "narrative" and value.dims.get("func_code")
                and len(value.dims["func_code"]) == 7 and value.tag and value.tag.startswith("n.gpb.xiang.")
                and self.label_of(doc, claim) is not None)

    def label_of(self, doc, claim):
        value = claim.roles["value"]
        para = para_of(doc, value)
        if para is None:
            return None
        return item_label(value.dims["func_code"], doc.meta["year"], para.text())

    def apply(self, doc, rng, style):
        dialect = doc.meta.get("dialect") or doc.meta["kind"]
        found = [c for c in claims_mod.derive(doc, dialect) if self.candidates(doc, c)]
        primary = [c for c in found if c.family in PRIMARY.get(dialect, ())] or found
        # One claim per item paragraph (a legacy final item has a completion
        # claim and an amount claim for the same 项).
        by_para, pool = set(), []
        for c in primary:
            para = para_of(doc, c.roles["value"])
            if id(para) not in by_para:
                by_para.add(id(para))
                pool.append(c)
        rng.shuffle(pool)
        for i, a in enumerate(pool):
            for b in pool[i + 1:]:
                if a.roles["value"].value() != b.roles["value"].value():
                    return self.swap(doc, a, b)
        return None

    def swap(self, doc, a, b):
        pa, pb = para_of(doc, a.roles["value"]), para_of(doc, b.roles["value"])
        la, lb = self.label_of(doc, a), self.label_of(doc, b)
        ca, cb = a.roles["value"].dims["func_code"], b.roles["value"].dims["func_code"]
        e = Edit()
        for para, old, new in ((pa, la, lb), (pb, lb, la)):
            for j, part in enumerate(para.parts):
                if isinstance(part, str) and old in part:
                    para.parts[j] = part.replace(old, new, 1)
                    break
        moved = {}
        for para, old_code, new_code in ((pa, ca, cb), (pb, cb, ca)):
            for fact in para.facts():
                if fact.dims.get("func_code") == old_code:
                    fact.dims["func_code"] = new_code
                    moved[id(fact)] = (old_code, new_code)
        for claim, label, code in ((a, lb, cb), (b, la, ca)):
            if claim.subject.get("text"):
                claim.subject["text"] = label
            if claim.subject.get("func_code"):
                claim.subject["func_code"] = code
        # The sentences now name the other 项: compare them with its table row.
        by_tag = {f.tag: f for f in doc.facts() if f.tag}
        for check in doc.checks:
            facts = check.facts
            mine = [v for v in facts.values() if isinstance(v, Fact) and id(v) in moved]
            if not mine:
                continue
            old_code, new_code = moved[id(mine[0])]
            for key, v in list(facts.items()):
                if isinstance(v, Fact) and v.origin == "table" and v.tag and ".%s." % old_code in v.tag:
                    other = by_tag.get(v.tag.replace(".%s." % old_code, ".%s." % new_code))
                    if other is not None:
                        facts[key] = other
        e.texts.append({"fact": a.roles["value"], "before": la, "after": lb})
        e.texts.append({"fact": b.roles["value"], "before": lb, "after": la})
        e.facts += [a.roles["value"], b.roles["value"]]
        e.intended = {"swapped": [ca, cb]}
        e.description = "%s: the items %s and %s print each other's subject" % (a.family, ca, cb)
        return e

    def edit(self, doc, rng, style, claim):
        raise NotImplementedError


YEAR_WORDS = re.compile(r"(上年度?|\d{4}年度?)")


class ClaimComparisonYear(ClaimMutation):
    """「比2025年预算增加…」 in a 2025 budget: the comparison names the
    report's own year."""
    claim_mid = "claim.comparison_year"
    rule_id = "review.comparison_year"
    hint = "comparison_year"

    def candidates(self, doc, claim):
        anchor = claim.roles.get("change") or claim.roles.get("rate")
        return anchor is not None and anchor.origin == "narrative" and self.locate(doc, claim, anchor) is not None

    def locate(self, doc, claim, anchor):
        """(para, part index, match) of the comparison words before the
        anchor, within its sentence."""
        para = para_of(doc, anchor)
        if para is None:
            return None
        i = next(i for i, p in enumerate(para.parts) if p is anchor)
        for j in range(i - 1, -1, -1):
            part = para.parts[j]
            if isinstance(part, str):
                found = list(claims_mod.COMPARISON.finditer(part))
                if found:
                    return para, j, found[-1]
                if "。" in part:
                    return None
        return None

    def edit(self, doc, rng, style, claim):
        year = doc.meta["year"]
        anchor = claim.roles.get("change") or claim.roles.get("rate")
        para, j, m = self.locate(doc, claim, anchor)
        text = para.parts[j]
        words = m.group(0)
        suffix = "年度" if "年度" in words else "年"
        wrong = YEAR_WORDS.sub("%d%s" % (year, suffix), words, count=1)
        if wrong == words:
            return None
        para.parts[j] = text[:m.start()] + wrong + text[m.end():]
        if claim.comparison:
            claim.comparison = dict(claim.comparison, text=wrong, year=year)
        e = Edit()
        e.texts.append({"fact": anchor, "before": words, "after": wrong})
        e.facts += [f for f in claim.facts() if isinstance(f, Fact)]
        e.intended = {"printed_year": year, "expected_year": year - 1}
        e.description = "%s: the comparison says '%s' in a %d report (meant: %d)" % (
            claim.family, wrong, year, year - 1)
        return e


class ClaimTruncatedRate(ClaimMutation):
    claim_mid = "claim.truncated_rate"
    rule_id = "change.rate"
    hint = "truncation"

    @staticmethod
    def exact(claim):
        """(the exact rate, its printed decimals)."""
        rate = claim.roles["rate"]
        cur, prior, delta = claim_values(claim)
        return HUNDRED * abs(delta) / prior, numfmt.decimals_of(rate.raw) if rate.per_value else 2

    def candidates(self, doc, claim):
        if not rate_claim(claim):
            return False
        exact, d = self.exact(claim)
        return exact - numfmt.trunc_to(exact, d) > Decimal(1).scaleb(-d) * Decimal("0.65")

    def edit(self, doc, rng, style, claim):
        rate = claim.roles["rate"]
        exact, d = self.exact(claim)
        before = rate.raw
        rate.raw = numfmt.canonical(numfmt.trunc_to(exact, d), d)
        if not rate.per_value and numfmt.decimals_of(before) != 2:
            rate.raw = numfmt.drop_zeros(rate.raw)
        if rate.raw == before:
            return None
        e = Edit()
        e.changes.append((rate, before, rate.raw))
        e.facts += [f for f in claim.facts() if isinstance(f, Fact)]
        e.description = "%s: rate printed truncated (%s) instead of rounded half-up (%s) from %s" % (
            claim.family, rate.raw, before, numfmt.canonical(exact.quantize(Decimal("0.0001"))))
        return e


class ClaimWrongBase(ClaimMutation):
    """The rate computed on this year's figure instead of last year's."""
    claim_mid = "claim.wrong_base"
    rule_id = "change.rate"
    hint = "wrong_base"

    def candidates(self, doc, claim):
        """A rate whose two bases give values at least three printed units
        apart (a wrong base that rounding could hide is no planted error)."""
        if not rate_claim(claim) or claim_values(claim)[0] <= 0:
            return False
        rate = claim.roles["rate"]
        cur, prior, delta = claim_values(claim)
        d = numfmt.decimals_of(rate.raw) if rate.per_value else 2
        gap = abs(HUNDRED * abs(delta) / cur - HUNDRED * abs(delta) / prior)
        return gap >= 3 * Decimal(1).scaleb(-d)

    def edit(self, doc, rng, style, claim):
        rate = claim.roles["rate"]
        cur, prior, delta = claim_values(claim)
        before, after = set_rate(rate, HUNDRED * abs(delta) / cur)
        if before == after:
            return None
        e = Edit()
        e.changes.append((rate, before, after))
        e.facts += [f for f in claim.facts() if isinstance(f, Fact)]
        e.intended = {"base": "current"}
        e.description = "%s: rate printed %s%% = change / this year's %s instead of %s%% = change / last year's %s" % (
            claim.family, after, numfmt.canonical(cur, 2), before, numfmt.canonical(prior, 2))
        return e


CLAIM_MUTATIONS = [ClaimRate(), ClaimDirection(), ClaimReasonFigure(), ClaimSwappedSubject(),
                   ClaimComparisonYear(), ClaimTruncatedRate(), ClaimWrongBase()]


# ----- neutral ------------------------------------------------------------------

class Neutral(Mutation):
    neutral = True


class ThousandsSeparator(Neutral):
    rule_id = "neutral.thousands_separator"

    def apply(self, doc, rng, style):
        e = Edit()
        for fact in narrative_amounts(doc):
            if abs(fact.value()) >= 1000 and "," not in fact.raw:
                before = fact.raw
                fact.raw = numfmt.group_thousands(fact.raw)
                e.changes.append((fact, before, fact.raw))
        if not e.changes:
            return None
        e.description = "narrative amounts ≥ 1000 printed with thousands separators (1,889.05)"
        return e


class FullwidthDigits(Neutral):
    rule_id = "neutral.fullwidth_digits"

    def apply(self, doc, rng, style):
        e = Edit()
        paras = [b for b in doc.blocks if isinstance(b, Para) and b.facts()]
        for para in paras[2:5]:
            for fact in para.facts():
                fact.fullwidth = True
                e.changes.append((fact, fact.raw, numfmt.to_fullwidth(fact.raw)))
        e.description = "numbers of three narrative paragraphs printed with full-width digits (１８８９．０５)"
        return e


class SpaceBeforeUnit(Neutral):
    rule_id = "neutral.space_before_unit"

    def apply(self, doc, rng, style):
        e = Edit()
        for fact in doc.facts():
            if fact.origin == "narrative" and fact.unit:
                fact.sep = " "
                e.changes.append((fact, fact.raw + fact.unit, fact.raw + " " + fact.unit))
        e.description = "a space between every narrative number and its unit (\"1889.05 万元\", \"36.6 %\")"
        return e


class LineBreakInside(Neutral):
    rule_id = "neutral.line_break"

    def apply(self, doc, rng, style):
        e = Edit()
        paras = [b for b in doc.blocks if isinstance(b, Para) and len(b.facts()) >= 2]
        first, second = paras[1], paras[-2]
        # 1. between a number and its unit
        fact = next(f for f in first.facts() if f.unit == "万元")
        i = next(i for i, p in enumerate(first.parts) if p is fact)
        unit = fact.unit
        fact.detached_unit = True
        first.parts[i + 1:i + 1] = [LineBreak(), unit]
        e.facts.append(fact)
        e.texts.append({"fact": fact, "before": fact.raw + unit, "after": fact.raw + "\n" + unit})
        # 2. after a comma in the middle of a sentence
        for j, part in enumerate(second.parts):
            if isinstance(part, str) and "，" in part and 0 < j < len(second.parts) - 1:
                k = part.index("，") + 1
                second.parts[j:j + 1] = [part[:k], LineBreak(), part[k:]]
                e.texts.append({"fact": second.facts()[0], "before": "，", "after": "，\n"})
                break
        e.description = "forced line breaks inside sentences (one between a number and 万元, one after a comma)"
        return e


class TablePageBreak(Neutral):
    rule_id = "neutral.table_page_break"

    def apply(self, doc, rng, style):
        tables = [b for b in doc.blocks if isinstance(b, Table) and len(b.rows) >= 8]
        table = max(tables, key=lambda t: len(t.rows))
        k = len(table.rows) // 2
        rest = Table(table.tid, table.title, table.unit, table.ncols, table.header_rows, table.header_cells,
                     table.col_labels, number_label=table.number_label, unit_line=table.unit_line)
        rest.rows = table.rows[k:]
        rest.continued = True
        rest.notes = table.notes
        table.rows = table.rows[:k]
        table.notes = []
        i = doc.blocks.index(table)
        doc.blocks[i + 1:i + 1] = [PageBreak(), rest]
        e = Edit()
        e.texts.append({"location": {"table": table.title, "table_id": table.tid, "row_index": k},
                        "before": "", "after": "page break, 续表 with repeated header"})
        e.description = "table %s split by a page break after row %d and continued as 续表" % (table.title, k)
        return e


LEGACY = [TotalBalance(), IncomeBySource(), BasicProject(), PersonnelPublic(), FuncHierarchy(), ThreePublicTotal(),
          ThreePublicVehicle(), Procurement(), ShareRecompute(), ShareSum100(), ShareTruncated(), ChangeRate(),
          ChangeDirection(), ChangeAmount(), CompletionRate(), TextTable(), Repeat(), NameMismatch(), MissingUnit(),
          TemplateResidue(), PercentWithoutSign(), ValueShifted()]
NEUTRALS = [ThousandsSeparator(), FullwidthDigits(), SpaceBeforeUnit(), LineBreakInside(), TablePageBreak()]
ALL = LEGACY + CLAIM_MUTATIONS + NEUTRALS

BY_ID = {m.mid: m for m in ALL}
CLAIMS = [m.mid for m in CLAIM_MUTATIONS]

assert [m.rule_id for m in LEGACY] == RULES
assert [m.rule_id for m in NEUTRALS] == NEUTRAL
