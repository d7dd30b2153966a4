"""Tests for the claim scoring of scripts/eval (docs/ground_truth.md,
"Scoring claims"): a checker output in the documented shape that states
every claim of the truth scores 100%; a reason amount bound as last year's
figure, a wrong subject code or a flipped direction each cost their slot.

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/gen
"""

import collections
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEN = os.path.join(ROOT, "scripts", "gen_reports")


def load_eval():
    loader = importlib.machinery.SourceFileLoader("budgetdoc_eval", os.path.join(ROOT, "scripts", "eval"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


OPPOSITE = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "增幅": "降幅", "降幅": "增幅"}


def as_checker_claims(truth):
    """The truth's claims written as a checker would print them."""
    facts = {f["id"]: f for f in truth["facts"]}
    out = []
    for claim in truth["claims"]:
        roles = []
        for role, ref in claim["roles"].items():
            value = facts[ref["fact"]]["value"] if "fact" in ref else ref["value"]
            roles.append({"role": role, "value": value})
        for key, role in (("components", "component"), ("reason", "reason")):
            for ref in claim.get(key, []):
                roles.append({"role": role, "value": facts[ref["fact"]]["value"], "label": ref.get("label")})
        subject = claim["subject"]
        mine = {"id": claim["id"], "family": claim["family"], "roles": roles,
                "subject": {"metric": subject.get("metric_id"),
                            "code": subject.get("func_code") or subject.get("econ_code")},
                "status": "not_checkable" if claim.get("checkable") is False else "checked"}
        if "direction" in claim:
            mine["direction"] = claim["direction"]["word"]
        if "comparison" in claim:
            c = claim["comparison"]
            mine["comparison"] = {"year": c["year"] if c.get("year") is not None else c["implied_year"]}
        out.append(mine)
    return out


class EvalClaimsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.eval = load_eval()
        cls.tmp = tempfile.TemporaryDirectory(prefix="budgetdoc-eval-claims-")
        subprocess.run([GEN, "--seed", "41", "--count", "1", "--dialect", "district", "--formats", "txt",
                        "--out", cls.tmp.name], check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=300)
        name = [n for n in os.listdir(cls.tmp.name) if n.endswith(".truth.json")][0]
        with open(os.path.join(cls.tmp.name, name), encoding="utf-8") as fh:
            cls.truth = json.load(fh)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def score(self, claims):
        per_family = collections.defaultdict(collections.Counter)
        self.eval.score_claims(self.truth, {"claims": claims}, per_family)
        total = sum(per_family.values(), collections.Counter())
        return total["right"], total["slots"], total["matched"], total["claims"]

    def test_a_checker_stating_every_claim_scores_every_slot(self):
        right, slots, matched, claims = self.score(as_checker_claims(self.truth))
        self.assertGreater(slots, 100)
        self.assertEqual(right, slots)
        self.assertEqual(matched, claims)

    def test_no_claims_score_no_slot(self):
        right, slots, matched, _ = self.score([])
        self.assertEqual((right, matched), (0, 0))
        self.assertGreater(slots, 0)

    def test_a_reason_amount_bound_as_last_years_figure_costs_its_slots(self):
        mine = as_checker_claims(self.truth)
        changed = 0
        for claim in mine:
            reasons = [r for r in claim["roles"] if r["role"] == "reason"]
            if reasons and any(r["role"] == "prior" for r in claim["roles"]):
                claim["roles"] = [r for r in claim["roles"] if r["role"] not in ("prior", "reason")]
                claim["roles"].append({"role": "prior", "value": reasons[0]["value"]})
                changed += 1
        self.assertGreater(changed, 0)
        right, slots, _, _ = self.score(mine)
        self.assertEqual(slots - right, 2 * changed)  # the prior slot and the reason slot

    def test_a_wrong_direction_or_subject_code_costs_one_slot_each(self):
        mine = as_checker_claims(self.truth)
        flipped = [c for c in mine if c.get("direction") in OPPOSITE][:3]
        coded = [c for c in mine if c["subject"].get("code") and c not in flipped][:2]
        for claim in flipped:
            claim["direction"] = OPPOSITE[claim["direction"]]
        for claim in coded:
            claim["subject"]["code"] = "2019999"
        right, slots, _, _ = self.score(mine)
        self.assertEqual(slots - right, len(flipped) + len(coded))


if __name__ == "__main__":
    unittest.main()
