"""Tests for the cross-document sets (scripts/gen/build_crossdoc.py,
samples/crossdoc) and the narrative + tables pairs
(scripts/gen/build_pairs.py, samples/crosspairs).

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/gen
"""

import filecmp
import json
import os
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from gen import build_crossdoc, build_pairs, checks, truth  # noqa: E402
from gen.model import Table  # noqa: E402

CROSSDOC = os.path.join(ROOT, "samples", "crossdoc")
PAIRS = os.path.join(ROOT, "samples", "crosspairs")


class CrossDocSetTest(unittest.TestCase):
    def test_the_committed_sets_are_what_the_generator_writes(self):
        with tempfile.TemporaryDirectory() as out:
            build_crossdoc.build(out)
            names = sorted(os.listdir(out))
            self.assertEqual(names, sorted(n for n in os.listdir(CROSSDOC) if n != "README.md"))
            _, mismatch, errors = filecmp.cmpfiles(CROSSDOC, out, names, shallow=False)
            self.assertEqual((mismatch, errors), ([], []))

    def test_a_clean_final_prints_last_year_as_last_years_report_printed_it(self):
        reports, planted = build_crossdoc.finals_set(clean=True)
        self.assertEqual(planted, [])
        for earlier, later in zip(reports, reports[1:]):
            self.assertEqual(later.prior, earlier.items)
            self.assertEqual(later.tp_prior, earlier.tp)
            self.assertEqual(later.admin_prior, earlier.admin)

    def test_each_final_is_worded_and_laid_out_its_own_way(self):
        reports, _ = build_crossdoc.finals_set(clean=True)
        texts = [build_crossdoc.render_final(r, r.variant) for r in reports]
        self.assertEqual(len({r.variant for r in reports}), 3)
        # The 上年决算数 column after this year's, before it, or absent.
        self.assertIn("本年决算数\t\t\t上年决算数", texts[1])
        self.assertIn("上年决算数\t本年决算数", texts[2])
        self.assertNotIn("上年决算数\t", texts[0])
        # No total sentence is written the same way twice.
        firsts = [t.split("一、收入支出决算总体情况说明\n")[1].split("\n")[0] for t in texts]
        starts = {f[:8] for f in firsts}
        self.assertEqual(len(starts), 3, firsts)

    def test_each_budget_year_prints_last_years_budget_its_own_way(self):
        reports, _ = build_crossdoc.years_set(clean=True)
        texts = [build_crossdoc.render(r, r.variant) for r in reports]
        # A last column, a column before this year's, a column headed with
        # the year; the “三公” prior in a table row, a row labelled 上年预算数,
        # or the narrative item by item.
        self.assertIn("本年预算数\t\t\t上年预算数", texts[0])
        self.assertIn("上年预算数\t本年预算数", texts[1])
        self.assertIn("本年预算数\t\t\t2023年预算数", texts[2])
        self.assertIn("\n上年预算数\t", texts[1])
        self.assertIn("公务接待费%s万元，上年预算%s万元" % (
            build_crossdoc.fmt(reports[2].tp["reception"]), build_crossdoc.fmt(reports[1].tp["reception"])),
            texts[2])
        self.assertNotIn("\n2023年预算数\t", texts[2])

    def test_every_planted_final_error_is_printed_by_the_later_report(self):
        clean, _ = build_crossdoc.finals_set(clean=True)
        planted, errors = build_crossdoc.finals_set(clean=False)
        self.assertEqual(len(errors), 5)
        for error in errors:
            later = next(r for r in planted if r.file == error["documents"][0])
            before = next(r for r in clean if r.year == later.year)
            self.assertNotEqual(build_crossdoc.render_final(later, later.variant),
                                build_crossdoc.render_final(before, before.variant))
            self.assertEqual(error["rule"], "cross.year.prior_actual")


class PairsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(PAIRS, "truth.json"), encoding="utf-8") as fh:
            cls.truth = json.load(fh)

    def test_every_file_of_every_pair_is_committed(self):
        for p in self.truth["pairs"]:
            for key in ("narrative", "tables"):
                path = os.path.join(PAIRS, p[key])
                self.assertTrue(os.path.exists(path), path)
                with open(path, "rb") as fh:
                    self.assertEqual(fh.read(5), b"%PDF-")

    def test_a_planted_pair_shares_its_tables_with_the_clean_one(self):
        pairs = self.truth["pairs"]
        clean = {p["report"]: p for p in pairs if p["variant"] == "clean"}
        planted = [p for p in pairs if p["variant"] == "planted"]
        self.assertEqual(len(clean), len(build_pairs.SPECS))
        self.assertEqual(len(planted), len(build_pairs.SPECS))
        for p in planted:
            self.assertEqual(p["tables"], clean[p["report"]]["tables"])
            self.assertNotEqual(p["narrative"], clean[p["report"]]["narrative"])
            self.assertEqual(len(p["planted"]), build_pairs.PLANTS_PER_PAIR)
            self.assertIn("agree.text_table", p["violations"])
            for x in p["planted"]:
                self.assertNotEqual(x["before"], x["after"])

    def test_the_planted_figures_vary_from_report_to_report(self):
        kinds = [x["kind"] for p in self.truth["pairs"] for x in p["planted"]]
        self.assertGreaterEqual(len(set(kinds)), 6, kinds)
        dialects = {p["dialect"] for p in self.truth["pairs"]}
        self.assertEqual(dialects, {"final", "budget", "provincial", "district"})
        titles = {p["tables_title"][len(p["unit_name"]):] if p["tables_title"].startswith(p["unit_name"])
                  else p["tables_title"] for p in self.truth["pairs"]}
        self.assertGreaterEqual(len(titles), 4, titles)

    def test_the_split_puts_every_table_in_the_tables_file_only(self):
        for i, spec in enumerate(build_pairs.SPECS):
            report = build_pairs.build_spec(self.truth["seed"], i, spec)
            narrative, tables, title = build_pairs.split(report, spec)
            self.assertFalse(any(isinstance(b, Table) for b in narrative.blocks), spec["name"])
            self.assertEqual(sum(isinstance(b, Table) for b in tables.blocks),
                             sum(isinstance(b, Table) for b in report.doc.blocks))
            self.assertIn(report.meta["unit_name"], title)

    def test_the_planted_figures_are_what_the_generator_plants(self):
        # Determinism without LibreOffice: the same draws give the same
        # planted figures as the committed truth.
        import random
        for i, spec in enumerate(build_pairs.SPECS):
            seed = self.truth["seed"]
            report = build_pairs.build_spec(seed, i, spec)
            rng = random.Random("%s:pair%d:plant" % (seed, i))
            kinds = [build_pairs.PLANT_KINDS[(i * 2 + k) % len(build_pairs.PLANT_KINDS)]
                     for k in range(build_pairs.PLANTS_PER_PAIR)]
            planted = build_pairs.plant(report, rng, kinds)
            truth.walk(report.doc)
            committed = next(p for p in self.truth["pairs"]
                             if p["variant"] == "planted" and p["report"] == report.name)
            self.assertEqual(planted, committed["planted"])
            self.assertEqual(sorted({r for r, _ in checks.failing(report.doc)}), committed["violations"])


if __name__ == "__main__":
    unittest.main()
