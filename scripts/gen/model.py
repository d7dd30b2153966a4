"""The format-independent document model.

A report is built once as a list of blocks (Heading, Para, Table, Chart,
PageBreak).  Every printed number is a Fact object placed in a paragraph or a
table cell; the renderers print fact.render() and the truth writer walks the
same blocks, so all formats of one report print the same strings and share one
truth file.  Mutations edit facts and blocks in place before rendering.
"""

from decimal import Decimal

from gen import numfmt


class Fact:
    """One printed number.  raw is the digits as printed (before any
    full-width conversion), unit the unit text printed after it."""

    def __init__(self, metric_id, measure, raw, unit, dims, scale, origin="narrative",
                 tag=None, base_metric_id=None, refs=None, sign_word=None, year=None):
        self.metric_id = metric_id
        self.measure = measure  # amount|share|yoy_change|yoy_rate|completion_rate|count
        self.raw = raw
        self.unit = unit
        self.dims = dict(dims)
        self.scale = scale  # '万元' | '元' | '%' | 'count'
        self.origin = origin  # narrative|table|chart
        self.tag = tag
        self.base_metric_id = base_metric_id
        self.refs = dict(refs or {})
        self.sign_word = sign_word
        self.year = year
        self.sep = ""  # text between number and unit (neutral mutation: " ")
        self.fullwidth = False
        self.detached_unit = False  # unit printed after a line break (neutral edit)
        self.also_metrics = None  # other metrics the same printed number states
        # Precision of a percentage: False = the legacy document rule (two
        # decimals even when trailing zeros are dropped); True = its own
        # printed decimals ("增长3%" is right when the rate rounds to 3).
        self.per_value = False
        self.label = None  # components and policy rates: the words naming them
        self.location = None  # filled by truth.walk()
        self.fid = None

    def printed(self):
        return self.raw != ""

    def value(self):
        """Signed value in 万元 (amounts) or percent/count; None when blank."""
        number = numfmt.parse_number(self.raw)
        if number is None:
            return None
        if self.scale == "元":
            number = number / numfmt.TEN_THOUSAND
        if self.sign_word and self.sign_word in NEGATIVE_WORDS:
            number = -number
        return number

    def half_unit(self):
        """Half of the last printed digit, in the fact's value unit."""
        if self.scale == "count":
            return Decimal(0)
        decimals = numfmt.decimals_of(self.raw)
        half = Decimal(5).scaleb(-(decimals + 1))
        if self.scale == "元":
            half = half / numfmt.TEN_THOUSAND
        # Document rule (domain.md §2.0-1): dropped trailing zeros still mean
        # two-decimal precision when the document prints two decimals.
        if self.scale == "万元" or (self.scale == "%" and not self.per_value):
            half = min(half, Decimal("0.005"))
        return half

    def render(self):
        raw = numfmt.to_fullwidth(self.raw) if self.fullwidth else self.raw
        if self.detached_unit:
            return raw
        return raw + (self.sep + self.unit if self.unit else "")


NEGATIVE_WORDS = ("减少", "下降", "降低", "降幅")


class SumOf:
    """A total printed nowhere: the sum of the listed parts (shares of
    「占“三公”经费的N%」 when neither the text nor the table prints the
    total).  Behaves like a printed Fact for the identity checks: its value
    is the sum, its half unit the sum of the parts' half units."""

    origin = "sum"
    measure = "amount"
    scale = "万元"
    raw = "sum"
    fid = None
    tag = None
    sign_word = None
    per_value = False
    metric_id = None

    def __init__(self, parts):
        self.parts = list(parts)
        self.dims = {}
        self.refs = {}

    def printed(self):
        return True

    def value(self):
        return sum((p.value() or Decimal(0) for p in self.parts), Decimal(0))

    def half_unit(self):
        return sum((p.half_unit() for p in self.parts if p.value() is not None), Decimal(0))


class LineBreak:
    """A forced line break inside a paragraph (neutral mutation)."""


class Heading:
    def __init__(self, level, text):
        self.level = level
        self.text = text


class Para:
    """parts: str | Fact | LineBreak.  kind: body|list|center|note."""

    def __init__(self, parts, kind="body"):
        self.parts = list(parts)
        self.kind = kind

    def text(self):
        out = []
        for part in self.parts:
            if isinstance(part, Fact):
                out.append(part.render())
            elif isinstance(part, LineBreak):
                out.append("\n")
            else:
                out.append(part)
        return "".join(out)

    def facts(self):
        return [p for p in self.parts if isinstance(p, Fact)]


class PageBreak:
    pass


class HCell:
    """A header cell: text spanning colspan columns and rowspan rows starting
    at (row, col)."""

    def __init__(self, row, col, text, colspan=1, rowspan=1):
        self.row, self.col, self.text = row, col, text
        self.colspan, self.rowspan = colspan, rowspan


class Cell:
    def __init__(self, text="", fact=None, row_label="", code=None, bold=False):
        self.text = text
        self.fact = fact
        self.row_label = row_label
        self.code = code
        self.bold = bold

    def render(self):
        return self.fact.render() if self.fact is not None else self.text


class Table:
    def __init__(self, tid, title, unit, ncols, header_rows, header_cells, col_labels,
                 number_label=None, unit_line=None):
        self.tid = tid  # FA01 … / BU01 …
        self.title = title
        self.number_label = number_label  # e.g. "公开01表"
        self.unit = unit
        self.unit_line = unit_line or ("单位：%s" % unit)
        self.ncols = ncols
        self.header_rows = header_rows
        self.header_cells = header_cells  # list of HCell
        self.col_labels = col_labels
        self.rows = []  # list of list[Cell], each of length ncols
        self.notes = []  # paragraphs (str) printed under the table
        self.continued = False  # True for the second half of a split table
        self.font_pt = 9

    def header_grid(self):
        """ncols-wide text grid of the header; spanned positions are ''."""
        grid = [["" for _ in range(self.ncols)] for _ in range(self.header_rows)]
        for cell in self.header_cells:
            grid[cell.row][cell.col] = cell.text
        return grid

    def facts(self):
        for row in self.rows:
            for cell in row:
                if cell.fact is not None:
                    yield cell.fact


class Chart:
    """kind: 'bar' or 'pie'.  series: list of (name, [Fact]) aligned with
    categories."""

    def __init__(self, kind, title, categories, series, number):
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
        self.number = number

    def facts(self):
        for _, facts in self.series:
            yield from facts


class Check:
    """An identity the builder knows holds in the clean report.

    kind 'sum': total, parts (list)       kind 'eq': a, b
    kind 'share': share, num, den         kind 'group100': shares (list)
    kind 'yoy': cur, chg, rate, prior     kind 'completion': actual, budget, rate
    """

    def __init__(self, rule, kind, **facts):
        self.rule = rule
        self.kind = kind
        self.facts = facts

    def all_facts(self):
        out = []
        for value in self.facts.values():
            if isinstance(value, list):
                out.extend(value)
            elif value is not None:
                out.append(value)
        return out


class Claim:
    """What one sentence (or list item) asserts, with explicit roles.

    family: the sentence template id ("district.item_exec", "final.yoy" …).
    subject: {"text": printed label or None, "metric_id", "func_code"/"econ_code"}.
    roles: role name -> Fact; roles are value (the subject's own figure),
        prior, change, rate, share, total, budget, completion, policy_rate.
    components: [(Fact, label)] listed parts of the value (其中/主要用于/包括);
    reason: [(Fact, label)] amounts inside the 主要原因是 clause: parts of
        the change, never the subject's own or prior figures.
    direction: the printed direction word ("增加", "下降", "持平") or None.
    comparison: {"text": printed words, "year": printed year or None,
        "implied_year": the year it means, "basis": budget|execution|actual}.
    checkable: False for printed rates that are not checkable claims
        (policy rates); note says why.
    Claims given explicitly by a builder are kept; truth.claims() derives
    the rest from the facts' refs (claims.py)."""

    def __init__(self, family, subject=None, roles=None, components=None, reason=None,
                 direction=None, comparison=None, checkable=True, note=None, total_where=None):
        self.family = family
        self.subject = dict(subject or {})
        self.roles = {k: v for k, v in (roles or {}).items() if v is not None}
        self.components = list(components or [])
        self.reason = list(reason or [])
        self.direction = direction
        self.comparison = dict(comparison) if comparison else None
        self.checkable = checkable
        self.note = note
        self.total_where = total_where  # shares: paragraph | table | sum_of_parts

    def facts(self):
        out = list(self.roles.values())
        out += [f for f, _ in self.components]
        out += [f for f, _ in self.reason]
        return out


class Doc:
    def __init__(self, meta):
        self.meta = meta
        self.blocks = []
        self.checks = []
        self.claims = []  # explicit claims (model.Claim) given by the builder

    def facts(self):
        for block in self.blocks:
            if isinstance(block, Para):
                yield from block.facts()
            elif isinstance(block, (Table, Chart)):
                yield from block.facts()

    def tables(self):
        return [b for b in self.blocks if isinstance(b, Table)]

    def table(self, tid):
        for block in self.blocks:
            if isinstance(block, Table) and block.tid == tid and not block.continued:
                return block
        return None

    def by_tag(self, tag):
        return [f for f in self.facts() if f.tag == tag]

    def one(self, tag):
        found = self.by_tag(tag)
        if len(found) != 1:
            raise KeyError("tag %r matches %d facts" % (tag, len(found)))
        return found[0]
