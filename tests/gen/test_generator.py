"""Tests for the ground-truth report generator (scripts/gen).

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/gen

The identity tests read only the truth JSON (not the generator's internal
check registry), so they also guard the truth format itself.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest
from decimal import ROUND_HALF_UP, Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPTS = os.path.join(ROOT, "scripts")
GEN = os.path.join(SCRIPTS, "gen_reports")
SAMPLES = os.path.join(ROOT, "samples", "generated")
sys.path.insert(0, SCRIPTS)

from gen import mutate  # noqa: E402


def run_gen(*args):
    result = subprocess.run([GEN] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    if result.returncode != 0:
        raise AssertionError("gen_reports %s failed:\n%s" % (" ".join(args), result.stderr.decode()))
    return result


def load_truths(directory):
    out = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.truth.json"))):
        with open(path, encoding="utf-8") as fh:
            out[os.path.basename(path)] = json.load(fh)
    return out


def d(fact):
    return Decimal(fact["value"])


def round_pct(part, whole):
    return (Decimal(100) * part / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Facts:
    """Lookup helpers over one truth file's facts."""

    def __init__(self, truth):
        self.truth = truth
        self.facts = truth["facts"]
        self.by_id = {f["id"]: f for f in self.facts}

    def narrative(self, metric, section_word, measure="amount"):
        return [f for f in self.facts if f["origin"] == "narrative" and f["metric_id"] == metric
                and f["measure"] == measure and section_word in f["location"]["section"]]

    def table(self, table_id, row=None, column=None, metric=None):
        out = []
        for f in self.facts:
            loc = f["location"]
            if loc.get("table_id") != table_id:
                continue
            if row is not None and loc["row"] != row:
                continue
            if column is not None and loc["column"] != column:
                continue
            if metric is not None and f["metric_id"] != metric:
                continue
            out.append(f)
        return out

    def one(self, facts, what):
        if len(facts) != 1:
            raise AssertionError("%s: expected one fact, found %d" % (what, len(facts)))
        return facts[0]


class GeneratorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="budgetdoc-gen-test-")
        base = cls.tmp.name
        cls.clean_dir = os.path.join(base, "clean")
        cls.clean_dir2 = os.path.join(base, "clean2")
        cls.mut_dir = os.path.join(base, "mut")
        run_gen("--seed", "11", "--count", "8", "--formats", "txt,docx", "--out", cls.clean_dir)
        # Report i depends only on (seed, i): a shorter second run must repeat
        # the first reports byte for byte (and costs less than a full one).
        run_gen("--seed", "11", "--count", "3", "--formats", "txt,docx", "--out", cls.clean_dir2)
        count = len(mutate.ALL) + 2
        run_gen("--seed", "12", "--count", str(count), "--mutate", "--formats", "txt", "--out", cls.mut_dir)
        cls.clean = load_truths(cls.clean_dir)
        cls.mutated = load_truths(cls.mut_dir)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    # ----- determinism --------------------------------------------------------
    def test_same_seed_gives_identical_truth_and_documents(self):
        names = sorted(os.listdir(self.clean_dir2))
        self.assertTrue(set(names) <= set(os.listdir(self.clean_dir)))
        self.assertEqual(len([n for n in names if n.endswith(".truth.json")]), 3)
        for name in names:
            # manifest.json/README.md record the command line (and so the --out path).
            if name.endswith((".truth.json", ".txt", ".docx")):
                with open(os.path.join(self.clean_dir, name), "rb") as a, \
                        open(os.path.join(self.clean_dir2, name), "rb") as b:
                    self.assertEqual(a.read(), b.read(), name)

    def test_different_seed_gives_different_reports(self):
        other = os.path.join(self.tmp.name, "other")
        run_gen("--seed", "13", "--count", "2", "--formats", "txt", "--out", other)
        first = load_truths(other)
        mine = [t["facts"] for t in list(self.clean.values())[:2]]
        self.assertNotEqual([t["facts"] for t in first.values()], mine)

    def test_truth_files_are_sorted_one_fact_per_line_utf8(self):
        for path in glob.glob(os.path.join(self.clean_dir, "*.truth.json")):
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            data = json.loads(text)
            self.assertNotIn("\\u", text)  # UTF-8, not \u escapes
            lines = text.splitlines()
            self.assertEqual(lines[0], "{")
            self.assertEqual(lines[-1], "}")
            # Each fact is a sorted, compact object on a line of its own.
            facts = [json.loads(line.strip().rstrip(","))
                     for line in lines if line.startswith('  {"') and '"value_raw"' in line]
            self.assertEqual(facts, data["facts"])
            for line in lines:
                if line.startswith('  {"') and '"value_raw"' in line:
                    obj = json.loads(line.strip().rstrip(","))
                    self.assertEqual(line.strip().rstrip(","),
                                     json.dumps(obj, ensure_ascii=False, sort_keys=True,
                                                separators=(",", ":")))

    # ----- clean reports satisfy the identities ---------------------------------
    def test_clean_reports_have_no_planted_errors(self):
        self.assertTrue(self.clean)
        for name, truth in self.clean.items():
            self.assertEqual(truth["planted"], [], name)
            self.assertEqual(truth["report"]["variant"], "clean", name)

    def test_income_total_equals_sum_of_sources(self):
        for name, truth in self.clean.items():
            f = Facts(truth)
            tid = "FA01" if truth["report"]["kind"] == "final" else "BU01"
            total = f.one(f.table(tid, row="本年收入合计"), name)
            sources = [x for x in f.table(tid) if x["metric_id"].startswith("income.")
                       and x["location"]["row"][:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、")]
            self.assertTrue(sources, name)
            self.assertEqual(sum(map(d, sources)), d(total), name)
            narr_total = f.one([x for x in f.facts if x["origin"] == "narrative" and x["metric_id"] == "income.total"
                                and x["measure"] == "amount"], name)
            parts = [x for x in f.facts if x["origin"] == "narrative" and x["measure"] == "amount"
                     and x["location"] == narr_total["location"] and x["id"] != narr_total["id"]
                     and x["metric_id"].startswith("income.") and x["metric_id"] != "income.begin_carryover"]
            self.assertEqual(sum(map(d, parts)), d(narr_total), name)

    def test_basic_plus_project_equals_total_expenditure(self):
        for name, truth in self.clean.items():
            f = Facts(truth)
            total = f.one([x for x in f.facts if x["origin"] == "narrative" and x["metric_id"] == "expenditure.total"
                           and x["measure"] == "amount"], name)
            same = [x for x in f.facts if x["origin"] == "narrative" and x["location"] == total["location"]
                    and x["measure"] == "amount"]
            basic = f.one([x for x in same if x["metric_id"] == "expenditure.basic"], name)
            project = f.one([x for x in same if x["metric_id"] == "expenditure.project"], name)
            others = [x for x in same if x["metric_id"] in ("expenditure.remit_superior", "expenditure.operating",
                                                            "expenditure.affiliate_subsidy")]
            self.assertEqual(d(basic) + d(project) + sum(map(d, others)), d(total), name)
            # Row identity in the 支出决算表 / 部门支出总表: 合计 = 基本 + 项目 (+ others).
            tid = "FA03" if truth["report"]["kind"] == "final" else "BU03"
            rows = {}
            for x in f.table(tid):
                rows.setdefault((x["location"]["row"], x["location"].get("row_index"), x["dims"].get("func_code")),
                                []).append(x)
            for key, cells in rows.items():
                total_cell = [c for c in cells if c["metric_id"] in ("expenditure.total", "expenditure.by_func")]
                parts = [c for c in cells if c not in total_cell]
                self.assertEqual(len(total_cell), 1, (name, key))
                self.assertEqual(sum(map(d, parts)), d(total_cell[0]), (name, key))

    def test_three_public_total_equals_sum_of_parts(self):
        for name, truth in self.clean.items():
            f = Facts(truth)
            tid = "FA13" if truth["report"]["kind"] == "final" else "BU09"
            panels = {}
            for x in f.table(tid):
                panels.setdefault(x["location"]["column"].split("/")[0], {})[x["metric_id"]] = d(x)
            self.assertEqual(len(panels), 2, name)
            for panel, v in panels.items():
                get = lambda m: v.get(m, Decimal(0))  # noqa: E731  (blank cells print nothing)
                self.assertEqual(get("three_public.outbound") + get("three_public.vehicle")
                                 + get("three_public.reception"), get("three_public.total"), (name, panel))
                self.assertEqual(get("three_public.vehicle.purchase") + get("three_public.vehicle.operation"),
                                 get("three_public.vehicle"), (name, panel))
            narr = [x for x in f.facts if x["origin"] == "narrative" and x["metric_id"] == "three_public.total"
                    and x["measure"] == "amount" and x["dims"]["period"] == "current"]
            self.assertTrue(narr, name)
            self.assertEqual(d(narr[0]), panels["决算数" if tid == "FA13" else "本年预算数"]["three_public.total"],
                             name)

    def test_shares_equal_round_half_up_of_printed_amounts(self):
        checked = 0
        for name, truth in self.clean.items():
            f = Facts(truth)
            for x in f.facts:
                if x["measure"] != "share":
                    continue
                num = f.by_id[x["refs"]["numerator"]]
                den = f.by_id[x["refs"]["denominator"]]
                self.assertEqual(Decimal(x["value_raw"]), Decimal(x["value"]), name)
                self.assertEqual(round_pct(d(num), d(den)), d(x), (name, x["id"]))
                checked += 1
        self.assertGreater(checked, 50)

    def test_completion_and_yoy_rates_recompute(self):
        for name, truth in self.clean.items():
            f = Facts(truth)
            for x in f.facts:
                if x["measure"] == "completion_rate":
                    actual, budget = f.by_id[x["refs"]["actual"]], f.by_id[x["refs"]["budget"]]
                    self.assertEqual(round_pct(d(actual), d(budget)), d(x), (name, x["id"]))
                elif x["measure"] == "yoy_rate":
                    cur, chg = f.by_id[x["refs"]["current"]], f.by_id[x["refs"]["change"]]
                    prior = d(cur) - d(chg)
                    self.assertEqual(round_pct(abs(d(chg)), prior), abs(d(x)), (name, x["id"]))
                    if "prior" in x["refs"]:
                        self.assertEqual(d(f.by_id[x["refs"]["prior"]]), prior, (name, x["id"]))

    def test_table_amounts_convert_exactly_to_wan(self):
        for name, truth in self.clean.items():
            for x in truth["facts"]:
                if x["origin"] == "table" and x["unit_raw"] == "元":
                    raw = Decimal(x["value_raw"].replace(",", ""))
                    self.assertEqual(raw / 10000, d(x), (name, x["id"]))

    # ----- mutations ------------------------------------------------------------
    def test_every_mutation_is_produced(self):
        planted = set()
        neutral = set()
        for name, truth in self.mutated.items():
            self.assertLessEqual(len(truth["planted"]), 1, name)
            for p in truth["planted"]:
                planted.add(p["mutation"])
                self.assertEqual(p["mutation"], truth["report"]["mutation"], name)
                self.assertEqual(p["rule_id"], mutate.BY_ID[p["mutation"]].rule_id, name)
                self.assertIn(p["rule_id"], [v["rule_id"] for v in p["violations"]], name)
                self.assertEqual(p["family"], p["mutation"].split(".")[0], name)
                self.assertTrue(p["claims"] or p["mutation"] not in mutate.CLAIMS, name)
            for n in truth["neutral"]:
                neutral.add(n["kind"])
                self.assertEqual(truth["planted"], [], name)
        self.assertEqual(set(mutate.RULES) | set(mutate.CLAIMS), planted)
        self.assertEqual(set(mutate.NEUTRAL), neutral)

    def test_neutral_variants_keep_values(self):
        for name, truth in self.mutated.items():
            if truth["report"]["variant"] != "neutral":
                continue
            for x in truth["facts"]:
                if x["measure"] == "share":
                    f = Facts(truth)
                    num, den = f.by_id[x["refs"]["numerator"]], f.by_id[x["refs"]["denominator"]]
                    self.assertEqual(round_pct(d(num), d(den)), d(x), name)

    # ----- the committed sample set --------------------------------------------------
    def test_committed_samples_are_listed_in_manifest(self):
        manifest_path = os.path.join(SAMPLES, "manifest.json")
        if not os.path.exists(manifest_path):
            self.skipTest("samples/generated not present")
        with open(manifest_path, encoding="utf-8") as fh:
            manifest = json.load(fh)
        listed = set()
        for report in manifest["reports"]:
            for path in list(report["files"].values()) + [report["truth"]]:
                self.assertTrue(os.path.exists(os.path.join(SAMPLES, path)), path)
                listed.add(path)
        on_disk = {p for p in os.listdir(SAMPLES) if p not in ("manifest.json", "README.md")}
        self.assertEqual(on_disk, listed)
        mutations = {r["mutation"] for r in manifest["reports"] if r["mutation"]}
        self.assertEqual(mutations, set(mutate.RULES) | set(mutate.NEUTRAL) | set(mutate.CLAIMS))
        # Every claim mutation in each new dialect; every dialect clean in every format.
        for dialect in ("provincial", "district"):
            planted = {r["mutation"] for r in manifest["reports"] if r["dialect"] == dialect and r["mutation"]}
            self.assertEqual(planted, set(mutate.CLAIMS), dialect)
        for dialect in ("final", "budget", "provincial", "district"):
            formats = [set(r["files"]) for r in manifest["reports"] if r["dialect"] == dialect and not r["mutation"]]
            self.assertIn({"txt", "docx", "html", "pdf"}, formats, dialect)


if __name__ == "__main__":
    unittest.main()
