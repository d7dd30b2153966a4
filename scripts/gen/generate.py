#!/usr/bin/python3
"""Generates synthetic 部门决算/部门预算 reports with exact ground truth.

  scripts/gen_reports --seed 1 --out samples/generated          # the committed sample set
  scripts/gen_reports --seed 7 --count 20 --kind final --out /tmp/r --formats txt,docx
  scripts/gen_reports --seed 7 --count 27 --mutate --out /tmp/m   # one variant per mutation id

Everything is deterministic from --seed (PDF bytes excepted: LibreOffice
stamps dates).  Run with Debian's /usr/bin/python3 (python3-docx).
See docs/ground_truth.md for the truth format and the mutation list.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from gen import (build_budget, build_dialect, build_final, catalog, checks, claims, figures, mutate,  # noqa: E402
                 render_docx, render_html, render_text, style as style_mod, truth)

VERSION = "1"
ALL_FORMATS = ("txt", "docx", "html", "pdf")

# The committed sample set: four clean reports with chosen presentations.
SAMPLE_CLEAN = [
    {"kind": "final", "region": "巴中市巴州区", "dept": "education", "large": True,
     "style": {"charts": True, "tables_flow": True, "code_style": "joined", "html_charset": "utf-8",
               "table_unit": "万元", "table_decimals": 2, "table_thousands": False, "zero_cell": "0.00",
               "text_drop_zeros": True, "completion_budget_printed": False, "yoy_prior": False}},
    {"kind": "final", "region": "苏州市姑苏区", "dept": "finance",
     "style": {"charts": True, "table_unit": "元", "table_decimals": 2, "table_thousands": True,
               "zero_cell": "", "code_style": "split", "html_charset": "gbk", "text_drop_zeros": False,
               "completion_budget_printed": True, "yoy_prior": True, "row_numbers": True}},
    {"kind": "budget", "region": "上海市普陀区", "dept": "govoffice",
     "style": {"table_unit": "元", "table_decimals": 2, "table_thousands": True, "code_style": "split",
               "html_charset": "utf-8", "text_drop_zeros": True}},
    {"kind": "budget", "region": "江苏省", "dept": "audit",
     "style": {"table_unit": "万元", "code_style": "joined", "html_charset": "gbk", "text_drop_zeros": False,
               "zero_cell": "-", "total_phrase": "split"}},
]
# Clean reports of the new dialects, in every format, with chosen “三公”
# table layouts (the mutated dialect samples cycle through the others:
# SAMPLE_CLAIM_STYLES).
SAMPLE_DIALECTS = [
    {"dialect": "provincial", "kind": "budget", "dept": "civil", "formats": ("txt", "docx", "html", "pdf"),
     "style": {"tp_total_where": "paragraph", "tp_total_column": True, "tp_layout": "rows",
               "tp_order": "outbound_reception_vehicle", "tp_vehicle": "group_subtotal", "tp_zero": "-",
               "tp_unit": "万元", "gpb_prior_column": "上年预算数", "html_charset": "utf-8"}},
    {"dialect": "district", "kind": "budget", "dept": "street", "formats": ("txt", "docx", "html", "pdf"),
     "style": {"tp_layout": "panels", "tp_order": "vehicle_reception_outbound", "tp_vehicle": "flat",
               "tp_zero": "", "tp_unit": "万元", "table_decimals": 2, "gpb_prior_column": "上年执行数",
               "tp_total_column": True, "html_charset": "gbk"}},
]
# Claim mutations planted in each dialect's own sentences (the legacy final
# dialect gets the five its existing samples do not already cover).
SAMPLE_CLAIM_DIALECTS = {"provincial": None, "district": None,
                         "final": ("claim.reason_figure", "claim.swapped_subject", "claim.comparison_year",
                                   "claim.truncated_rate", "claim.wrong_base")}
# Layouts the mutated dialect samples take in turn, so that the committed set
# shows every “三公” table layout and every place of the share total.
SAMPLE_CLAIM_STYLES = {
    "provincial": [
        {"tp_total_where": "sum", "tp_total_column": False, "tp_layout": "panels", "tp_vehicle": "group",
         "tp_zero": "0.00"},
        {"tp_total_where": "table", "tp_total_column": True, "tp_layout": "rows", "tp_vehicle": "flat",
         "tp_order": "vehicle_reception_outbound"},
        {"tp_total_where": "paragraph", "tp_total_column": True, "tp_layout": "panels",
         "tp_order": "outbound_vehicle_reception", "tp_zero": ""},
    ],
    "district": [
        {"tp_layout": "rows", "tp_vehicle": "group_subtotal", "tp_unit": "元", "table_decimals": 0, "tp_zero": "0",
         "tp_total_column": False},
        {"tp_layout": "panels", "tp_vehicle": "group", "tp_unit": "万元", "tp_zero": "-",
         "tp_order": "outbound_reception_vehicle"},
    ],
    "final": [
        {"tp_layout": "rows", "tp_order": "vehicle_reception_outbound"},
        {"tp_layout": "panels", "tp_order": "outbound_reception_vehicle", "tp_zero": "-"},
    ],
}
# Mutated samples are compact (few optional items) to keep the committed set small.
SAMPLE_MUTATED = {"compact": True, "dept_pool": ("govoffice", "finance", "audit", "stats", "civil", "street"),
                  "style": {"detail_zero_blank": True}}
SAMPLE_CLEAN_FORMATS = ("txt", "docx", "html", "pdf")
SAMPLE_MUTATED_FORMATS = ("txt", "docx")


class Report:
    def __init__(self, name, doc, meta, mutation, record, fails, style):
        self.name = name
        self.doc = doc
        self.meta = meta
        self.mutation = mutation
        self.record = record
        self.fails = fails
        self.style = style
        self.files = {}


# Regions and years each new dialect is written for.
DIALECT_LEVELS = {"provincial": ("province",), "district": ("county",)}
DIALECT_YEARS = {"provincial": (2016, 2025), "district": (2021, 2026)}


def choose_subject(rng, kind, preset):
    dialect = preset.get("dialect")
    regions = [r for r in catalog.REGIONS if preset.get("region") in (None, r.name)
               and r.level in DIALECT_LEVELS.get(dialect, (r.level,))]
    region = rng.choice(regions)
    depts = [d for d in catalog.DEPT_TYPES
             if (d.key != "street" or region.streets) and (region.level != "province" or d.province_name)
             and preset.get("dept") in (None, d.key) and d.key in preset.get("dept_pool", (d.key,))]
    dept = rng.choice(depts)
    lo, hi = DIALECT_YEARS.get(dialect, (2016, 2024 if kind == "final" else 2025))
    year = rng.randint(lo, hi)
    scope = "部门" if rng.random() < 0.65 else "单位"
    return region, dept, year, scope


def build_report(seed, slot, kind, name, mutation=None, preset=None):
    """Builds one report; retries with the next attempt number when a draw
    cannot host the requested mutation."""
    preset = preset or {}
    for attempt in range(80):
        key = "%s:%s:%d" % (seed, slot, attempt)
        rng = random.Random(key)
        region, dept, year, scope = choose_subject(rng, kind, preset)
        want = dict(mutation.want) if mutation else {}
        large = bool(preset.get("large"))
        fig = figures.make(rng, kind, year, region, dept, scope, large=large, want=want,
                           compact=bool(preset.get("compact")))
        st = style_mod.choose(rng, kind, region, large)
        dialect = preset.get("dialect") or ("final" if kind == "final" else "budget")
        if dialect in ("provincial", "district"):
            drng = random.Random(key + ":dialect")
            if build_dialect.augment(fig, dialect, drng, compact=bool(preset.get("compact"))) is None:
                continue
            build_dialect.choose_style(drng, st, dialect, region)
        for field, value in preset.get("style", {}).items():
            setattr(st, field, value)
        if mutation:
            for field, value in mutation.style.items():
                setattr(st, field, value)
        if dialect in ("provincial", "district"):
            doc = build_dialect.build(fig, st, dialect, key)
        else:
            doc = (build_final if kind == "final" else build_budget).build(fig, st)
        doc.meta["dialect"] = dialect
        record = None
        if mutation:
            record = mutation.apply(doc, random.Random(key + ":mutate"), st)
            if record is None:
                continue
        truth.walk(doc)
        fails = checks.failing(doc)
        if mutation is None or mutation.neutral:
            problems = checks.exact_share_problems(doc)
            if fails or problems:
                raise RuntimeError("%s: clean report breaks identities: %s %s" % (
                    name, [(r, [f.tag for f in c.all_facts()]) for r, c in fails][:3], problems[:3]))
        elif mutation.rule_id not in mutate.STRUCTURAL and mutation.rule_id not in {r for r, _ in fails}:
            continue
        meta = report_meta(name, fig, st, seed, slot, attempt, mutation, dialect)
        return Report(name, doc, meta, mutation, record, fails, st)
    raise RuntimeError("%s: no draw could host mutation %s" % (name, mutation and mutation.rule_id))


def report_meta(name, fig, st, seed, slot, attempt, mutation, dialect):
    m = fig.meta
    kind_word = "决算" if m.kind == "final" else "预算"
    title = "%s%d年%s%s%s" % (m.unit_name, m.year, "度" if m.kind == "final" else "", m.scope, kind_word)
    published = "%d-08-%02d" % (m.year + 1, 10 + seed % 15) if m.kind == "final" else "%d-02-%02d" % (
        m.year, 5 + seed % 20)
    variant = "clean" if mutation is None else ("neutral" if mutation.neutral else "planted")
    return {
        "id": name,
        "title": title,
        "unit_name": m.unit_name,
        "region_name": m.region.name,
        "region_code": m.region.code,
        "region_level": m.region.level,
        "year": m.year,
        "kind": m.kind,
        "dialect": dialect,
        "scope": m.scope,
        "dept_type": m.dept.key,
        "template": st.template,
        "text_unit": "万元",
        "table_unit": st.table_unit,
        "table_decimals": st.table_decimals,
        "text_drops_trailing_zeros": st.text_drop_zeros,
        "code_style": st.code_style,
        "html_charset": st.html_charset,
        "published": published,
        "variant": variant,
        "mutation": mutation.mid if mutation else None,
        "style": st.as_dict(),
        "generator": {"seed": seed, "slot": slot, "attempt": attempt, "version": VERSION},
    }


def text_edit_json(item):
    out = {"before": item["before"], "after": item["after"]}
    fact = item.get("fact")
    if fact is not None:
        out["fact"] = fact.fid
        out["location"] = fact.location
    else:
        out["location"] = item["location"]
    return out


def planted_json(report, claim_rows=()):
    mutation, record = report.mutation, report.record
    if mutation is None or mutation.neutral:
        return []
    violations = [{"rule_id": rule, "facts": [f.fid for f in check.all_facts() if f is not None and f.fid]}
                  for rule, check in report.fails]
    if mutation.rule_id in mutate.STRUCTURAL:
        violations.insert(0, {"rule_id": mutation.rule_id,
                              "facts": [f.fid for f in record.facts if f is not None and f.fid]})
    touched = {f.fid for f, _, _ in record.changes} | {t["fact"].fid for t in record.texts if t.get("fact")}
    touched.discard(None)
    entry = {
        "id": "P1",
        "mutation": mutation.mid,
        "family": mutation.family,
        "rule_id": mutation.rule_id,
        "description": record.description,
        "facts": [truth.fact_ref(f) for f in record.facts if f is not None and f.fid],
        "edits": [{"fact": f.fid, "key": f.tag, "before": before, "after": after}
                  for f, before, after in record.changes],
        "text_edits": [text_edit_json(t) for t in record.texts],
        "violations": violations,
        "also_violates": sorted({v["rule_id"] for v in violations} - {mutation.rule_id}),
    }
    if record.intended is not None:
        entry["intended"] = record.intended
    if mutation.hint:
        entry["hint"] = mutation.hint
    entry["claims"] = [c["id"] for c in claim_rows if touched & _claim_fact_ids(c)]
    return [entry]


def _claim_fact_ids(row):
    ids = {r.get("fact") for r in row["roles"].values()}
    ids |= {r.get("fact") for r in row.get("components", []) + row.get("reason", [])}
    ids.discard(None)
    return ids


def neutral_json(report):
    mutation, record = report.mutation, report.record
    if mutation is None or not mutation.neutral:
        return []
    return [{
        "id": "N1",
        "kind": mutation.rule_id,
        "description": record.description,
        "facts": sorted({f.fid for f, _, _ in record.changes if f.fid}
                        | {t["fact"].fid for t in record.texts if t.get("fact") is not None and t["fact"].fid}),
        "edits": [{"fact": f.fid, "before": before, "after": after} for f, before, after in record.changes[:20]],
        "text_edits": [text_edit_json(t) for t in record.texts],
    }]


def write_formats(report, out_dir, formats):
    meta = report.meta
    if "txt" in formats:
        path = report.name + ".txt"
        with open(os.path.join(out_dir, path), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(render_text.render(report.doc, meta))
        report.files["txt"] = path
    if "docx" in formats or "pdf" in formats:
        path = report.name + ".docx"
        with open(os.path.join(out_dir, path), "wb") as fh:
            fh.write(render_docx.render(report.doc, meta))
        if "docx" in formats:
            report.files["docx"] = path
    if "html" in formats:
        path = report.name + ".html"
        charset = meta["html_charset"]
        data = render_html.render(report.doc, meta, charset).encode("gbk" if charset == "gbk" else "utf-8")
        with open(os.path.join(out_dir, path), "wb") as fh:
            fh.write(data)
        report.files["html"] = path


def soffice_binary():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    return None


def convert_pdfs(reports, out_dir):
    """DOCX→PDF with LibreOffice in one batch; returns False if unavailable."""
    if not reports:
        return True
    binary = soffice_binary()
    if binary is None:
        print("gen_reports: soffice/libreoffice not found: skipping PDF output", file=sys.stderr)
        return False
    profile = tempfile.mkdtemp(prefix="budgetdoc-gen-lo-")
    try:
        docs = [os.path.join(out_dir, r.name + ".docx") for r in reports]
        cmd = [binary, "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf",
               "--outdir", out_dir] + docs
        result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
        for r in reports:
            path = r.name + ".pdf"
            if os.path.exists(os.path.join(out_dir, path)):
                r.files["pdf"] = path
            else:
                print("gen_reports: PDF conversion failed for %s: %s" % (r.name, result.stderr.decode()[-300:]),
                      file=sys.stderr)
        return True
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def finish(reports, out_dir, args, pdf_wanted):
    pdf_reports = [r for r in reports if r in pdf_wanted]
    convert_pdfs(pdf_reports, out_dir)
    for r in reports:
        # DOCX written only as the PDF source is removed again.
        if "docx" not in r.files and os.path.exists(os.path.join(out_dir, r.name + ".docx")):
            os.remove(os.path.join(out_dir, r.name + ".docx"))
        facts = [f for f in truth.walk(r.doc)]
        text, spans = render_text.render_with_offsets(r.doc, r.meta)
        claim_rows = claims.claims_json(r.doc, r.meta, text, spans)
        data = truth.report_json(r.doc, r.meta, facts, planted_json(r, claim_rows), neutral_json(r), r.files,
                                 claim_rows)
        with open(os.path.join(out_dir, r.name + ".truth.json"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(truth.dumps(data))
    manifest = {
        "generator": "scripts/gen_reports",
        "version": VERSION,
        "command": "scripts/gen_reports " + " ".join(args.argv),
        "seed": args.seed,
        "reports": [{
            "name": r.name,
            "kind": r.meta["kind"],
            "dialect": r.meta["dialect"],
            "variant": r.meta["variant"],
            "mutation": r.meta["mutation"],
            "unit_name": r.meta["unit_name"],
            "year": r.meta["year"],
            "files": r.files,
            "truth": r.name + ".truth.json",
        } for r in reports],
    }
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(readme(reports, args))


def readme(reports, args):
    lines = [
        "# Generated reports with ground truth",
        "",
        "Synthetic 部门决算/部门预算 reports produced by `scripts/gen_reports` (see docs/ground_truth.md).",
        "Every figure is invented; region names are real, units and departments are made up.",
        "Do not edit by hand: regenerate with",
        "",
        "    scripts/gen_reports %s" % " ".join(args.argv),
        "",
        "Each report `<name>` has its formats (`<name>.txt`, `.docx`, `.html`, `.pdf` where listed) and one",
        "`<name>.truth.json` shared by all of them. `manifest.json` lists every file.",
        "",
        "| name | variant | dialect | unit, year | formats | what it is |",
        "|---|---|---|---|---|---|",
    ]
    for r in reports:
        if r.mutation is None:
            st = r.style
            what = "clean; tables in %s%s, codes %s, html %s%s%s" % (
                st.table_unit, "" if st.table_unit == "万元" else " (%d decimals)" % st.table_decimals,
                st.code_style, st.html_charset, ", native charts" if (st.charts and r.meta["kind"] == "final") else "",
                ", long tables across pages" if st.large else "")
            if r.meta["dialect"] in ("provincial", "district"):
                what += "; percentages at 0/1/2 decimals per value; “三公” table: %s" % tp_layout_words(st)
        else:
            what = "`%s`: %s" % (r.mutation.mid, r.record.description)
        lines.append("| %s | %s | %s | %s %d | %s | %s |" % (
            r.name, r.meta["variant"], r.meta["dialect"], r.meta["unit_name"], r.meta["year"],
            ", ".join(sorted(r.files)), what.replace("|", "/")))
    lines.append("")
    return "\n".join(lines)


def tp_layout_words(st):
    words = ["a row per year" if st.tp_layout == "rows" else "a panel per year",
             {"outbound_vehicle_reception": "出国 first", "outbound_reception_vehicle": "出国, 接待, 车",
              "vehicle_reception_outbound": "出国 last"}[st.tp_order],
             {"group_subtotal": "车 group with 小计", "group": "车 group without 小计",
              "flat": "车 as two plain columns"}[st.tp_vehicle],
             "with 合计" if st.tp_total_column else "no 合计 column",
             "zero cells %s" % ({None: "as the tables", "": "blank", "-": "'-'"}.get(st.tp_zero, "'%s'" % st.tp_zero)),
             "in %s" % (st.tp_unit or st.table_unit)]
    if st.tp_total_where:
        words.append("shares of a total printed %s" % {"paragraph": "in the paragraph before",
                                                       "table": "only in the table",
                                                       "sum": "nowhere (sum of the parts)"}[st.tp_total_where])
    if st.gpb_prior_column:
        words.append("一般公共预算支出表 with a %s column" % st.gpb_prior_column)
    return ", ".join(words)


def sample_set(args):
    reports, pdf_wanted = [], []
    for i, preset in enumerate(SAMPLE_CLEAN, start=1):
        name = "c%02d_%s_%s" % (i, preset["kind"], preset["dept"])
        r = build_report(args.seed, "clean%d" % i, preset["kind"], name, preset=preset)
        write_formats(r, args.out, SAMPLE_CLEAN_FORMATS)
        reports.append(r)
        pdf_wanted.append(r)
    n = len(SAMPLE_CLEAN)
    for preset in SAMPLE_DIALECTS:
        n += 1
        name = "c%02d_%s_%s" % (n, preset["dialect"], preset["dept"])
        r = build_report(args.seed, "clean%d" % n, preset["kind"], name, preset=preset)
        write_formats(r, args.out, preset["formats"])
        reports.append(r)
        if "pdf" in preset["formats"]:
            pdf_wanted.append(r)
    legacy = mutate.LEGACY + mutate.NEUTRALS
    for i, mutation in enumerate(legacy, start=1):
        kind = mutation.kinds[(i + 1) % len(mutation.kinds)]
        prefix = "n" if mutation.neutral else "m"
        name = "%s%02d_%s_%s" % (prefix, i, mutation.mid, kind)
        r = build_report(args.seed, "mut%d" % i, kind, name, mutation=mutation, preset=SAMPLE_MUTATED)
        write_formats(r, args.out, SAMPLE_MUTATED_FORMATS)
        reports.append(r)
    i = len(legacy)
    for dialect, only in SAMPLE_CLAIM_DIALECTS.items():
        styles = SAMPLE_CLAIM_STYLES[dialect]
        for k, mutation in enumerate(m for m in mutate.CLAIM_MUTATIONS if only is None or m.mid in only):
            i += 1
            kind = "final" if dialect == "final" else "budget"
            name = "m%02d_%s_%s" % (i, mutation.mid, dialect)
            preset = dict(SAMPLE_MUTATED, style=dict(SAMPLE_MUTATED["style"], **styles[k % len(styles)]))
            if dialect in ("provincial", "district"):
                preset["dialect"] = dialect
            r = build_report(args.seed, "%s.%s" % (mutation.mid, dialect), kind, name, mutation=mutation,
                             preset=preset)
            write_formats(r, args.out, SAMPLE_MUTATED_FORMATS)
            reports.append(r)
    finish(reports, args.out, args, pdf_wanted)
    return reports


def count_set(args):
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    for f in formats:
        if f not in ALL_FORMATS:
            raise SystemExit("gen_reports: unknown format %r (choose from %s)" % (f, ",".join(ALL_FORMATS)))
    pool = mutate.ALL
    if args.rules:
        wanted = args.rules.split(",")
        unknown = [w for w in wanted if w not in mutate.BY_ID]
        if unknown:
            raise SystemExit("gen_reports: unknown rule id(s): %s" % ", ".join(unknown))
        pool = [mutate.BY_ID[w] for w in wanted]
    dialects = None
    if args.dialect:
        dialects = list(build_dialect.DIALECTS) if args.dialect == "all" else [args.dialect]
    reports, pdf_wanted = [], []
    for i in range(args.count):
        kinds = ("final", "budget") if args.kind == "both" else (args.kind,)
        mutation = None
        kind = kinds[i % len(kinds)]
        dialect = None
        if dialects:
            dialect = dialects[i % len(dialects)]
            kind = "final" if dialect == "final" else "budget"
        if args.mutate and dialects:
            mutation = pool[i % len(pool)]
            if kind not in mutation.kinds:
                dialect, kind = "final", "final"
        elif args.mutate:
            # Cycle through the mutations; with --kind both the kinds alternate
            # too, and an odd-length cycle gives every mutation both kinds in
            # two rounds.  A mutation that needs a kind (completion.rate: final)
            # overrides it.
            mutation = pool[i % len(pool)]
            if kind not in mutation.kinds:
                if args.kind != "both":
                    raise SystemExit("gen_reports: %s cannot be planted in a %s report" % (mutation.mid, kind))
                kind = mutation.kinds[0]
        label = dialect or kind
        if mutation is None:
            name = "r%03d_%s" % (i + 1, label)
        else:
            name = "r%03d_%s_%s" % (i + 1, mutation.mid, label)
        preset = {"compact": args.compact}
        if dialect in ("provincial", "district"):
            preset["dialect"] = dialect
        r = build_report(args.seed, "r%d" % i, kind, name, mutation=mutation, preset=preset)
        write_formats(r, args.out, formats)
        reports.append(r)
        if "pdf" in formats:
            pdf_wanted.append(r)
    finish(reports, args.out, args, pdf_wanted)
    return reports


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description="Generate synthetic budget/final-accounts reports with ground truth.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="output directory (created if missing)")
    parser.add_argument("--count", type=int, help="number of reports (default: the committed sample set)")
    parser.add_argument("--kind", choices=("final", "budget", "both"), default="both")
    parser.add_argument("--dialect", choices=build_dialect.DIALECTS + ("all",),
                        help="report dialect (overrides --kind); all = cycle through the four")
    parser.add_argument("--formats", default="txt,docx,html,pdf", help="comma list of txt,docx,html,pdf")
    parser.add_argument("--mutate", action="store_true", help="every report carries one mutation (cycling)")
    parser.add_argument("--rules", help="with --mutate: comma list of mutation ids to cycle through")
    parser.add_argument("--compact", action="store_true", help="smaller reports (fewer optional items)")
    parser.add_argument("--list-rules", action="store_true", help="print the mutation ids and exit")
    args = parser.parse_args(argv)
    args.argv = argv
    if args.list_rules:
        for m in mutate.ALL:
            print("%-36s %s" % (m.mid, "neutral" if m.neutral else m.family))
        return 0
    if not args.out:
        parser.error("--out is required")
    os.makedirs(args.out, exist_ok=True)
    reports = count_set(args) if args.count else sample_set(args)
    total = sum(os.path.getsize(os.path.join(args.out, p)) for r in reports
                for p in list(r.files.values()) + [r.name + ".truth.json"])
    print("gen_reports: wrote %d reports to %s (%.1f KB)" % (len(reports), args.out, total / 1024.0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
