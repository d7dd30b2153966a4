"""Internally consistent figures for one report.

All amounts are Decimal 万元 with two decimals.  The construction guarantees
the identities of domain.md §2 exactly:

  * 基本支出 = 人员经费 + 公用经费, and the functional 项 that mirror an
    economic item (养老保险 2080505 = 30108, 住房公积金 2210201 = 30113 …)
    carry exactly that item; 行政运行 takes the remainder of the basic money;
  * every 类/款 is the sum of its 项; every total is the sum of its parts;
  * income − expenditure is explained by carry-overs only;
  * “三公” parts sum to the total, 公务接待费 = 30217, 运行费 = 30231.

Shares printed together must sum to exactly 100.00 after ROUND_HALF_UP; a draw
that violates this is rejected and redrawn (make_* loops), so clean reports
carry no rounding artefact.
"""

import dataclasses
from decimal import Decimal

from gen import catalog
from gen.numfmt import ZERO, percent, q2

INCOME_SOURCES_FINAL = [
    ("income.fiscal.gpb", "一般公共预算财政拨款收入"),
    ("income.fiscal.gov_fund", "政府性基金预算财政拨款收入"),
    ("income.fiscal.soe", "国有资本经营预算财政拨款收入"),
    ("income.superior_subsidy", "上级补助收入"),
    ("income.business", "事业收入"),
    ("income.operating", "经营收入"),
    ("income.affiliate_remit", "附属单位上缴收入"),
    ("income.other", "其他收入"),
]

INCOME_SOURCES_BUDGET = [
    ("income.fiscal.gpb", "一般公共预算拨款收入"),
    ("income.fiscal.gov_fund", "政府性基金预算拨款收入"),
    ("income.fiscal.soe", "国有资本经营预算拨款收入"),
    ("income.special_account", "财政专户管理资金收入"),
    ("income.business", "事业收入"),
    ("income.superior_subsidy", "上级补助收入"),
    ("income.affiliate_remit", "附属单位上缴收入"),
    ("income.operating", "事业单位经营收入"),
    ("income.other", "其他收入"),
]

NONFISCAL_CHOICES = ("income.other", "income.business", "income.superior_subsidy")

TP_ITEMS = ("outbound", "purchase", "operation", "reception")


@dataclasses.dataclass
class Meta:
    kind: str  # final | budget
    year: int
    region: catalog.Region
    dept: catalog.DeptType
    unit_name: str
    scope: str  # 部门 | 单位
    short_name: str  # how the prose refers to the unit ("本部门"…)


@dataclasses.dataclass
class Line:
    """A functional 项 with its money.  For a final report the amounts are
    决算; for a budget report they are 本年预算."""
    code: str
    basic: Decimal = ZERO  # 一般公共预算 basic expenditure
    project: Decimal = ZERO  # 一般公共预算 project expenditure
    nf: Decimal = ZERO  # non-fiscal money (spent as project)
    reserve: Decimal = ZERO  # provincial dialect: 单位预留机动经费 (一般公共预算)
    prior: Decimal = None  # dialects: last year's figure (上年预算数 or 预算执行数)
    budget: Decimal = ZERO  # final only: the 项's 预算数 (一般公共预算)
    carry_begin: Decimal = ZERO  # 一般公共预算 carry-over in
    carry_end: Decimal = ZERO  # 一般公共预算 carry-over out (final only)

    @property
    def gpb(self):
        return self.basic + self.project + self.reserve

    @property
    def total(self):
        return self.gpb + self.nf

    @property
    def fiscal_income(self):
        """一般公共预算 appropriation received this year for the 项."""
        return self.gpb + self.carry_end - self.carry_begin


@dataclasses.dataclass
class ThreePublic:
    actual: dict  # item -> amount (决算, or 本年预算 for budgets)
    budget: dict  # final: item -> 预算数
    prior: dict  # item -> last year's figure (决算 or 上年预算)
    fleet: int
    purchased: int
    batches: int
    visitors: int
    groups: int
    travellers: int

    @staticmethod
    def total(items):
        return sum((items[k] for k in TP_ITEMS), ZERO)

    @staticmethod
    def vehicle(items):
        return items["purchase"] + items["operation"]


@dataclasses.dataclass
class Figures:
    meta: Meta
    lines: list
    personnel: list  # [(econ code, amount)]
    public: list
    nonfiscal: dict  # income metric -> amount
    tp: ThreePublic
    prior: dict  # 'grand_total', 'fiscal_grand_total', 'gpb_total', 'admin_cost'
    procurement: dict  # goods, works, services, sme, small_micro
    internal_units: list
    affiliates: list
    duties: list
    perf_projects: int

    # ----- derived totals -------------------------------------------------
    @property
    def personnel_total(self):
        return sum((a for _, a in self.personnel), ZERO)

    @property
    def public_total(self):
        return sum((a for _, a in self.public), ZERO)

    @property
    def gpb_basic(self):
        return sum((l.basic for l in self.lines), ZERO)

    @property
    def gpb_project(self):
        return sum((l.project for l in self.lines), ZERO)

    @property
    def gpb_reserve(self):
        return sum((l.reserve for l in self.lines), ZERO)

    @property
    def gpb_total(self):
        return self.gpb_basic + self.gpb_project + self.gpb_reserve

    @property
    def nf_total(self):
        return sum(self.nonfiscal.values(), ZERO)

    @property
    def exp_basic(self):
        return self.gpb_basic

    @property
    def exp_project(self):
        return self.gpb_project + self.nf_total

    @property
    def exp_total(self):
        return self.gpb_total + self.nf_total

    @property
    def carry_begin(self):
        return sum((l.carry_begin for l in self.lines), ZERO)

    @property
    def carry_end(self):
        return sum((l.carry_end for l in self.lines), ZERO)

    @property
    def gpb_income(self):
        return sum((l.fiscal_income for l in self.lines), ZERO)

    @property
    def income_total(self):
        return self.gpb_income + self.nf_total

    @property
    def grand_total(self):
        return self.income_total + self.carry_begin

    @property
    def fiscal_grand_total(self):
        return self.gpb_income + self.carry_begin

    @property
    def admin_cost(self):
        return self.public_total

    @property
    def budget_total(self):
        return sum((l.budget for l in self.lines), ZERO)

    def income_sources(self):
        """[(metric, label, amount)] in template order, zeros included."""
        table = INCOME_SOURCES_FINAL if self.meta.kind == "final" else INCOME_SOURCES_BUDGET
        out = []
        for metric, label in table:
            if metric == "income.fiscal.gpb":
                amount = self.gpb_income
            else:
                amount = self.nonfiscal.get(metric, ZERO)
            out.append((metric, label, amount))
        return out

    def lei_totals(self, attr="total"):
        """{类 code: amount} summed over lines, attr in total|gpb|basic|…"""
        out = {}
        for line in self.lines:
            out[line.code[:3]] = out.get(line.code[:3], ZERO) + getattr(line, attr)
        return out

    def lei_codes(self):
        return sorted({l.code[:3] for l in self.lines})

    def kuan_codes(self, lei):
        return sorted({l.code[:5] for l in self.lines if l.code.startswith(lei)})

    def lines_of(self, kuan):
        return sorted((l for l in self.lines if l.code.startswith(kuan)), key=lambda l: l.code)

    def line(self, code):
        for l in self.lines:
            if l.code == code:
                return l
        raise KeyError(code)

    def econ(self, code):
        for c, a in self.personnel + self.public:
            if c == code:
                return a
        return ZERO

    # ----- share groups that must sum to exactly 100 -------------------------
    def share_groups(self):
        groups = []
        groups.append(([a for _, _, a in self.income_sources()], self.income_total))
        groups.append(([self.exp_basic, self.exp_project], self.exp_total))
        groups.append((list(self.lei_totals("gpb").values()), self.gpb_total))
        tp_total = ThreePublic.total(self.tp.actual)
        if tp_total:
            groups.append(([self.tp.actual["outbound"], ThreePublic.vehicle(self.tp.actual),
                            self.tp.actual["reception"]], tp_total))
        return groups


class Draw:
    """Decimal random helpers on top of random.Random."""

    def __init__(self, rng):
        self.rng = rng

    def amount(self, lo, hi):
        lo_c, hi_c = int(Decimal(lo) * 100), int(Decimal(hi) * 100)
        return Decimal(self.rng.randint(lo_c, max(lo_c, hi_c))) / 100

    def factor(self, lo, hi):
        """A Decimal factor in [lo, hi] with 4 decimals."""
        return Decimal(self.rng.randint(int(Decimal(lo) * 10000), int(Decimal(hi) * 10000))) / 10000

    def chance(self, p):
        return self.rng.random() < p

    def split(self, total, parts):
        """Splits total (2 dp) into `parts` positive 2-dp amounts."""
        if parts == 1:
            return [total]
        cents = int(total * 100)
        cuts = sorted(self.rng.sample(range(1, cents), parts - 1))
        bounds = [0] + cuts + [cents]
        return [Decimal(bounds[i + 1] - bounds[i]) / 100 for i in range(parts)]


def unit_name_for(region, dept, rng):
    if dept.key == "street":
        street = rng.choice(region.streets)
        return region.name + street + "办事处"
    name = dept.province_name if region.level == "province" else dept.county_name
    return region.name + name


def office_suffix(region, dept):
    if dept.key == "street":
        return "办"
    return {"county": "股", "city": "科", "province": "处"}[region.level]


def _org(draw, meta):
    rng = draw.rng
    stems = catalog.OFFICE_STEMS[meta.dept.key]
    suffix = office_suffix(meta.region, meta.dept)
    count = rng.randint(4, min(8, len(stems)))
    offices = ["办公室"] + [s + suffix for s in rng.sample(stems, count - 1)]
    aff_pool = catalog.AFFILIATE_STEMS[meta.dept.key]
    affiliates = rng.sample(aff_pool, rng.randint(0, min(3, len(aff_pool)))) if meta.scope == "部门" else []
    duties = catalog.DUTIES[meta.dept.key]
    return offices, affiliates, list(duties)


def _econ_items(draw, pool, table, mandatory, damp=1.0):
    out = []
    for code, share, prob in table:
        if code in mandatory or draw.chance(prob * damp):
            out.append((code, q2(pool * Decimal(share) * draw.factor("0.8", "1.2"))))
    return out


def _three_public(draw, kind, large):
    rng = draw.rng
    fleet = rng.randint(1, 6) if draw.chance(0.85) else 0
    actual = {
        "outbound": draw.amount(2, 15) if draw.chance(0.2) else ZERO,
        "purchase": draw.amount(12, 30) if (fleet and draw.chance(0.2)) else ZERO,
        "operation": draw.amount("1.5", 4 * fleet + 2) if fleet else ZERO,
        "reception": draw.amount("0.3", 8) if draw.chance(0.92) else ZERO,
    }
    if ThreePublic.total(actual) == 0:
        actual["reception"] = draw.amount("0.3", 3)
    budget = {}
    prior = {}
    for key, value in actual.items():
        if value:
            budget[key] = value if draw.chance(0.3) else q2(value * draw.factor("1.01", "1.3"))
            prior[key] = q2(value * draw.factor("0.7", "1.4"))
            if prior[key] == value:
                prior[key] += Decimal("0.13")
            if key == "purchase" and draw.chance(0.6):
                prior[key] = ZERO
        else:
            budget[key] = ZERO if draw.chance(0.7) else draw.amount(1, 5)
            prior[key] = ZERO if draw.chance(0.7) else draw.amount("0.5", 6)
    if kind == "budget":
        budget = dict((k, ZERO) for k in actual)
    batches = rng.randint(3, 60) if actual["reception"] else 0
    groups = rng.randint(1, 2) if actual["outbound"] else 0
    return ThreePublic(
        actual=actual, budget=budget, prior=prior, fleet=fleet,
        purchased=(1 if actual["purchase"] else 0),
        batches=batches, visitors=batches * rng.randint(3, 9),
        groups=groups, travellers=groups * rng.randint(2, 5))


def _draw_once(draw, meta, large, want, compact=False):
    rng = draw.rng
    dept = meta.dept
    lo, hi = dept.size
    pool = draw.amount(lo, hi) * (Decimal(3) if large else Decimal(1))

    mandatory = {"30101", "30102", "30108", "30109", "30110", "30113"}
    damp = 0.35 if compact else 1.0
    personnel = _econ_items(draw, pool, catalog.PERSONNEL_ITEMS, mandatory, damp)
    public_pool = pool * draw.factor("0.12", "0.32")
    public = _econ_items(draw, public_pool, catalog.PUBLIC_ITEMS, {"30201", "30211", "30228"}, damp)

    tp = _three_public(draw, meta.kind, large)
    if want.get("fleet") and not tp.fleet:
        return None
    # 三公 money paid from basic expenditure shows up as economic items.
    extra = [("30212", tp.actual["outbound"]), ("30217", tp.actual["reception"]),
             ("30231", tp.actual["operation"])]
    public = [(c, a) for c, a in public] + [(c, a) for c, a in extra if a]
    public.sort()
    personnel.sort()

    basic_total = sum((a for _, a in personnel + public), ZERO)
    econ = dict(personnel + public)
    lines = []
    mirrored = ZERO
    for xiang, econ_code in sorted(catalog.MIRROR.items()):
        if econ_code in econ:
            lines.append(Line(code=xiang, basic=econ[econ_code]))
            mirrored += econ[econ_code]
    main = Line(code=dept.main + "01", basic=basic_total - mirrored)
    if main.basic <= 0:
        return None
    lines.append(main)

    # Project money spread over one to all of the department's project 项.
    projects = list(dept.projects)
    count = len(projects) if large else rng.randint(1, min(2 if compact else 3, len(projects)))
    chosen = sorted(rng.sample(projects, count))
    project_total = q2(basic_total * draw.factor("0.15", "1.1")) + tp.actual["purchase"]
    for code, amount in zip(chosen, draw.split(project_total, count)):
        lines.append(Line(code=code, project=amount))
    lines.sort(key=lambda l: l.code)
    project_lines = [l for l in lines if l.project]

    nonfiscal = {}
    if draw.chance(0.35) or want.get("nonfiscal"):
        metric = rng.choice(NONFISCAL_CHOICES)
        amount = q2(basic_total * draw.factor("0.02", "0.2"))
        nonfiscal[metric] = amount
        rng.choice(project_lines).nf += amount

    if draw.chance(0.3) or want.get("carry"):
        line = rng.choice(project_lines)
        line.carry_begin = q2(line.project * draw.factor("0.05", "0.4"))
        if meta.kind == "final":
            line.carry_end = q2(line.project * draw.factor("0.05", "0.4"))
        if line.fiscal_income <= 0:
            return None

    if meta.kind == "final":
        for line in lines:
            roll = rng.random()
            if roll < 0.5:
                line.budget = line.gpb
            elif roll < 0.9:
                line.budget = q2(line.gpb * draw.factor("1.001", "1.25"))
            else:
                line.budget = q2(line.gpb * draw.factor("0.85", "0.999"))
            if line.budget <= 0:
                return None

    offices, affiliates, duties = _org(draw, meta)
    fig = Figures(
        meta=meta, lines=lines, personnel=personnel, public=public, nonfiscal=nonfiscal,
        tp=tp, prior={}, procurement={}, internal_units=offices, affiliates=affiliates,
        duties=duties, perf_projects=len(project_lines) + rng.randint(0, 4))

    grand = fig.grand_total
    fig.prior["grand_total"] = _prior(draw, grand)
    if fig.fiscal_grand_total == grand:
        fig.prior["fiscal_grand_total"] = fig.prior["grand_total"]
    else:
        fig.prior["fiscal_grand_total"] = _prior(draw, fig.fiscal_grand_total)
    if fig.gpb_total == fig.fiscal_grand_total:
        fig.prior["gpb_total"] = fig.prior["fiscal_grand_total"]
    else:
        fig.prior["gpb_total"] = _prior(draw, fig.gpb_total)
    fig.prior["admin_cost"] = _prior(draw, fig.admin_cost)

    if draw.chance(0.8):
        total = q2(fig.exp_total * draw.factor("0.01", "0.12")) + Decimal("1.00")
        works = q2(total * draw.factor("0.1", "0.4")) if draw.chance(0.3) else ZERO
        goods = q2((total - works) * draw.factor("0.2", "0.8"))
        services = total - works - goods
        sme = q2(total * draw.factor("0.5", "1"))
        small = q2(sme * draw.factor("0.5", "1"))
        fig.procurement = dict(goods=goods, works=works, services=services, sme=sme, small_micro=small)
    else:
        fig.procurement = dict(goods=ZERO, works=ZERO, services=ZERO, sme=ZERO, small_micro=ZERO)

    if want.get("procurement") and not fig.procurement["goods"]:
        return None
    if not _shares_sum_to_100(fig):
        return None
    if not _rates_defined(fig):
        return None
    return fig


def _prior(draw, value):
    prior = q2(value * draw.factor("0.78", "1.25"))
    if prior == value:
        prior += Decimal("1.07")
    return prior


def _shares_sum_to_100(fig):
    for parts, total in fig.share_groups():
        if total == 0:
            continue
        shares = [percent(p, total) for p in parts]
        if sum(shares) != 100:
            return False
    return True


def _rates_defined(fig):
    """Every printed completion rate and YoY rate needs a non-zero base."""
    for key in ("grand_total", "fiscal_grand_total", "gpb_total", "admin_cost"):
        if fig.prior[key] <= 0:
            return False
    return ThreePublic.total(fig.tp.prior) > 0


def make(rng, kind, year, region, dept, scope, large=False, want=None, compact=False):
    """Draws figures until every identity and share group holds exactly."""
    draw = Draw(rng)
    want = want or {}
    unit_name = unit_name_for(region, dept, rng)
    short = "本部门" if scope == "部门" else "本单位"
    meta = Meta(kind=kind, year=year, region=region, dept=dept, unit_name=unit_name,
                scope=scope, short_name=short)
    for _ in range(500):
        fig = _draw_once(draw, meta, large, want, compact)
        if fig is not None:
            return fig
    raise RuntimeError("could not draw consistent figures for %s" % unit_name)
