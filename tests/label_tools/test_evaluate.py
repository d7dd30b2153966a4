"""Matching findings to labels, the counts, and known gaps (scripts/labels/evaluate.py)."""

import unittest

import helpers
from helpers import check_json, evidence, extract_json, result
from labels import evaluate, labelfile

LABELS = """\
report made_up_report
file   real/made_up_report.pdf
kind final_accounts year 2024 scope 部门
defect id=D1 class=material family=share pages=21 figures=71.73%,2106.66万元,2940.05万元
defect id=D2 class=minor family=agree pages=7 figures=87.70万元,877,080.00元
defect id=D3 class=material family=structure pages=2
defect id=D4 class=material family=year pages=18 figures=2023 subject=第三部分
pass id=P1 family=sum pages=7 figures=3,121.42万元,31,214,205.80元
pass id=P2 family=share pages=21 figures=79.49%,2336.91万元,2940.05万元
notclaim id=N1 pages=9 figures=10% reason=policy_rate
"""


def labels():
    return labelfile.parse(LABELS, "made_up.labels")


def share_error():
    return result("share.recompute", "fail", "error", "71.73%",
                  [evidence("71.73%", 21), evidence("2106.66万元", 21), evidence("2940.05万元", 21)])


class MatchTest(unittest.TestCase):
    def test_a_finding_matches_the_record_with_its_page_and_first_figure(self):
        res = evaluate.evaluate(labels(), [check_json([share_error()])], [])
        self.assertEqual(list(res.found), ["D1"])
        self.assertEqual(res.false_material, [])

    def test_the_same_figure_on_another_page_does_not_match(self):
        r = result("share.recompute", "fail", "error", "71.73%", [evidence("71.73%", 5)])
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(res.found, {})
        self.assertEqual(len(res.false_material), 1)

    def test_yuan_cells_match_wan_yuan_labels_and_thousands_separators_are_ignored(self):
        r = result("agree.text_table", "rounding", "warning", "87.708000万元",
                   [evidence("877080.00元", 10), evidence("87.70万元", 7)])
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(list(res.found), ["D2"])

    def test_a_finding_sharing_only_an_operand_is_not_the_labelled_claim(self):
        # D2's first figure 87.70 is one operand of a sum printed as 100.00: another claim.
        r = result("sum.func.hierarchy", "rounding", "warning", "100.00万元",
                   [evidence("100.00万元", 7), evidence("87.70万元", 7), evidence("12.31万元", 7)])
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(res.found, {})
        self.assertEqual(len(res.unlabelled_minor), 1)

    def test_a_group_sum_naming_a_labelled_share_matches_it_weakly(self):
        # share.sum_100 prints the computed sum, not a printed figure; D1 is a share record.
        r = result("share.sum_100", "fail", "error", "100.07%",
                   [evidence("100.07%", 21), evidence("71.73%", 21), evidence("11.11%", 21)])
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(list(res.found), ["D1"])

    def test_repeated_figures_of_a_record_count_once(self):
        lf = labelfile.parse("report r\nfile real/made_up_report.pdf\n"
                             "pass id=P1 family=share pages=1 figures=0%,0%,0%\n")
        r = result("sum.total", "fail", "error", "99.99%", [evidence("99.99%", 1), evidence("0%", 1)])
        res = evaluate.evaluate(lf, [check_json([r])], [])
        self.assertEqual(res.contradicted, {})
        self.assertEqual(len(res.false_material), 1)

    def test_a_subject_matches_a_finding_without_figures(self):
        r = result("presentation.year_mismatch", "fail", "error", None, [evidence("", 18)],
                   message="标题“第三部分某局2023年度说明”写的是2023年")
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(list(res.found), ["D4"])

    def test_a_document_level_finding_matches_a_figureless_record_of_its_family(self):
        r = result("structure.tables_missing", "fail", "warning", None, [], message="未找到应公开的表格")
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(list(res.found), ["D3"])
        self.assertEqual([(d.id, f.cls) for d, f in res.class_mismatch], [("D3", "minor")])

    def test_a_warning_on_a_pass_record_contradicts_it_but_is_not_a_false_alarm(self):
        r = result("agree.text_table", "rounding", "warning", "3121.420580万元",
                   [evidence("31214205.80元", 9), evidence("3121.42万元", 7)])
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(list(res.contradicted), ["P1"])
        self.assertEqual(res.false_material, [])

    def test_an_error_on_a_pass_record_is_a_false_material_finding(self):
        r = result("share.recompute", "fail", "error", "79.49%", [evidence("79.49%", 21), evidence("2336.91万元", 21)])
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(len(res.false_material), 1)
        self.assertEqual(res.false_material[0].match.kind, "pass")

    def test_passing_results_are_not_findings(self):
        r = result("share.recompute", "pass", "info", "79.49%", [evidence("79.49%", 21)])
        res = evaluate.evaluate(labels(), [check_json([r])], [])
        self.assertEqual(res.findings, [])


class CountTest(unittest.TestCase):
    def test_material_and_minor_recall_are_counted_separately(self):
        res = evaluate.evaluate(labels(), [check_json([share_error()])], [])
        self.assertEqual(len(res.material_labelled()), 3)
        self.assertEqual([d.id for d in res.material_found()], ["D1"])
        self.assertEqual([d.id for d in res.material_missed()], ["D3", "D4"])
        self.assertEqual(len(res.minor_found()), 0)

    def test_the_same_claim_reported_twice_is_one_repeat(self):
        res = evaluate.evaluate(labels(), [check_json([share_error(), share_error()])], [])
        self.assertEqual(res.repeats(), 1)

    def test_rates_accounted_count_each_printed_percent_once_per_record(self):
        mentions = extract_json([("71.73%", 21), ("79.49%", 21), ("10%", 9), ("10%", 9), ("5%", 3)])
        res = evaluate.evaluate(labels(), [check_json([])], [mentions])
        self.assertEqual(res.rates_total, 5)
        # 71.73 (D1), 79.49 (P2), one of the two 10% (N1): 3 of 5.
        self.assertEqual(res.rates_accounted, 3)
        self.assertEqual(sorted(res.unaccounted_rates), [((1, 3, "5%"), 1), ((1, 9, "10%"), 1)])

    def test_percents_without_a_page_are_counted_against_the_whole_file(self):
        mentions = {"document": {"mentions": [
            {"kind": "percent", "text": "71.73%", "where": {"source": helpers.SOURCE}},
            {"kind": "percent", "text": "71.73%", "where": {"source": helpers.SOURCE}}]}}
        res = evaluate.evaluate(labels(), [check_json([])], [mentions])
        self.assertEqual((res.rates_accounted, res.rates_total), (1, 2))

    def test_a_template_must_be_recognised(self):
        lf = labelfile.parse("report t\nfile real/t.pdf\ntemplate yes\n")
        self.assertIsNotNone(evaluate.evaluate(lf, [check_json([])], []).template_problem)
        self.assertIsNone(evaluate.evaluate(lf, [check_json([], is_template=True)], []).template_problem)

    def test_files_of_a_pair_are_told_apart_by_source(self):
        lf = labelfile.parse("report p\nfile real/p_text.pdf\nfile real/p_tables.pdf\n"
                             "defect id=D1 class=minor pages=2:4 figures=5万元\n")
        other = evidence("5万元", 4, source="x/p_text.pdf")
        tables = evidence("5万元", 4, source="x/p_tables.pdf")
        r1 = result("agree.text_table", "fail", "warning", "5万元", [other])
        r2 = result("agree.text_table", "fail", "warning", "5万元", [tables])
        self.assertEqual(evaluate.evaluate(lf, [check_json([r1])], []).found, {})
        self.assertEqual(list(evaluate.evaluate(lf, [check_json([r2])], []).found), ["D1"])


class GapTest(unittest.TestCase):
    GAPS = """\
# comment
gap report=made_up_report label=D3 kind=miss why="tables not compared"
gap report=made_up_report rule=share.recompute page=5 figure=71.73% kind=false why="page five misread"
"""

    def judge(self, findings_results, gaps_text):
        res = evaluate.evaluate(labels(), [check_json(findings_results)], [])
        return evaluate.judge([res], evaluate.parse_gaps(gaps_text))

    def test_known_gaps_turn_failures_into_loud_known_lines(self):
        wrong_page = result("share.recompute", "fail", "error", "71.73%", [evidence("71.73%", 5)])
        v = self.judge([share_error(), wrong_page,
                        result("presentation.year_mismatch", "fail", "error", None, [evidence("", 18)],
                               message="第三部分 2023年")], self.GAPS)
        self.assertTrue(v.ok, v.failures + v.stale)
        self.assertEqual(len(v.known), 2)
        self.assertTrue(all("why:" in k for k in v.known))

    def test_an_unlisted_miss_fails(self):
        v = self.judge([share_error()], self.GAPS)
        self.assertFalse(v.ok)
        self.assertTrue(any("D4" in f for f in v.failures), v.failures)

    def test_a_gap_that_no_longer_happens_is_stale_and_fails(self):
        v = self.judge([share_error(), result("presentation.year_mismatch", "fail", "error", None,
                                              [evidence("", 18)], message="第三部分")], self.GAPS)
        self.assertFalse(v.ok)
        self.assertEqual(len(v.stale), 1)  # the false-alarm gap on page 5 did not happen

    def test_a_gap_needs_a_reason(self):
        with self.assertRaises(ValueError):
            evaluate.parse_gaps("gap report=r label=D1 kind=miss\n")


if __name__ == "__main__":
    unittest.main()
