"""Claims: what each sentence with figures asserts, with explicit roles.

A builder may state a claim itself (model.Claim, kept in doc.claims): the
dialect templates do, because only they know the printed subject label, the
comparison words and which amounts sit in a reason clause.  Every narrative
fact not covered by such a claim gets a derived claim here, built from the
facts' refs: a change with its rate (and last year's figure when printed),
a share with its numerator and total, a completion rate with its actual and
budget, or a plain amount/count.  Together they cover every printed
narrative number exactly once as a role or component.

The truth file's `claims` section (docs/ground_truth.md, Claims) locates
each claim and each of its roles in the .txt rendering by code-point
offsets.  Tests: tests/gen/test_generator.py (ClaimTest).
"""

import re

from gen import numfmt
from gen.model import Claim, Fact, Para, SumOf

# 与上年相比 / 比上年预算 / 较上年度 / 与2023年度相比 / 比2024年预算执行数 …
COMPARISON = re.compile(r"(与|比|较)(上年度?|(\d{4})年度?)(预算执行数|当年预算执行数|预算数|预算|决算数|决算)?(相比)?")

SIGNS = {"增加": 1, "增长": 1, "增幅": 1, "减少": -1, "下降": -1, "降低": -1, "降幅": -1, "持平": 0}


def _para_of_fact(doc):
    out = {}
    for block in doc.blocks:
        if isinstance(block, Para):
            for fact in block.facts():
                out[id(fact)] = block
    return out


def derive(doc, dialect):
    """Explicit claims plus derived ones for the narrative facts they leave
    out, in document order of their first fact."""
    para_of = _para_of_fact(doc)
    covered = set()
    claims = []
    for claim in doc.claims:
        claims.append(claim)
        covered.update(id(f) for f in claim.facts())
    rates_by_change = {}
    for fact in doc.facts():
        if fact.measure == "yoy_rate" and fact.refs.get("change") is not None:
            rates_by_change[id(fact.refs["change"])] = fact
    # 其中/主要包括 lists: a registered sum whose total and parts are printed
    # in one paragraph makes the parts components of the total's claim.
    lists = {}
    for check in doc.checks:
        if check.kind not in ("sum", "sum_le"):
            continue
        total, parts = check.facts["total"], [p for p in check.facts["parts"] if p is not None]
        home = para_of.get(id(total))
        if home is None or not parts or any(para_of.get(id(p)) is not home for p in parts):
            continue
        if total.value() is None or id(total) in lists:
            continue
        lists[id(total)] = [p for p in parts if p.value() is not None]
    for block in doc.blocks:
        if not isinstance(block, Para):
            continue
        facts = [f for f in block.facts() if f.value() is not None and id(f) not in covered]
        used = set()
        for fact in facts:
            if id(fact) in used:
                continue
            claim = None
            if fact.measure == "yoy_change":
                rate = rates_by_change.get(id(fact))
                prior = fact.refs.get("prior")
                claim = Claim(dialect + ".yoy", roles={
                    "value": fact.refs.get("current"), "change": fact, "rate": rate,
                    "prior": prior if prior is not None and para_of.get(id(prior)) is block else None},
                    reason=getattr(fact, "reason_parts", None), direction=fact.sign_word)
            elif fact.measure == "yoy_rate":
                claim = Claim(dialect + ".yoy", roles={"value": fact.refs.get("current"), "rate": fact,
                                                       "prior": fact.refs.get("prior")},
                              direction=fact.sign_word)
            elif fact.measure == "share":
                den = fact.refs["denominator"]
                where = "table" if den.origin == "table" else "sum_of_parts" if den.origin == "sum" else (
                    "same_paragraph" if para_of.get(id(den)) is block else "paragraph")
                claim = Claim(dialect + ".share", roles={"value": fact.refs["numerator"], "share": fact,
                                                         "total": den}, total_where=where)
            elif fact.measure == "completion_rate":
                claim = Claim(dialect + ".completion", roles={"value": fact.refs["actual"],
                                                              "budget": fact.refs["budget"], "completion": fact})
            if claim is None:
                continue
            for f in claim.facts():
                if para_of.get(id(f)) is block:
                    used.add(id(f))
            claim.derived = True
            claims.append(claim)
        for fact in facts:
            # A list total may itself be a part of a larger list (基本支出 →
            # 人员经费 → 主要包括…): each list gets its claim.
            parts = lists.get(id(fact))
            if not parts or any(c.roles.get("value") is fact and c.components for c in claims):
                continue
            claim = Claim(dialect + ".components", roles={"value": fact},
                          components=[(p, None) for p in parts if id(p) not in covered])
            claim.derived = True
            claims.append(claim)
            used.add(id(fact))
            used.update(id(p) for p in parts)
        for fact in facts:
            if id(fact) in used:
                continue
            shape = "count" if fact.measure == "count" else "amount"
            claim = Claim(dialect + "." + shape, roles={"value": fact})
            claim.derived = True
            claims.append(claim)
    for claim in claims:
        if not claim.subject:
            anchor = claim.roles.get("value") or claim.facts()[0]
            claim.subject = {"metric_id": anchor.metric_id}
            for key in ("func_code", "econ_code"):
                if anchor.dims.get(key):
                    claim.subject[key] = anchor.dims[key]
    return claims


def _sentence(text, start, end, lo, hi):
    """Widens [start, end) to the sentences (ending in 。) around it, inside
    the paragraph [lo, hi)."""
    s = text.rfind("。", lo, start)
    s = lo if s < 0 else s + 1
    e = text.find("。", max(end - 1, lo), hi)
    e = hi if e < 0 else e + 1
    return s, e


def _fact_span(spans, fact):
    span = spans.get(id(fact))
    return list(span) if span and fact.origin == "narrative" else None


def _role(fact, spans):
    if isinstance(fact, SumOf):
        return {"sum_of": [p.fid for p in fact.parts if p.fid], "value": numfmt.canonical(fact.value(), 2),
                "origin": "sum"}
    out = {"fact": fact.fid}
    span = _fact_span(spans, fact)
    if span:
        out["span"] = span
    else:
        out["origin"] = fact.origin
    return out


def _labelled(fact, label, spans):
    out = _role(fact, spans)
    if label:
        out["label"] = label
    return out


def claims_json(doc, meta, text, spans):
    """The truth file's `claims` list (ids C0001… in document order)."""
    dialect = meta.get("dialect", meta["kind"])
    para_of = _para_of_fact(doc)
    # Reason amounts registered as making up the whole change, with the sign
    # of each one's effect.
    effects, complete = {}, set()
    for check in doc.checks:
        if check.kind == "components":
            complete.add(frozenset(id(p) for p in check.facts["parts"]))
            for part, sign in zip(check.facts["parts"], check.signs):
                effects[id(part)] = sign
    year = meta["year"]
    rows = []
    for claim in derive(doc, dialect):
        printed = [f for f in claim.facts() if f.fid and f.origin == "narrative" and id(f) in spans]
        if not printed:
            continue
        home = para_of.get(id(claim.roles.get("value"))) if claim.roles.get("value") is not None else None
        anchors = [f for f in printed if para_of.get(id(f)) is (home or para_of.get(id(printed[0])))]
        if not anchors:
            anchors = printed[:1]
        para = para_of[id(anchors[0])]
        lo, hi = spans[id(para)]
        start = min(spans[id(f)][0] for f in anchors)
        end = max(spans[id(f)][1] for f in anchors)
        sub_text = claim.subject.get("text")
        sub_span = None
        if sub_text:
            k = text.rfind(sub_text, lo, start + 1)
            if k < 0:
                k = text.find(sub_text, lo, hi)
            if k >= 0:
                sub_span = [k, k + len(sub_text)]
                start = min(start, k)
        s, e = _sentence(text, start, end, lo, hi)
        out = {"id": None, "family": claim.family, "span": [s, e]}
        subject = {k: v for k, v in claim.subject.items() if k != "text"}
        if sub_text:
            subject["text"] = sub_text
            if sub_span:
                subject["span"] = sub_span
        out["subject"] = subject
        out["roles"] = {name: _role(f, spans) for name, f in claim.roles.items()
                        if f.fid or isinstance(f, SumOf)}
        if claim.components:
            out["components"] = [_labelled(f, label, spans) for f, label in claim.components if f.fid]
        if claim.reason:
            out["reason"] = []
            default = SIGNS.get(claim.direction or "", 0)
            for f, label in claim.reason:
                if f.fid:
                    entry = _labelled(f, label, spans)
                    entry["effect"] = effects.get(id(f), SIGNS.get(f.sign_word or "", default))
                    out["reason"].append(entry)
            if frozenset(id(f) for f, _ in claim.reason) in complete:
                out["reason_complete"] = True
        word = claim.direction
        if word is None:
            for key in ("change", "rate"):
                if key in claim.roles and claim.roles[key].sign_word:
                    word = claim.roles[key].sign_word
                    break
        if word:
            direction = {"word": word, "sign": SIGNS.get(word)}
            anchor = claim.roles.get("change") or claim.roles.get("rate")
            limit = spans[id(anchor)][0] if anchor is not None and id(anchor) in spans else e
            k = text.rfind(word, s, limit)
            if k < 0:
                k = text.find(word, s, e)
            if k >= 0:
                direction["span"] = [k, k + len(word)]
            out["direction"] = direction
        comparison = _comparison(claim, text, s, e, year, meta)
        if comparison:
            out["comparison"] = comparison
        if claim.total_where:
            out["total_where"] = claim.total_where
        if not claim.checkable:
            out["checkable"] = False
        if claim.note:
            out["note"] = claim.note
        rows.append(out)
    rows.sort(key=lambda r: (r["span"][0], r["span"][1]))
    for n, row in enumerate(rows, start=1):
        row["id"] = "C%04d" % n
    return rows


def _comparison(claim, text, s, e, year, meta):
    """The printed comparison words of a change claim: explicit for dialect
    claims, else found in the sentence."""
    if not any(k in claim.roles for k in ("change", "rate", "prior")) and claim.direction != "持平":
        return None
    basis_default = "actual" if meta["kind"] == "final" else "budget"
    if claim.comparison:
        c = dict(claim.comparison)
        words = c.pop("text")
        out = {"text": words, "year": c.get("year"), "implied_year": c.get("implied_year", year - 1),
               "basis": c.get("basis", basis_default)}
        k = text.find(words, s, e)
        if k >= 0:
            out["span"] = [k, k + len(words)]
        return out
    m = COMPARISON.search(text, s, e)
    if m is None:
        return None
    basis = basis_default
    if m.group(4) and "执行" in m.group(4):
        basis = "execution"
    elif m.group(4) and "预算" in m.group(4):
        basis = "budget"
    return {"text": m.group(0), "year": int(m.group(3)) if m.group(3) else None, "implied_year": year - 1,
            "basis": basis, "span": [m.start(), m.end()]}


__all__ = ["derive", "claims_json", "Fact"]
