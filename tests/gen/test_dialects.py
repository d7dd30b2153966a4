"""Tests for the generator's dialects, claims and “三公” table layouts
(scripts/gen/build_dialect.py, claims.py, build_final.tp_table).

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/gen

Like test_generator.py, these read the written truth files and .txt
renderings, so they guard the truth format (docs/ground_truth.md) as well.
"""

import collections
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
sys.path.insert(0, SCRIPTS)

from gen import generate, mutate, truth as truth_mod  # noqa: E402

SIGNS = {"增加": 1, "增长": 1, "增幅": 1, "减少": -1, "下降": -1, "降幅": -1, "持平": 0}

# Template families each dialect must produce (the sentence shapes of
# docs/ground_truth.md, Dialects).
FAMILIES = {
    "provincial": {"provincial.total_yoy", "provincial.source_yoy", "provincial.share", "provincial.part_yoy",
                   "provincial.item_yoy", "provincial.item_flat", "provincial.item_new", "provincial.policy_rate",
                   "provincial.tp_share", "provincial.tp_vehicle", "provincial.admin_yoy"},
    "district": {"district.total_exec", "district.fiscal_source", "district.item_exec", "district.item_flat",
                 "district.item_zero_base", "district.tp_change", "district.tp_vehicle", "district.admin_yoy"},
}


def run_gen(*args):
    result = subprocess.run([GEN] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    if result.returncode != 0:
        raise AssertionError("gen_reports %s failed:\n%s" % (" ".join(args), result.stderr.decode()))


def load(directory):
    """[(name, truth, txt)] for every report of a generated folder."""
    out = []
    for path in sorted(glob.glob(os.path.join(directory, "*.truth.json"))):
        with open(path, encoding="utf-8") as fh:
            truth = json.load(fh)
        txt_path = path[: -len(".truth.json")] + ".txt"
        text = open(txt_path, encoding="utf-8").read() if os.path.exists(txt_path) else None
        out.append((os.path.basename(path), truth, text))
    return out


def rounded(value, decimals):
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def printed(fact):
    """The text a narrative fact prints in the .txt (number, unit)."""
    return fact["value_raw"] + fact["unit_raw"]


class DialectTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="budgetdoc-dialect-test-")
        base = cls.tmp.name
        cls.sets = {}
        for dialect in ("provincial", "district"):
            out = os.path.join(base, dialect)
            run_gen("--seed", "21", "--count", "6", "--dialect", dialect, "--formats", "txt", "--out", out)
            cls.sets[dialect] = load(out)
            # DOCX and HTML of one compact report (python-docx is slow on
            # dozens of items; the committed set has the full-size ones).
            run_gen("--seed", "24", "--count", "1", "--dialect", dialect, "--compact", "--formats",
                    "txt,docx,html", "--out", out + "-formats")
        mut = os.path.join(base, "mut")
        run_gen("--seed", "22", "--count", str(4 * len(mutate.CLAIMS)), "--mutate", "--rules",
                ",".join(mutate.CLAIMS * 4), "--dialect", "all", "--formats", "txt", "--out", mut)
        cls.mutated = load(mut)
        legacy = os.path.join(base, "legacy")
        run_gen("--seed", "23", "--count", "4", "--formats", "txt", "--out", legacy)
        cls.legacy = load(legacy)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def all_reports(self):
        for reports in self.sets.values():
            yield from reports
        yield from self.mutated
        yield from self.legacy

    # ----- every template renders -------------------------------------------------
    def test_each_dialect_renders_every_template_family(self):
        for dialect, reports in self.sets.items():
            families = {c["family"] for _, t, _ in reports for c in t["claims"]}
            self.assertLessEqual(FAMILIES[dialect], families, dialect)
            for name, truth, text in reports:
                self.assertEqual(truth["report"]["dialect"], dialect, name)
                self.assertEqual(truth["planted"], [], name)
            for name, truth, text in load(os.path.join(self.tmp.name, dialect + "-formats")):
                for fmt in ("docx", "html"):
                    path = os.path.join(self.tmp.name, dialect + "-formats", truth["files"][fmt])
                    self.assertGreater(os.path.getsize(path), 10000, (name, fmt))

    def test_district_reports_list_dozens_of_items_in_exec_sentences(self):
        for name, truth, text in self.sets["district"]:
            items = [c for c in truth["claims"] if c["family"].startswith("district.item_")]
            self.assertGreaterEqual(len(items), 12, name)
            self.assertIn("年当年预算执行数为", text, name)

    def test_dialect_percentages_use_zero_one_and_two_decimals_in_one_report(self):
        for dialect, reports in self.sets.items():
            seen = set()
            for name, truth, _ in reports:
                decimals = {f["decimals"] for f in truth["facts"] if f["unit_raw"] == "%" and "decimals" in f}
                seen.add(len(decimals))
            self.assertIn(3, seen, dialect)
        for name, truth, _ in self.legacy:
            self.assertFalse([f for f in truth["facts"] if "decimals" in f], name)

    def test_dialect_rates_and_shares_are_rounded_half_up_at_their_own_precision(self):
        checked = 0
        for dialect, reports in self.sets.items():
            for name, truth, _ in reports:
                facts = {f["id"]: f for f in truth["facts"]}
                for claim in truth["claims"]:
                    roles = claim["roles"]
                    if "share" in roles:
                        share = facts[roles["share"]["fact"]]
                        num = Decimal(facts[roles["value"]["fact"]]["value"])
                        total = roles["total"]
                        den = (sum(Decimal(facts[i]["value"]) for i in total["sum_of"]) if "sum_of" in total
                               else Decimal(facts[total["fact"]]["value"]))
                        want = rounded(100 * num / den, share["decimals"])
                        self.assertEqual(want, Decimal(share["value"]), (name, claim["id"]))
                        checked += 1
        self.assertGreater(checked, 30)

    # ----- claims ------------------------------------------------------------------
    def test_claim_offsets_point_at_their_text(self):
        for name, truth, text in self.all_reports():
            facts = {f["id"]: f for f in truth["facts"]}
            for claim in truth["claims"]:
                s, e = claim["span"]
                sentence = text[s:e]
                self.assertTrue(sentence, (name, claim["id"]))
                refs = list(claim["roles"].values()) + claim.get("components", []) + claim.get("reason", [])
                for ref in refs:
                    if "span" in ref:
                        a, b = ref["span"]
                        self.assertEqual(text[a:b], printed(facts[ref["fact"]]), (name, claim["id"], ref))
                subject = claim["subject"]
                if "span" in subject:
                    a, b = subject["span"]
                    self.assertEqual(text[a:b], subject["text"], (name, claim["id"]))
                    self.assertTrue(s <= a < e, (name, claim["id"]))
                for key, field in (("direction", "word"), ("comparison", "text")):
                    if "span" in claim.get(key, {}):
                        a, b = claim[key]["span"]
                        self.assertEqual(text[a:b], claim[key][field], (name, claim["id"], key))
                        self.assertTrue(s <= a and b <= e, (name, claim["id"], key))

    def test_every_narrative_number_belongs_to_a_claim(self):
        for name, truth, _ in self.all_reports():
            claimed = set()
            for claim in truth["claims"]:
                for ref in list(claim["roles"].values()) + claim.get("components", []) + claim.get("reason", []):
                    claimed.add(ref.get("fact"))
            narrative = {f["id"] for f in truth["facts"] if f["origin"] == "narrative"}
            self.assertEqual(narrative - claimed, set(), name)

    def test_claim_roles_are_consistent_with_their_facts(self):
        measures = {"value": ("amount", "count"), "prior": ("amount",), "change": ("yoy_change",),
                    "rate": ("yoy_rate",), "share": ("share",), "total": ("amount",), "budget": ("amount",),
                    "completion": ("completion_rate",), "policy_rate": ("policy_rate",)}
        checked = 0
        for name, truth, _ in self.all_reports():
            facts = {f["id"]: f for f in truth["facts"]}
            clean = truth["report"]["variant"] == "clean"
            for claim in truth["claims"]:
                roles = {k: facts[v["fact"]] for k, v in claim["roles"].items() if "fact" in v}
                for role, fact in roles.items():
                    self.assertIn(fact["measure"], measures[role], (name, claim["id"], role))
                for ref in claim.get("components", []) + claim.get("reason", []):
                    self.assertIn(facts[ref["fact"]]["measure"], ("component", "amount"), (name, claim["id"]))
                if claim.get("checkable") is False:
                    self.assertIn("policy_rate", roles, (name, claim["id"]))
                if not clean:
                    continue
                value = roles.get("value")
                # Last year's figure: printed, or this year − the signed change.
                prior = None
                if "prior" in roles:
                    prior = Decimal(roles["prior"]["value"])
                elif "change" in roles and value is not None:
                    prior = Decimal(value["value"]) - Decimal(roles["change"]["value"])
                if prior is not None and value is not None:
                    delta = Decimal(value["value"]) - prior
                    sign = claim["direction"]["sign"]
                    self.assertEqual(sign, (delta > 0) - (delta < 0), (name, claim["id"]))
                    if "rate" in roles and prior > 0:
                        rate = roles["rate"]
                        decimals = rate.get("decimals", 2)
                        self.assertEqual(rounded(100 * abs(delta) / prior, decimals), abs(Decimal(rate["value"])),
                                         (name, claim["id"]))
                        checked += 1
                    if "rate" in roles and prior == 0:
                        self.assertEqual(Decimal(roles["rate"]["value"]), 100, (name, claim["id"]))
                        self.assertIn("zero base", claim.get("note", ""), (name, claim["id"]))
                if claim.get("direction", {}).get("word") == "持平" and "prior" in roles:
                    self.assertEqual(roles["prior"]["value"], roles["value"]["value"], (name, claim["id"]))
                if claim.get("reason_complete"):
                    total = sum(ref["effect"] * abs(Decimal(facts[ref["fact"]]["value"])) for ref in claim["reason"])
                    self.assertEqual(total, Decimal(roles["value"]["value"]) - prior, (name, claim["id"]))
        self.assertGreater(checked, 100)

    def test_reason_amounts_are_never_the_subjects_own_figures(self):
        for name, truth, _ in self.all_reports():
            facts = {f["id"]: f for f in truth["facts"]}
            for claim in truth["claims"]:
                role_ids = {v.get("fact") for v in claim["roles"].values()}
                for ref in claim.get("reason", []):
                    fact = facts[ref["fact"]]
                    self.assertNotIn(ref["fact"], role_ids, (name, claim["id"]))
                    self.assertEqual(fact["measure"], "component", (name, claim["id"]))
                    self.assertEqual(fact["dims"]["component_of"], "change", (name, claim["id"]))
                    self.assertTrue(ref["label"], (name, claim["id"]))

    # ----- claim mutations -----------------------------------------------------------
    def test_every_claim_mutation_is_planted_in_every_dialect(self):
        seen = collections.defaultdict(set)
        for name, truth, text in self.mutated:
            planted = truth["planted"]
            self.assertEqual(len(planted), 1, name)
            p = planted[0]
            seen[p["mutation"]].add(truth["report"]["dialect"])
            mutation = mutate.BY_ID[p["mutation"]]
            self.assertEqual(p["rule_id"], mutation.rule_id, name)
            self.assertEqual(p.get("hint"), mutation.hint, name)
            self.assertTrue(p["claims"], name)
            ids = {c["id"] for c in truth["claims"]}
            self.assertLessEqual(set(p["claims"]), ids, name)
            if p["mutation"] == "claim.comparison_year":
                year = truth["report"]["year"]
                after = p["text_edits"][0]["after"]
                self.assertIn(str(year), after, name)
                self.assertIn(after, text, name)
        for mid in mutate.CLAIMS:
            self.assertEqual(seen[mid], {"final", "budget", "provincial", "district"}, mid)

    def test_reason_figure_prints_a_reason_amount_as_the_subjects_figure(self):
        found = 0
        for name, truth, _ in self.mutated:
            p = truth["planted"][0]
            if p["mutation"] != "claim.reason_figure":
                continue
            facts = {f["id"]: f for f in truth["facts"]}
            edit = p["edits"][0]
            reasons = {facts[r["fact"]]["value_raw"] for c in truth["claims"] if c["id"] in p["claims"]
                       for r in c.get("reason", [])}
            self.assertIn(edit["after"], reasons, name)
            self.assertNotEqual(edit["before"], edit["after"], name)
            found += 1
        self.assertGreater(found, 0)


class TpLayoutTest(unittest.TestCase):
    """Every “三公” table layout keeps its identities and header shape."""

    LAYOUTS = [
        {"tp_layout": layout, "tp_vehicle": vehicle, "tp_order": order, "tp_total_column": total,
         "tp_total_where": "paragraph" if total else "sum"}
        for layout in ("panels", "rows")
        for vehicle, order, total in (("group_subtotal", "outbound_vehicle_reception", True),
                                      ("group", "vehicle_reception_outbound", True),
                                      ("flat", "outbound_reception_vehicle", False))
    ]

    def test_each_layout_prints_consistent_three_public_tables(self):
        for i, style in enumerate(self.LAYOUTS):
            for dialect in ("provincial", "district"):
                preset = {"dialect": dialect, "compact": True, "style": dict(style)}
                report = generate.build_report(31, "layout%d" % i, "budget", "t", preset=preset)
                table = report.doc.table("BU09")
                depth = 2 if style["tp_vehicle"] != "flat" else 1
                self.assertEqual(table.header_rows, depth + (1 if style["tp_layout"] == "panels" else 0),
                                 (dialect, style))
                facts = [f for row in table.rows for c in row if (f := c.fact) is not None]
                by_period = collections.defaultdict(dict)
                for fact in facts:
                    by_period[fact.dims["period"]][fact.metric_id] = fact.value() or Decimal(0)
                self.assertEqual(set(by_period), {"prior", "current"}, (dialect, style))
                for period, v in by_period.items():
                    parts = (v["three_public.outbound"] + v["three_public.reception"]
                             + v["three_public.vehicle.purchase"] + v["three_public.vehicle.operation"])
                    if "three_public.total" in v:
                        self.assertEqual(v["three_public.total"], parts, (dialect, style, period))
                    else:
                        self.assertFalse(style["tp_total_column"], (dialect, style))
                    if "three_public.vehicle" in v:
                        self.assertEqual(v["three_public.vehicle"], v["three_public.vehicle.purchase"]
                                         + v["three_public.vehicle.operation"], (dialect, style))
                    else:
                        self.assertNotEqual(style["tp_vehicle"], "group_subtotal", (dialect, style))
                truth_mod.walk(report.doc)
                self.assertFalse(generate.checks.failing(report.doc), (dialect, style))


if __name__ == "__main__":
    unittest.main()
