"""Exact decimal arithmetic and number formatting for the report generator.

Every amount the generator handles is a decimal.Decimal; no float ever touches
a figure.  Amounts live in 万元 with two decimals.  Percentages are computed
from the *printed* amounts with ROUND_HALF_UP to two decimals, which is what
keeps a clean report clean at its printed precision (domain.md §2.0).
"""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")
TEN_THOUSAND = Decimal("10000")

_FULLWIDTH = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")
_HALFWIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")


def q2(value):
    """Rounds half-up to two decimals."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def trunc2(value):
    """Truncates toward zero at two decimals (the template bug we plant)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_DOWN)


def round_to(value, decimals):
    """Rounds half-up to `decimals` decimals (0, 1 or 2)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def trunc_to(value, decimals):
    """Truncates toward zero at `decimals` decimals."""
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)


def percent(part, whole):
    """100·part/whole rounded half-up to two decimals; None when whole is 0."""
    if whole == 0:
        return None
    return q2(HUNDRED * Decimal(part) / Decimal(whole))


def percent_exact(part, whole):
    """Unrounded 100·part/whole (Decimal context precision, 28 digits)."""
    return HUNDRED * Decimal(part) / Decimal(whole)


def drop_zeros(text):
    """'691.50' -> '691.5', '43.00' -> '43', '0.00' -> '0'."""
    if "." not in text:
        return text
    text = text.rstrip("0").rstrip(".")
    return text or "0"


def group_thousands(text):
    """'1889050.00' -> '1,889,050.00' (sign and decimals kept)."""
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, dot, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ",".join(groups) + dot + frac


def fmt_amount(value, drop=False, thousands=False):
    """Formats a 万元 amount for narrative text: two decimals, optionally
    without trailing zeros and/or with thousands separators."""
    text = "%s" % q2(value)
    if drop:
        text = drop_zeros(text)
    if thousands:
        text = group_thousands(text)
    return text


def fmt_percent(value, drop=False):
    text = "%s" % q2(value)
    return drop_zeros(text) if drop else text


def fmt_table_amount(value_wan, unit, decimals, thousands):
    """Formats a table cell.  value_wan is in 万元; unit is '万元' or '元'."""
    value = Decimal(value_wan)
    if unit == "元":
        value = value * TEN_THOUSAND
    text = "%s" % value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if thousands:
        text = group_thousands(text)
    return text


def to_fullwidth(text):
    return text.translate(_FULLWIDTH)


def to_halfwidth(text):
    return text.translate(_HALFWIDTH)


def parse_number(raw):
    """Parses a printed number ('1,889.05', '１８８９．０５', '691.5') into a
    Decimal.  Returns None for blanks and dashes."""
    text = to_halfwidth(raw).replace(",", "").replace(" ", "").strip()
    if text in ("", "-", "—"):
        return None
    return Decimal(text)


def decimals_of(raw):
    text = to_halfwidth(raw).replace(",", "")
    return len(text.partition(".")[2])


def canonical(value, min_decimals=0):
    """Decimal -> plain string without exponent, padded to min_decimals."""
    value = Decimal(value)
    if value == value.to_integral_value() and min_decimals == 0:
        return "%d" % value
    text = format(value.normalize(), "f")
    frac = text.partition(".")[2]
    if len(frac) < min_decimals:
        text = format(value.quantize(Decimal(1).scaleb(-min_decimals)), "f")
    return text
