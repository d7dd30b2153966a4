"""Reference evaluation of the identities a builder registered (model.Check),
on the values as printed.

This is how the generator *knows* its ground truth: a clean report must have
no failing check (and shares must equal the ROUND_HALF_UP recomputation
exactly); a mutated report's failing checks are listed in its truth file.
Tolerances follow domain.md §2.0: a sum may differ by the sum of the half
units of its printed terms, a ratio by the interval its printed operands
allow plus half a unit of the printed percentage.

Rule ids emitted: the mutation ids of docs/ground_truth.md plus the extra
identity ids listed there; where check/rules.cc already names an identity
(sum.income.grand_total, sum.func.classes, sum.gpb.basic_project,
sum.econ.items, agree.chart_text, agree.counts, agree.admin_cost,
completion.direction) the same id is used.
"""

from decimal import Decimal

from gen.numfmt import HUNDRED, ZERO, decimals_of, q2, round_to, trunc2, trunc_to

Q_HALF = Decimal("0.005")  # half of the 0.01 percent unit


def _v(fact):
    if fact is None:
        return None
    value = fact.value()
    return ZERO if value is None else value


def _h(fact):
    if fact is None or not fact.printed() or fact.value() is None:
        return ZERO
    if fact.scale == "count":
        return ZERO
    return fact.half_unit()


def _ratio_interval(num, hn, den, hd):
    """Interval of 100·num/den for num±hn, den±hd (den > hd)."""
    corners = []
    for a in (num - hn, num + hn):
        for b in (den - hd, den + hd):
            if b > 0:
                corners.append(HUNDRED * a / b)
    if not corners:
        return None
    return min(corners), max(corners)


def _q_half(rate):
    """Half a unit of a printed percentage: the document rule (0.005) for
    legacy facts, the value's own last digit for per-value facts."""
    return rate.half_unit() if rate.per_value else Q_HALF


def _ratio_fails(printed, num, hn, den, hd, q_half=Q_HALF):
    interval = _ratio_interval(num, hn, den, hd)
    if interval is None:
        return False
    lo, hi = interval
    return not (lo - q_half <= printed <= hi + q_half)


def _truncation(rate, exact):
    """True when the printed rate is the truncation of the exact ratio at
    its precision (2 decimals for legacy facts)."""
    if rate.per_value:
        return abs(rate.value()) == trunc_to(exact, decimals_of(rate.raw))
    return abs(rate.value()) == trunc2(exact)


def _sign(word):
    if word is None:
        return 0
    if "（" in word or "(" in word:
        return None  # template residue such as 增加（减少）: unknown
    return -1 if word in ("减少", "下降", "降低", "降幅") else 1


def evaluate(check):
    """Returns the list of rule ids this check violates (empty when it holds)."""
    f = check.facts
    kind = check.kind
    if kind == "sum":
        total = _v(f["total"])
        parts = [_v(p) for p in f["parts"]]
        diff = sum(parts, ZERO) - total
        tol = _h(f["total"]) + sum((_h(p) for p in f["parts"]), ZERO)
        return [check.rule] if abs(diff) > tol else []
    if kind == "eq":
        a, b = _v(f["a"]), _v(f["b"])
        tol = _h(f["a"]) + _h(f["b"])
        return [check.rule] if abs(a - b) > tol else []
    if kind == "sum_le":
        # Listed items ("主要包括：…") may leave some out but never exceed.
        total = _v(f["total"])
        parts = [_v(p) for p in f["parts"]]
        tol = _h(f["total"]) + sum((_h(p) for p in f["parts"]), ZERO)
        return [check.rule] if sum(parts, ZERO) - total > tol else []
    if kind == "le":
        a, b = _v(f["a"]), _v(f["b"])
        return [check.rule] if a - b > _h(f["a"]) + _h(f["b"]) else []
    if kind == "completion_direction":
        rate = f["rate"].value()
        if rate is None:
            return []
        word = check.word
        ok = (word == "小于" and rate < 100) or (word == "大于" and rate > 100)
        return [] if ok else ["completion.direction"]
    if kind == "share":
        share, num, den = f["share"], f["num"], f["den"]
        if share.value() is None or _v(den) == 0:
            return []
        p, a, b = abs(share.value()), _v(num), _v(den)
        if not _ratio_fails(p, a, _h(num), b, _h(den), _q_half(share)):
            return []
        return ["share.truncated" if _truncation(share, HUNDRED * a / b) else "share.recompute"]
    if kind == "group100":
        shares = [s for s in f["shares"] if s.value() is not None]
        if not shares:
            return []
        total = sum((abs(s.value()) for s in shares), ZERO)
        nonzero = [s for s in shares if s.value() != 0]
        if any(s.per_value for s in shares):
            # Each share is right at its own precision: two complements at one
            # precision d sum to 100 (or 100 + 10^-d at a tie); otherwise the
            # tolerance is the sum of the half units.
            decimals = {decimals_of(s.raw) for s in nonzero}
            if len(nonzero) == 2 and len(decimals) == 1:
                d = decimals.pop()
                ok = total in (HUNDRED, HUNDRED + Decimal(1).scaleb(-d))
            else:
                ok = abs(total - HUNDRED) <= sum((s.half_unit() for s in nonzero), ZERO)
            return [] if ok else ["share.sum_100"]
        if len(nonzero) == 2:
            ok = total in (HUNDRED, Decimal("100.01"))
        else:
            ok = abs(total - HUNDRED) <= Q_HALF * max(len(nonzero), 1)
        return [] if ok else ["share.sum_100"]
    if kind == "components":
        # Amounts in a reason clause that make up the whole change: Σ of the
        # components, each with the sign of its effect, is the signed change
        # (printed, or this year − last year when no change amount is printed).
        parts = f["parts"]
        if f.get("chg") is not None:
            target = f["chg"].value()
            tol = _h(f["chg"])
        else:
            target = _v(f["cur"]) - _v(f["prior"])
            tol = _h(f["cur"]) + _h(f["prior"])
        total = sum((sign * abs(_v(p)) for p, sign in zip(parts, check.signs)), ZERO)
        tol += sum((_h(p) for p in parts), ZERO)
        return [check.rule] if abs(total - target) > tol else []
    if kind == "flat":
        # "持平": this year's and last year's figures are the same.
        a, b = _v(f["cur"]), _v(f["prior"])
        return ["change.direction"] if abs(a - b) > _h(f["cur"]) + _h(f["prior"]) else []
    if kind == "yoy":
        return _evaluate_yoy(f)
    if kind == "completion":
        actual, budget, rate = f["actual"], f["budget"], f["rate"]
        if _v(budget) == 0 or rate.value() is None:
            return []
        fails = _ratio_fails(abs(rate.value()), _v(actual), _h(actual), _v(budget), _h(budget), _q_half(rate))
        return ["completion.rate"] if fails else []
    raise ValueError("unknown check kind %r" % kind)


def _evaluate_yoy(f):
    """A change amount and/or a rate against this year's figure, and last
    year's when it is printed.  Without a change amount (「比2024年预算执行数
    增加5.2%」) the rate's own word carries the direction.  A rate from a zero
    base (上年 0) is the genre's 100% convention: not judged here."""
    cur, chg, rate, prior = f["cur"], f["chg"], f["rate"], f.get("prior")
    out = []
    c = _v(cur)
    word_fact = chg if chg is not None else rate
    sign = _sign(word_fact.sign_word)
    if chg is not None and rate is not None:
        rate_sign = _sign(rate.sign_word)
        if sign is not None and rate_sign is not None and sign != rate_sign:
            out.append("change.direction")
    if prior is not None:
        p = _v(prior)
        expected = c - p
        if sign is not None and expected != 0 and (expected > 0) != (sign > 0):
            out.append("change.direction")
        if chg is not None:
            tol = _h(cur) + _h(prior) + _h(chg)
            if abs(abs(chg.value()) - abs(expected)) > tol:
                out.append("change.amount")
        if rate is not None and p > 0:
            if _ratio_fails(abs(rate.value()), abs(expected), _h(cur) + _h(prior), p, _h(prior), _q_half(rate)):
                out.append("change.rate")
        return sorted(set(out))
    if rate is not None and chg is not None:
        magnitude = abs(chg.value())
        signs = [sign] if sign is not None else [1, -1]
        fails = []
        for s in signs:
            p = c - s * magnitude
            if p <= 0:
                fails.append(True)
                continue
            fails.append(_ratio_fails(abs(rate.value()), magnitude, _h(chg), p, _h(cur) + _h(chg), _q_half(rate)))
        if all(fails):
            out.append("change.rate")
    return sorted(set(out))


def failing(doc):
    """[(rule id, Check)] for every registered identity the printed doc breaks."""
    out = []
    for check in doc.checks:
        if any(fact is not None and fact.raw is None for fact in check.all_facts()):
            continue
        for rule in evaluate(check):
            out.append((rule, check))
    return out


def _rounded(rate, exact):
    """The exact ratio rounded half-up at the rate's precision."""
    if rate.per_value:
        return round_to(exact, decimals_of(rate.raw))
    return q2(exact)


def exact_share_problems(doc):
    """Strict clean-report test: every share/completion/YoY rate must equal the
    ROUND_HALF_UP recomputation from the printed figures exactly (at its own
    precision for per-value rates)."""
    problems = []
    for check in doc.checks:
        f = check.facts
        if check.kind == "share" and _v(f["den"]):
            want = _rounded(f["share"], HUNDRED * _v(f["num"]) / _v(f["den"]))
            if abs(f["share"].value()) != want:
                problems.append((check, want))
        elif check.kind == "completion" and _v(f["budget"]):
            want = _rounded(f["rate"], HUNDRED * _v(f["actual"]) / _v(f["budget"]))
            if f["rate"].value() != want:
                problems.append((check, want))
        elif check.kind == "yoy" and f["rate"] is not None and f.get("prior") is None:
            p = _v(f["cur"]) - f["chg"].value()
            want = _rounded(f["rate"], HUNDRED * abs(f["chg"].value()) / p)
            if abs(f["rate"].value()) != want:
                problems.append((check, want))
        elif check.kind == "yoy" and f["rate"] is not None and f["rate"].per_value and _v(f["prior"]) > 0:
            p = _v(f["prior"])
            want = _rounded(f["rate"], HUNDRED * abs(_v(f["cur"]) - p) / p)
            if abs(f["rate"].value()) != want:
                problems.append((check, want))
    return problems
