"""Shared machinery for building a report's document model: narrative facts
(amounts, shares, YoY, completion), headings with the report's numbering
style, and the hierarchical 科目 tables used by both report kinds.

While it emits facts, the builder registers every identity it knows holds
(model.Check).  checks.py evaluates them on the printed values; in a clean
report none may fail, in a mutated one the failing set is the ground truth.
"""

from decimal import Decimal

from gen import catalog, numfmt
from gen.model import Cell, Chart, Check, Doc, Fact, HCell, Heading, PageBreak, Para, Table
from gen.numfmt import ZERO, percent

UP = ("增加", "增长")
DOWN = ("减少", "下降")

HALF_SUB = "(%s)"
FULL_SUB = "（%s）"


class Builder:
    def __init__(self, fig, style):
        self.fig = fig
        self.style = style
        self.meta = fig.meta
        self.year = fig.meta.year
        self.kind = fig.meta.kind
        self.basis = "actual" if self.kind == "final" else "budget"
        self.doc = Doc(meta={"kind": self.kind, "year": self.year, "unit_name": fig.meta.unit_name})
        self.table_count = 0
        self.chart_count = 0
        self.T = {}  # tid -> {name: Fact} for cross references
        self.prec_rng = None  # dialects: draws the printed decimals of each percentage

    def capture(self, fn, *args):
        """Runs fn with a fresh block list and returns the blocks it added."""
        saved = self.doc.blocks
        self.doc.blocks = []
        try:
            fn(*args)
            return self.doc.blocks
        finally:
            self.doc.blocks = saved

    # ----- blocks -----------------------------------------------------------
    def h(self, level, text):
        self.doc.blocks.append(Heading(level, text))

    def p(self, *parts, kind="body"):
        flat = []

        def add(items):
            for part in items:
                if isinstance(part, (list, tuple)):
                    add(part)
                elif part is not None and part != "":
                    flat.append(part)

        add(parts)
        para = Para(flat, kind)
        self.doc.blocks.append(para)
        return para

    def page_break(self):
        self.doc.blocks.append(PageBreak())

    def part_title(self, n, text):
        return "第%s部分%s%s" % (catalog.cn_ordinal(n), self.style.part_sep, text)

    def sec_title(self, n, text):
        if self.style.heading_numbers == "arabic":
            return "%d、%s" % (n, text)
        return "%s、%s" % (catalog.cn_ordinal(n), text)

    def sub_title(self, n, text):
        pattern = FULL_SUB if self.style.sub_numbers == "full" else HALF_SUB
        return (pattern % catalog.cn_ordinal(n)) + text

    # ----- facts ------------------------------------------------------------
    def dims(self, **extra):
        dims = {"basis": self.basis, "period": "current", "fund": "all"}
        dims.update({k: v for k, v in extra.items() if v is not None})
        return dims

    def check(self, rule, kind, **facts):
        self.doc.checks.append(Check(rule, kind, **facts))

    def amt(self, value, metric, tag=None, unit="万元", **dims):
        raw = numfmt.fmt_amount(value, drop=self.style.text_drop_zeros)
        return Fact(metric, "amount", raw, unit, self.dims(**dims), "万元", tag=tag, year=self.year)

    def count(self, n, metric, unit, tag=None, **dims):
        return Fact(metric, "count", "%d" % n, unit, self.dims(**dims), "count", tag=tag, year=self.year)

    def pct_raw(self, value):
        return numfmt.fmt_percent(value, drop=self.style.text_drop_zeros)

    def rate_raw(self, part, whole):
        """(printed percentage of part/whole, per_value).  Two decimals under
        the document rule; with style.pct_per_value each value gets 0, 1 or
        2 decimals (drawn from self.prec_rng) and is rounded half-up there."""
        if not self.style.pct_per_value:
            return self.pct_raw(percent(part, whole)), False
        exact = numfmt.percent_exact(part, whole)
        decimals = self.prec_rng.choices((0, 1, 2), weights=(2, 4, 4))[0]
        if numfmt.round_to(exact, decimals) == 0 and exact != 0:
            decimals = 2
        return numfmt.canonical(numfmt.round_to(exact, decimals), decimals), True

    def rate_fact(self, part, whole, metric, measure, dims, **kw):
        raw, per_value = self.rate_raw(part, whole)
        fact = Fact(metric, measure, raw, "%", dims, "%", year=self.year, **kw)
        fact.per_value = per_value
        return fact

    def share(self, num, den, metric, base, tag=None, register=True, **dims):
        """A share printed right after `num`, of the printed total `den`."""
        fact = self.rate_fact(num.value(), den.value(), metric, "share", self.dims(**dims), tag=tag,
                              base_metric_id=base, refs={"numerator": num, "denominator": den})
        if register:
            self.check("share.recompute", "share", share=fact, num=num, den=den)
        return fact

    def yoy(self, cur, prior, metric, tag, prior_printed=False, prior_unit="万元", **dims):
        """Builds the change/rate facts of cur against last year's `prior`.

        Returns a dict: words (up/down tuple or None when unchanged), chg,
        rate (None when prior is 0), prior (a Fact when printed)."""
        delta = cur.value() - prior
        out = {"words": None, "chg": None, "rate": None, "prior": None}
        prior_dims = dict(dims, period="prior")
        if prior_printed:
            out["prior"] = Fact(metric, "amount", numfmt.fmt_amount(prior, drop=self.style.text_drop_zeros),
                                prior_unit, self.dims(**prior_dims), "万元", tag=tag + ".prior",
                                year=self.year - 1)
        if delta == 0:
            return out
        words = UP if delta > 0 else DOWN
        out["words"] = words
        out["chg"] = Fact(metric, "yoy_change", numfmt.fmt_amount(abs(delta), drop=self.style.text_drop_zeros),
                          "万元", self.dims(**dims), "万元", tag=tag + ".chg", base_metric_id=metric,
                          refs={"current": cur}, sign_word=words[0], year=self.year)
        if out["prior"] is not None:
            out["chg"].refs["prior"] = out["prior"]
        if prior != 0:
            out["rate"] = self.rate_fact(abs(delta), prior, metric, "yoy_rate", self.dims(**dims),
                                         tag=tag + ".rate", base_metric_id=metric,
                                         refs={"current": cur, "change": out["chg"]}, sign_word=words[1])
            if out["prior"] is not None:
                out["rate"].refs["prior"] = out["prior"]
        self.check("change", "yoy", cur=cur, chg=out["chg"], rate=out["rate"], prior=out["prior"])
        return out

    def yoy_parts(self, y, noun="", each=False):
        """Renders a yoy() result: '增加12.5万元，增长3.1%' (or 持平)."""
        if y["words"] is None:
            return [noun, "持平"]
        if each:
            # "收、支总计各减少…": the change and rate state both members of
            # the pair, like the amount they follow.
            for key in ("chg", "rate"):
                fact = y[key]
                if fact is not None and fact.refs["current"].also_metrics:
                    fact.also_metrics = list(fact.refs["current"].also_metrics)
        parts = [noun, "各" if each else "", y["words"][0], y["chg"]]
        if y["rate"] is not None:
            parts += ["，", y["words"][1], y["rate"]]
        return [p for p in parts if p != ""]

    def completion_word(self, rate, word):
        """Registers '决算数小于/大于预算数' printed next to a completion rate."""
        check = Check("completion.direction", "completion_direction", rate=rate)
        check.word = word
        self.doc.checks.append(check)

    def completion(self, actual, budget, metric, tag, **dims):
        fact = self.rate_fact(actual.value(), budget.value(), metric, "completion_rate",
                              self.dims(compared_to="budget", **dims), tag=tag, base_metric_id=metric,
                              refs={"actual": actual, "budget": budget})
        self.check("completion.rate", "completion", actual=actual, budget=budget, rate=fact)
        return fact

    # ----- tables -----------------------------------------------------------
    def next_table_number(self, ):
        self.table_count += 1
        if self.style.table_numbering == "公开":
            return "公开%02d表" % self.table_count
        return "表%d" % self.table_count

    def table_fact(self, value, metric, tid, key, col, zero=None, unit=None, **dims):
        """A table cell; unit overrides the report's table unit (a 三公 table
        in 万元 among 元 tables).  万元 cells print two decimals."""
        unit = unit or self.style.table_unit
        decimals = self.style.table_decimals if unit == self.style.table_unit else 2
        if value == 0 and zero is not None:
            raw = zero
        else:
            raw = numfmt.fmt_table_amount(value, unit, decimals, self.style.table_thousands)
        return Fact(metric, "amount", raw, "", self.dims(**dims), unit, origin="table",
                    tag="t.%s.%s.%s" % (tid, key, col), year=self.year)

    def new_table(self, tid, title, ncols, header_rows, header_cells, col_labels, unit=None):
        number = self.next_table_number()
        unit = unit or self.style.table_unit
        unit_line = ("金额单位：%s" if unit == "元" else "单位：%s") % unit
        table = Table(tid, title, unit, ncols, header_rows, header_cells, col_labels,
                      number_label=number, unit_line=unit_line)
        return table

    def add_table(self, table):
        if not self.style.tables_flow and any(isinstance(b, Table) for b in self.doc.blocks):
            self.page_break()
        self.doc.blocks.append(table)

    def code_columns(self):
        return 3 if self.style.code_style == "split" else 1

    def code_cells(self, code):
        if code is None:
            return [""] * self.code_columns()
        if self.style.code_style == "split":
            return [code[:3], code[3:5], code[5:7]]
        return [code]

    def func_table(self, tid, title, num_spec, lines, line_values, row_rules=(), blank_cols=(),
                   econ=False):
        """A 科目 table with 合计, 类, 款 and 项 rows.

        num_spec: list of (group or None, label, metric, dims) per numeric column;
            metric may be a pair (metric of the 合计 row, metric of coded rows).
        line_values(line) -> list of Decimal per numeric column.
        row_rules: [(rule, total_col, [part cols])] checked on every row.
        blank_cols: numeric columns whose zeros print blank (detail style).
        Returns (table, cells) where cells[(key, j)] is the Fact of row key
        ('total' or a code) and numeric column j."""
        ncode = self.code_columns()
        nlabel = ncode + 1
        nnum = len(num_spec)
        ncols = nlabel + nnum
        grouped = any(g for g, _, _, _ in num_spec)
        split = ncode == 3
        header_rows = (3 if split else 2) if (grouped or split) else 1
        cells_h = []
        if header_rows == 1:
            cells_h.append(HCell(0, 0, "科目编码"))
            cells_h.append(HCell(0, 1, "科目名称"))
        else:
            cells_h.append(HCell(0, 0, "项目", colspan=nlabel))
            if split:
                cells_h.append(HCell(1, 0, "科目编码", colspan=3))
                cells_h.append(HCell(1, 3, "科目名称", rowspan=header_rows - 1))
                for i, name in enumerate(("类", "款", "项")):
                    cells_h.append(HCell(2, i, name))
            else:
                cells_h.append(HCell(1, 0, "科目编码", rowspan=header_rows - 1))
                cells_h.append(HCell(1, 1, "科目名称", rowspan=header_rows - 1))
        col_labels = ["科目编码"] * ncode + ["科目名称"]
        j = 0
        while j < nnum:
            group = num_spec[j][0]
            col = nlabel + j
            if group:
                span = 1
                while j + span < nnum and num_spec[j + span][0] == group:
                    span += 1
                cells_h.append(HCell(0, col, group, colspan=span))
                for k in range(span):
                    cells_h.append(HCell(1, col + k, num_spec[j + k][1], rowspan=header_rows - 1))
                    col_labels.append(group + "/" + num_spec[j + k][1])
                j += span
            else:
                cells_h.append(HCell(0, col, num_spec[j][1], rowspan=header_rows))
                col_labels.append(num_spec[j][1])
                j += 1
        table = self.new_table(tid, title, ncols, header_rows, cells_h, col_labels)

        # Row keys in print order.
        keys = []
        for lei in sorted({l.code[:3] for l in lines}):
            keys.append(lei)
            for kuan in sorted({l.code[:5] for l in lines if l.code.startswith(lei)}):
                keys.append(kuan)
                keys.extend(sorted(l.code for l in lines if l.code.startswith(kuan)))
        total_first = self.style.template != "shanghai"
        keys = (["total"] + keys) if total_first else (keys + ["total"])

        def values_of(key):
            chosen = [l for l in lines if key == "total" or l.code.startswith(key)]
            sums = [ZERO] * nnum
            for line in chosen:
                for i, v in enumerate(line_values(line)):
                    sums[i] += v
            return sums

        cells = {}
        zero_main = self.style.zero_cell
        for key in keys:
            values = values_of(key)
            if key == "total":
                label, code = "合计", None
            else:
                label, code = catalog.func_name(key, self.year), key
            row = []
            for text in self.code_cells(code):
                row.append(Cell(text=text, row_label=label, code=code))
            if split and key == "total":
                row[0].text = ""
            row.append(Cell(text=label, row_label=label, code=code, bold=(key == "total")))
            for i, (group, lab, metric, dims) in enumerate(num_spec):
                if isinstance(metric, tuple):
                    metric = metric[0] if key == "total" else metric[1]
                zero = "" if (i in blank_cols and self.style.detail_zero_blank) else zero_main
                fact = self.table_fact(values[i], metric, tid, key, i, zero=zero,
                                       func_code=code, **dims)
                cells[(key, i)] = fact
                row.append(Cell(fact=fact, row_label=label, code=code))
            table.rows.append(row)

        # Hierarchy per column: total = Σ类, 类 = Σ款, 款 = Σ项.
        leis = [k for k in keys if k != "total" and len(k) == 3]
        for i in range(nnum):
            self.check("sum.func.classes", "sum", total=cells[("total", i)],
                       parts=[cells[(k, i)] for k in leis])
            for lei in leis:
                kuans = [k for k in keys if len(k) == 5 and k.startswith(lei)]
                self.check("sum.func.hierarchy", "sum", total=cells[(lei, i)],
                           parts=[cells[(k, i)] for k in kuans])
                for kuan in kuans:
                    xs = [k for k in keys if len(k) == 7 and k.startswith(kuan)]
                    self.check("sum.func.hierarchy", "sum", total=cells[(kuan, i)],
                               parts=[cells[(k, i)] for k in xs])
        for rule, total_col, part_cols in row_rules:
            for key in keys:
                self.check(rule, "sum", total=cells[(key, total_col)],
                           parts=[cells[(key, c)] for c in part_cols])
        self.add_table(table)
        return table, cells

    def empty_table(self, tid, title, num_spec, note):
        """A table published without data and with the 空表 statement."""
        table, cells = self.func_table(tid, title, num_spec, [], lambda l: [])
        # func_table printed a 合计 row of zeros: blank it, an empty table has no data.
        for row in table.rows:
            for cell in row:
                if cell.fact is not None:
                    cell.fact.raw = ""
        self.doc.checks = [c for c in self.doc.checks if not any(
            f.tag and f.tag.startswith("t.%s." % tid) for f in c.all_facts())]
        table.notes.append(note)
        return table

    def chart(self, kind, title, categories, series):
        self.chart_count += 1
        chart = Chart(kind, title, categories, series, self.chart_count)
        for _, facts in series:
            for fact in facts:
                fact.origin = "chart"
        self.doc.blocks.append(chart)
        return chart


def eq(builder, rule, a, b):
    builder.check(rule, "eq", a=a, b=b)


def dec(text):
    return Decimal(text)
