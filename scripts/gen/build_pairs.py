#!/usr/bin/python3
"""Builds reports published as two PDFs — the narrative in one file, the
tables (附表) in another, as Jiangsu publishes them — for the bundle checks
(issue 15: `budgetdoc check --one-report narrative.pdf tables.pdf`).

Each report is a generated one (scripts/gen/generate.py: the final, budget,
provincial and district dialects, so that the sentences and the table
layouts differ from pair to pair as provinces word these reports
differently) cut in two: the part of the report that holds the tables goes
to the tables file, under a title page worded one of several ways; the
narrative file keeps every other part and, in place of the tables, the part's
heading and a line saying they are published separately. Both halves are
rendered to DOCX (scripts/gen/render_docx.py) and converted to PDF with
LibreOffice headless.

Every report comes as a clean pair and a planted pair that share the tables
file: in the planted narrative, a few figures that the tables also print
(a 项 of the 一般公共预算 table, a “三公” item, an economic item of the
basic expenditure, a 类, an income source…; which ones rotates from report
to report) are printed differently — the narrative contradicts the tables
of the other file. truth.json lists the pairs, each with its files and the
planted figures: the figure's tag and metric, the narrative value before
and after, and the table's; the identities the generator knows it breaks
(checks.failing).

  scripts/gen/build_pairs.py --out samples/crosspairs

Deterministic except the PDF bytes (LibreOffice stamps dates). Needs
Debian's /usr/bin/python3 (python3-docx) and soffice. Scored by
`scripts/eval --pairs samples/crosspairs`; tests: tests/gen/test_crossdoc.py.
"""

import argparse
import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from gen import checks, generate, mutate, render_docx, truth  # noqa: E402
from gen.model import Heading, Para, Table  # noqa: E402

# The reports cut in two: dialect, a style (presets of generate.py), and how
# the tables file is titled (TABLE_TITLES).
SPECS = [
    {"name": "final", "kind": "final", "title": 0,
     "style": {"table_unit": "万元", "code_style": "joined", "zero_cell": "0.00", "charts": False}},
    {"name": "budget", "kind": "budget", "title": 1,
     "style": {"table_unit": "元", "table_decimals": 2, "table_thousands": True, "code_style": "split"}},
    {"name": "provincial", "kind": "budget", "dialect": "provincial", "title": 2,
     "style": {"tp_layout": "rows", "tp_vehicle": "group_subtotal", "tp_unit": "万元",
               "gpb_prior_column": "上年预算数"}},
    {"name": "district", "kind": "budget", "dialect": "district", "title": 3,
     "style": {"tp_layout": "panels", "tp_vehicle": "flat", "tp_unit": "万元", "table_unit": "万元",
               "gpb_prior_column": "上年执行数"}},
]

# Title lines of the tables file; {unit}, {year}, {du} (年/年度), {what}
# (部门预算, 单位决算 …).
TABLE_TITLES = [
    ["{unit}{year}{du}{what}公开报表"],
    ["附件", "{unit}{year}{du}{what}表"],
    ["{year}{du}{unit}{what}附表"],
    ["{unit}", "{year}{du}{what}公开表格"],
]
# What the narrative prints where the tables were.
TABLES_ELSEWHERE = [
    "（{what}报表另行公开，详见附件。）",
    "本部分报表见附件《{title}》。",
    "（表格详见{what}附表）",
    "{what}公开表格另附。",
]

# Kinds of narrative figure planted, in the order pairs take them: the tag
# prefix of the narrative fact (gen/build_*.py).
PLANT_KINDS = ["n.gpb.xiang.", "n.tp.reception", "n.basic.econ.", "n.gpb.lei.", "n.tp.outbound",
               "n.income.income", "n.basic.personnel", "n.tp.operation"]
PLANTS_PER_PAIR = 4
SEED = 3


def build_spec(seed, i, spec):
    preset = {"compact": True, "style": dict(spec["style"])}
    if "dialect" in spec:
        preset["dialect"] = spec["dialect"]
    name = "pair%d_%s" % (i + 1, spec["name"])
    return generate.build_report(seed, "pair%d" % i, spec["kind"], name, preset=preset)


def table_partners(doc):
    """Narrative fact -> the table fact its text/table identity names."""
    out = {}
    for check in doc.checks:
        if check.kind != "eq" or check.rule != "agree.text_table":
            continue
        a, b = check.facts["a"], check.facts["b"]
        if a.origin == "narrative" and b.origin == "table":
            out.setdefault(id(a), (a, b))
        elif b.origin == "narrative" and a.origin == "table":
            out.setdefault(id(b), (b, a))
    return out


def plant(report, rng, kinds):
    """Prints one narrative figure of each kind otherwise; returns the
    planted records."""
    partners = table_partners(report.doc)
    planted, used = [], set()
    # A kind the report does not print gives way to the next one.
    queue = list(kinds) + [k for k in PLANT_KINDS if k not in kinds]
    for kind in queue:
        if len(planted) == len(kinds):
            break
        pool = [(a, b) for a, b in partners.values()
                if a.tag and a.tag.startswith(kind) and a.value() and id(a) not in used]
        if not pool:
            continue
        a, b = rng.choice(sorted(pool, key=lambda p: p[0].tag))
        used.add(id(a))
        edit = mutate.Edit()
        delta = mutate.amount_delta(rng, a)
        if rng.random() < 0.5 and a.value() > delta * 2:
            delta = -delta
        mutate.bump(edit, a, delta, report.style)
        _, before, after = edit.changes[0]
        planted.append({"rule": "agree.text_table", "kind": kind.rstrip("."), "tag": a.tag,
                        "metric": a.metric_id, "before": before, "after": after,
                        "table_value": b.raw, "table_unit": b.scale})
    return planted


def split(report, spec):
    """(narrative Doc, tables Doc, title of the tables file)."""
    doc, meta = report.doc, report.meta
    blocks = doc.blocks
    parts = [i for i, b in enumerate(blocks)
             if isinstance(b, Heading) and b.level == 1 and b.text.startswith("第") and "部分" in b.text]
    parts.append(len(blocks))
    start = end = None
    for a, b in zip(parts, parts[1:]):
        if any(isinstance(x, Table) for x in blocks[a:b]):
            start, end = a, b
            break
    if start is None:
        raise RuntimeError("%s: no part holds the tables" % report.name)
    kind = "预算" if meta["kind"] == "budget" else "决算"
    words = {"unit": meta["unit_name"], "year": meta["year"], "du": "年度" if kind == "决算" else "年",
             "what": meta["scope"] + kind}
    lines = [t.format(**words) for t in TABLE_TITLES[spec["title"] % len(TABLE_TITLES)]]
    title = "".join(lines[-1:]) if len(lines) > 1 and lines[0] == "附件" else "".join(lines)
    words["title"] = title
    elsewhere = TABLES_ELSEWHERE[spec["title"] % len(TABLES_ELSEWHERE)].format(**words)
    narrative = copy.copy(doc)
    narrative.blocks = blocks[:start + 1] + [Para([elsewhere])] + blocks[end:]
    tables = copy.copy(doc)
    tables.blocks = [Heading(0, line) for line in lines] + blocks[start:end]
    return narrative, tables, title


def soffice():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("build_pairs: soffice (LibreOffice) is needed: apt-get install libreoffice-writer-nogui")


def to_pdf(docx_paths, out):
    profile = tempfile.mkdtemp(prefix="budgetdoc-pairs-lo-")
    try:
        cmd = [soffice(), "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf",
               "--outdir", out] + docx_paths
        subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900, check=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for p in docx_paths:
        pdf = os.path.splitext(p)[0] + ".pdf"
        if not os.path.exists(pdf):
            raise SystemExit("build_pairs: LibreOffice wrote no %s" % pdf)
        os.remove(p)


def build(out, seed=SEED):
    os.makedirs(out, exist_ok=True)
    pairs, docx = [], []

    def write(doc, meta, stem):
        path = os.path.join(out, stem + ".docx")
        with open(path, "wb") as fh:
            fh.write(render_docx.render(doc, meta))
        docx.append(path)
        return stem + ".pdf"

    for i, spec in enumerate(SPECS):
        clean = build_spec(seed, i, spec)
        narrative, tables, title = split(clean, spec)
        tables_meta = dict(clean.meta, title=title)
        tables_file = write(tables, tables_meta, "%s_tables" % clean.name)
        entry = {"report": clean.name, "dialect": clean.meta["dialect"], "kind": clean.meta["kind"],
                 "unit_name": clean.meta["unit_name"], "year": clean.meta["year"], "tables_title": title}
        pairs.append(dict(entry, name=clean.name + "_clean", variant="clean",
                          narrative=write(narrative, clean.meta, "%s_clean_text" % clean.name),
                          tables=tables_file, planted=[], violations=[]))
        # The same report again, with figures of its narrative planted.
        report = build_spec(seed, i, spec)
        rng = random.Random("%s:pair%d:plant" % (seed, i))
        kinds = [PLANT_KINDS[(i * 2 + k) % len(PLANT_KINDS)] for k in range(PLANTS_PER_PAIR)]
        planted = plant(report, rng, kinds)
        truth.walk(report.doc)
        violations = sorted({rule for rule, _ in checks.failing(report.doc)})
        if "agree.text_table" not in violations or len(planted) < PLANTS_PER_PAIR:
            raise RuntimeError("%s: planting failed: %s %s" % (report.name, planted, violations))
        narrative, _, _ = split(report, spec)
        pairs.append(dict(entry, name=report.name + "_planted", variant="planted",
                          narrative=write(narrative, report.meta, "%s_planted_text" % report.name),
                          tables=tables_file, planted=planted, violations=violations))
    to_pdf(docx, out)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump({"seed": seed, "pairs": pairs}, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return pairs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="samples/crosspairs")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    pairs = build(args.out, args.seed)
    print("wrote %d pairs (%d planted figures) to %s" % (
        len(pairs), sum(len(p["planted"]) for p in pairs), args.out))


if __name__ == "__main__":
    main()
