"""The label_eval command: runs budgetdoc on every labelled report and prints
the scores (see evaluate.py for the matching rules, docs/ground_truth.md for
the procedure).

Exit status: 0 all good; 1 a false material finding, a missed material defect,
a template problem or a stale known gap; 2 bad labels or budgetdoc failed;
77 skipped (../shared/corpus or budgetdoc absent).

Tests: tests/label_tools/test_runner.py
"""

import argparse
import json
import os
import subprocess
import sys

from labels import evaluate, labelfile

SKIP = 77


def _run_json(budgetdoc, command, path, timeout, extra=()):
    paths = path if isinstance(path, list) else [path]
    proc = subprocess.run([budgetdoc, command, "--format", "json"] + list(extra) + paths, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    if proc.returncode not in (0, 1):
        raise RuntimeError("budgetdoc %s %s exited %d: %s" % (command, " ".join(paths), proc.returncode,
                                                             proc.stderr.decode("utf-8", "replace")[:300]))
    return json.loads(proc.stdout.decode("utf-8"))


def _pct(num, den):
    return "%d/%d (%s)" % (num, den, "%.0f%%" % (100.0 * num / den) if den else "-")


def print_report(res, out, verbose):
    lf = res.labels
    w = out.write
    w("== %s  (%s %s %s%s)\n" % (lf.report, lf.kind, lf.year, lf.scope, ", template" if lf.template else ""))
    w("   material found %s; false material %d; minor found %s; passes contradicted %d of %d; "
      "rates accounted %s (labelled but not extracted %d); non-pass findings %d (unlabelled minor %d, repeats %d)\n" % (
          _pct(len(res.material_found()), len(res.material_labelled())), len(res.false_material),
          _pct(len(res.minor_found()), len(res.minor_labelled())), len(res.contradicted),
          len(lf.by_kind("pass")), _pct(res.rates_accounted, res.rates_total), len(res.unextracted_rates),
          len(res.findings),
          len(res.unlabelled_minor), res.repeats()))
    for d in lf.defects():
        hits = res.found.get(d.id, [])
        status = "found" if hits else "MISSED" if d.cls == "material" else "missed"
        w("   %-6s %-8s %-6s %-12s p%-8s %s\n" % (d.id, d.cls, status, d.family,
                                                 ",".join(str(p.number) for p in d.pages), ",".join(d.figures[:3])))
        if verbose:
            for f in hits:
                w("          <- %s\n" % f.describe())
    for r, f in res.class_mismatch:
        w("   class: %s labelled %s, reported %s: %s\n" % (r.id, r.cls, f.cls, f.describe()))
    for f in res.false_material:
        w("   FALSE MATERIAL %s: %s\n" % ("(on pass %s)" % f.match.id if f.match is not None else "(unlabelled)",
                                         f.describe()))
    for pid, fs in sorted(res.contradicted.items()):
        for f in fs:
            if not f.material:
                w("   pass %s contradicted by %s\n" % (pid, f.describe()))
    if verbose:
        for f in res.unlabelled_minor:
            w("   unlabelled minor: %s\n" % f.describe())
        for (fi, page, value), n in res.unaccounted_rates:
            w("   rate not labelled: file %d p%s %s x%d\n" % (fi, page, value, n))
        for rid, value in res.unextracted_rates:
            w("   labelled rate not extracted: %s %s\n" % (rid, value))
    if res.template_problem:
        w("   TEMPLATE: %s\n" % res.template_problem)
    if res.missing_tables:
        w("   TEMPLATE: tables reported missing: %s\n" % ",".join(res.missing_tables))


def print_totals(results, out):
    t = {k: 0 for k in ("reports", "mat_l", "mat_f", "false", "min_l", "min_f", "passes", "contra",
                        "notclaims", "rates", "rates_acc", "unextracted", "findings", "unlab", "repeats", "class")}
    for r in results:
        t["reports"] += 1
        t["mat_l"] += len(r.material_labelled())
        t["mat_f"] += len(r.material_found())
        t["false"] += len(r.false_material)
        t["min_l"] += len(r.minor_labelled())
        t["min_f"] += len(r.minor_found())
        t["passes"] += len(r.labels.by_kind("pass"))
        t["contra"] += len(r.contradicted)
        t["notclaims"] += len(r.labels.by_kind("notclaim"))
        t["rates"] += r.rates_total
        t["rates_acc"] += r.rates_accounted
        t["unextracted"] += len(r.unextracted_rates)
        t["findings"] += len(r.findings)
        t["unlab"] += len(r.unlabelled_minor)
        t["repeats"] += r.repeats()
        t["class"] += len(r.class_mismatch)
    out.write("== total: %d reports; material defects found %s; false material findings %d; minor defects "
              "found %s; pass records %d (contradicted %d); notclaim records %d; printed rates accounted %s "
              "(labelled but not extracted %d); "
              "non-pass findings %d (unlabelled minor %d, repeats %d); class disagreements %d\n" % (
                  t["reports"], _pct(t["mat_f"], t["mat_l"]), t["false"], _pct(t["min_f"], t["min_l"]),
                  t["passes"], t["contra"], t["notclaims"], _pct(t["rates_acc"], t["rates"]), t["unextracted"],
                  t["findings"],
                  t["unlab"], t["repeats"], t["class"]))
    return t


def counts_table(label_files):
    """Markdown table: per report the labelled defects, passes, notclaims and rates."""
    rows = ["| report | kind | defects material | defects minor | pass | notclaim | % figures labelled |",
            "|---|---|---|---|---|---|---|"]
    total = [0, 0, 0, 0, 0]
    for lf in label_files:
        n = [len(lf.defects("material")), len(lf.defects("minor")), len(lf.by_kind("pass")),
             len(lf.by_kind("notclaim")), sum(len(r.percent_figures()) for r in lf.records)]
        total = [a + b for a, b in zip(total, n)]
        kind = "%s %s %s%s" % (lf.year, lf.scope, lf.kind, " (template)" if lf.template else "")
        rows.append("| %s | %s | %s |" % (lf.report, kind, " | ".join(str(x) for x in n)))
    rows.append("| **%d reports** | | %s |" % (len(label_files), " | ".join("**%d**" % x for x in total)))
    return "\n".join(rows)


def main(argv):
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description="Score budgetdoc against the hand-labelled real reports.")
    ap.add_argument("--budgetdoc", default=os.path.join(root, "build", "budgetdoc"))
    ap.add_argument("--labels", default=os.path.join(root, "tests", "labels"))
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus"))
    ap.add_argument("--known-gaps", default=None, help="known_gaps.txt: current tool errors, listed loudly")
    ap.add_argument("--report", action="append", default=[], help="only these report ids")
    ap.add_argument("--verbose", "-v", action="store_true", help="show matched findings and unlabelled ones")
    ap.add_argument("--draft-gaps", action="store_true",
                    help="print a known_gaps.txt line for every current failure (to vet against the PDF, never "
                         "to paste unread)")
    ap.add_argument("--counts", action="store_true",
                    help="print the label counts per report as a Markdown table and exit (no budgetdoc run)")
    ap.add_argument("--timeout", type=int, default=300)
    args = ap.parse_args(argv)

    if args.counts:
        try:
            print(counts_table(labelfile.load_dir(args.labels)))
        except (ValueError, OSError) as e:
            print("label_eval: %s" % e)
            return 2
        return 0
    if not os.path.isdir(args.corpus):
        print("label_eval: skipped: %s is absent (the labelled set needs ../shared/corpus)" % args.corpus)
        return SKIP
    if not os.path.isfile(args.budgetdoc):
        print("label_eval: skipped: no budgetdoc binary at %s" % args.budgetdoc)
        return SKIP
    try:
        label_files = labelfile.load_dir(args.labels)
        gaps = []
        if args.known_gaps:
            with open(args.known_gaps, encoding="utf-8") as fh:
                gaps = evaluate.parse_gaps(fh.read(), args.known_gaps)
    except (ValueError, OSError) as e:
        print("label_eval: %s" % e)
        return 2
    if args.report:
        label_files = [lf for lf in label_files if lf.report in args.report]
        gaps = [g for g in gaps if g.report in args.report]

    results = []
    for lf in label_files:
        paths = [os.path.join(args.corpus, f) for f in lf.files]
        absent = [p for p in paths if not os.path.isfile(p)]
        if absent:
            print("label_eval: %s: file absent, report skipped: %s" % (lf.report, ", ".join(absent)))
            continue
        try:
            # The files of one report (narrative and tables apart) are
            # checked as one report.
            if len(paths) > 1:
                checks = [_run_json(args.budgetdoc, "check", paths, args.timeout, ["--one-report"])]
            else:
                checks = [_run_json(args.budgetdoc, "check", p, args.timeout) for p in paths]
            extracts = [_run_json(args.budgetdoc, "extract", p, args.timeout) for p in paths]
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
            print("label_eval: %s: %s" % (lf.report, e))
            return 2
        res = evaluate.evaluate(lf, checks, extracts)
        results.append(res)
        print_report(res, sys.stdout, args.verbose)
    print_totals(results, sys.stdout)
    present = {r.labels.report for r in results}
    ignored = [g for g in gaps if g.report not in present]
    if ignored and not args.report:
        print("== %d known gaps name reports without a label file here (ignored): %s" % (
            len(ignored), ", ".join(sorted({g.report for g in ignored}))))
    gaps = [g for g in gaps if g.report in present]
    verdict = evaluate.judge(results, gaps)
    if args.draft_gaps:
        print("== draft known_gaps lines (verify each against the PDF first):")
        for line in evaluate.draft_gaps(results, verdict):
            print(line)
    if verdict.known:
        print("== KNOWN GAPS (%d; the tool's errors, tests/labels/known_gaps.txt):" % len(verdict.known))
        for line in verdict.known:
            print("   " + line)
    for line in verdict.stale:
        print("STALE: " + line)
    for line in verdict.failures:
        print("FAIL: " + line)
    print("label_eval: %s" % ("ok" if verdict.ok else "FAILED"))
    return 0 if verdict.ok else 1
