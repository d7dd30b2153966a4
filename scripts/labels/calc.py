"""Recomputes one identity from printed figures, at printed precision.

    label_calc sum 2336.91 603.14 = 2940.05
    label_calc diff 2946.25 2940.05 = 6.2
    label_calc share 2106.66 2940.05 = 71.73%
    label_calc ratio 307.82 321.02 = 95.89%        (completion: a / b)
    label_calc rate 867.5 900 = -3.61%             (change rate: (a - b) / b)
    label_calc conv 91,016,775.35元                (元 -> 万元, with its half-unit)
    label_calc - < checks.txt                      (one check a line, "# note" kept; one-line verdicts)

Each operand is an interval (printed value +- half its last digit; 元 figures
are converted to 万元 exactly). The result prints the exact value, its interval,
the value rounded half up at the printed precision, and a verdict:
  agree      the exact value rounds to the printed one
  agree~     the printed interval overlaps the computed interval (operand rounding)
  truncated  one unit of the last digit off, and the exact value truncates to it (minor)
  OFF        larger than the printed digits can explain (material unless a slip)

Tests: tests/label_tools/test_calc.py
"""

import decimal
import sys

from labels import figures

D = decimal.Decimal
HUNDRED = D(100)
decimal.getcontext().prec = 40


def _quotient_interval(num, den):
    corners = [n / d for n in num for d in den]
    return min(corners), max(corners)


def compute(op, operands):
    """Returns (exact, low, high, unit) for op over parsed Figures."""
    if op == "sum":
        return (sum(f.value for f in operands), sum(f.low for f in operands),
                sum(f.high for f in operands), operands[0].unit)
    if op == "diff":
        a, b = operands
        return a.value - b.value, a.low - b.high, a.high - b.low, a.unit
    if op in ("share", "ratio"):
        a, b = operands
        lo, hi = _quotient_interval((a.low, a.high), (b.low, b.high))
        return a.value / b.value * HUNDRED, lo * HUNDRED, hi * HUNDRED, "%"
    if op == "rate":
        a, b = operands
        lo, hi = _quotient_interval((a.low - b.high, a.high - b.low), (b.low, b.high))
        return (a.value - b.value) / b.value * HUNDRED, lo * HUNDRED, hi * HUNDRED, "%"
    if op == "conv":
        (a,) = operands
        return a.value, a.low, a.high, a.unit
    raise ValueError("unknown operation %r" % op)


def round_half_up(value, decimals):
    return value.quantize(D(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP)


def truncate(value, decimals):
    return value.quantize(D(1).scaleb(-decimals), rounding=decimal.ROUND_DOWN)


def verdict(exact, low, high, printed):
    """Classifies a printed Figure against the computed value and interval.
    An unsigned printed rate is compared with the magnitude of a signed result
    (the direction word carries the sign); the verdict then names that word."""
    if printed.value >= 0 and high < 0:
        exact, low, high = -exact, -high, -low
        return verdict(exact, low, high, printed) + " (fall)"
    d = printed.decimals
    if round_half_up(exact, d) == printed.value:
        return "agree"
    if printed.low <= high and printed.high >= low:
        return "agree~"
    unit = D(1).scaleb(-d)
    off = abs(round_half_up(exact, d) - printed.value) / unit
    if truncate(exact, d) == printed.value and off == 1:
        return "truncated"
    return "OFF by %s units of the last digit" % format(off.normalize(), "f")


def _plain(value, places):
    text = format(round(value, places), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _evaluate(words):
    """words: an operation, its operands, optionally "=" and the printed
    result. Returns (operands text, printed text, printed Figure or None,
    exact, low, high, unit); raises ValueError or DecimalException."""
    op, rest = words[0], words[1:]
    printed = None
    if "=" in rest:
        i = rest.index("=")
        rest, printed = rest[:i], rest[i + 1]
    unit_hint = "%" if op in ("share", "ratio", "rate") else ""
    exact, low, high, unit = compute(op, [figures.parse(x) for x in rest])
    printed_fig = figures.parse(printed, unit_hint) if printed else None
    return rest, printed, printed_fig, exact, low, high, unit


def _one_line(line):
    body, _, note = line.rstrip("\n").partition("#")
    words = body.split()
    if not words:
        return line.rstrip()
    note = note.strip()
    try:
        _, _, printed_fig, exact, low, high, unit = _evaluate(words)
    except (ValueError, decimal.DecimalException) as e:
        return "ERROR %s: %s" % (body.strip(), e)
    shown = printed_fig.decimals if printed_fig else 2
    result = "%-10s %s%s" % (verdict(exact, low, high, printed_fig) if printed_fig else "-",
                             round_half_up(exact, shown), unit)
    return "%s  | %s%s" % (result, body.strip(), ("  # " + note) if note else "")


def main(argv):
    if argv == ["-"]:
        for line in sys.stdin:
            print(_one_line(line))
        return 0
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    op = argv[0]
    try:
        rest, printed, printed_fig, exact, low, high, unit = _evaluate(argv)
    except (ValueError, decimal.DecimalException) as e:
        print("label_calc: %s" % e)
        return 2
    shown = printed_fig.decimals if printed_fig else 2
    print("%s %s" % (op, " ".join(rest)))
    print("  exact    %s %s" % (_plain(exact, 8), unit))
    print("  interval [%s, %s]" % (_plain(low, 6), _plain(high, 6)))
    print("  rounded  %s (half up, %d decimals)" % (round_half_up(exact, shown), shown))
    if printed_fig:
        print("  printed  %s -> %s" % (printed, verdict(exact, low, high, printed_fig)))
    return 0
