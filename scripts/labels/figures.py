"""Printed figures as exact intervals.

A printed figure such as "1,234.50万元", "91,016,775.35元", "71.73%" or "0.3"
becomes a Figure: its exact value, the unit family it was printed in and the
half-unit of its last printed digit. Amounts are normalised to 万元 (a 元
figure is divided by 10^4 exactly, and so is its half-unit), so a 元 table
cell and the same amount in 万元 text compare as intervals.

Tests: tests/label_tools/test_figures.py
"""

import decimal
import re

D = decimal.Decimal
TEN_THOUSAND = D(10000)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－", "0123456789.,%-")
_FIGURE = re.compile(r"^([-+]?)([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*(万元|亿元|万|元|%|个|辆|人次|批次|人|项|台|年)?$")


class Figure:
    """value: exact Decimal in the canonical unit (万元 for money, percent for rates).
    half: half a unit of the last printed digit, in the same canonical unit.
    decimals: the last printed digit's place in the canonical unit (a 元 figure
    with 2 decimals has 6 in 万元).
    unit: "万元" for money (whatever it was printed in), "%" for rates, the count word,
    or "" when printed without a unit. printed: the text as given."""

    def __init__(self, printed, value, half, unit, decimals):
        self.printed = printed
        self.value = value
        self.half = half
        self.unit = unit
        self.decimals = decimals

    @property
    def low(self):
        return self.value - self.half

    @property
    def high(self):
        return self.value + self.half

    def __repr__(self):
        return "Figure(%s)" % self.printed


def parse(text, default_unit=""):
    """Parses one printed figure; raises ValueError on anything else."""
    s = text.strip().translate(_FULLWIDTH)
    m = _FIGURE.match(s)
    if not m:
        raise ValueError("not a printed figure: %r" % text)
    sign, digits, unit = m.group(1), m.group(2).replace(",", ""), m.group(3) or default_unit
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = D(digits)
    half = D(5).scaleb(-(decimals + 1))
    if sign == "-":
        value = -value
    if unit == "万":
        unit = "万元"
    elif unit == "年":
        unit = ""
    if unit == "元":
        value, half, unit, decimals = value / TEN_THOUSAND, half / TEN_THOUSAND, "万元", decimals + 4
    elif unit == "亿元":
        value, half, unit, decimals = value * TEN_THOUSAND, half * TEN_THOUSAND, "万元", decimals - 4
    return Figure(text, value, half, unit, decimals)


_LIST_ITEM = re.compile(
    r"\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|亿元|万|元|%|个|辆|人次|批次|人|项|台|年)?)\s*(?:,|$)")


def split_list(text):
    """Splits a label's figures=a,b,c list. A comma followed by exactly three
    digits inside a number is a thousands separator ("4,100,000.00元,6.2万元" is
    two figures), so a figure without a unit must not be followed by a
    three-digit one; figures carry their unit."""
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _LIST_ITEM.match(text, pos)
        if not m:
            raise ValueError("bad figure list at %r" % text[pos:])
        out.append(m.group(1).strip())
        pos = m.end()
    return out


def canonical(text):
    """The canonical string of a printed figure: exact value without trailing
    zeros, plus its unit ("1,234.50万元" -> "1234.5万元", "12,345,000元" -> "1234.5万元",
    "71.73%" -> "71.73%"). Used to match label figures to finding evidence."""
    f = parse(text)
    v = f.value.normalize()
    digits = format(v, "f")
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    if digits in ("-0", ""):
        digits = "0"
    return digits + f.unit
