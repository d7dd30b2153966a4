"""The label-file reader (scripts/labels/labelfile.py)."""

import unittest

import helpers  # noqa: F401
from labels import labelfile

GOOD = """\
# a made-up report
report  made_up_report
file    real/made_up_report.pdf
kind final_accounts year 2024 scope 部门
labelled_by tester 2026-01-01 method="reading"

defect id=D1 class=material family=share pages=3 figures=12.50%,25万元,200万元 expect=12.5%
       note="share printed 12.50 # not a comment inside quotes"
pass id=P1 family=sum pages=2,2:4 figures=1,250.00万元,1000万元,250万元
notclaim id=N1 pages=3 figures=10% reason=policy_rate note="a cut for every department"
"""


class ParseTest(unittest.TestCase):
    def test_header_pairs_and_records_are_read(self):
        lf = labelfile.parse(GOOD)
        self.assertEqual((lf.report, lf.kind, lf.year, lf.scope), ("made_up_report", "final_accounts", "2024", "部门"))
        self.assertEqual(lf.files, ["real/made_up_report.pdf"])
        self.assertEqual([r.id for r in lf.records], ["D1", "P1", "N1"])

    def test_a_continuation_line_belongs_to_the_record_above_and_quotes_protect_hashes(self):
        d1 = labelfile.parse(GOOD).records[0]
        self.assertEqual(d1.note, "share printed 12.50 # not a comment inside quotes")

    def test_figures_are_split_and_normalised(self):
        p1 = labelfile.parse(GOOD).records[1]
        self.assertEqual(p1.figures, ["1,250.00万元", "1000万元", "250万元"])
        self.assertEqual(p1.canonical, ["1250万元", "1000万元", "250万元"])

    def test_a_page_may_name_the_second_file_of_a_pair(self):
        p1 = labelfile.parse(GOOD).records[1]
        self.assertEqual(sorted(p1.page_keys()), [(1, 2), (2, 4)])

    def test_percent_figures_of_a_record_are_its_rates(self):
        self.assertEqual(labelfile.parse(GOOD).records[0].percent_figures(), ["12.5%"])

    def test_template_header(self):
        lf = labelfile.parse("report r\nfile real/r.pdf\ntemplate yes\n")
        self.assertTrue(lf.template)


class ErrorTest(unittest.TestCase):
    def assertRejected(self, body, needle):
        with self.assertRaises(labelfile.LabelError) as cm:
            labelfile.parse("report r\nfile real/r.pdf\n" + body, "x.labels")
        self.assertIn(needle, str(cm.exception))
        self.assertIn("x.labels:", str(cm.exception))

    def test_a_defect_needs_a_class(self):
        self.assertRejected("defect id=D1 pages=1 figures=1万元\n", "class=material|minor")

    def test_a_notclaim_needs_a_known_reason(self):
        self.assertRejected("notclaim id=N1 pages=1 figures=1% reason=guess\n", "reason=")

    def test_ids_are_unique(self):
        self.assertRejected("pass id=P1 pages=1 figures=1万元\npass id=P1 pages=2 figures=2万元\n", "duplicate id")

    def test_every_record_has_pages(self):
        self.assertRejected("pass id=P1 figures=1万元\n", "no pages")

    def test_an_unknown_record_is_named(self):
        self.assertRejected("verdict id=V1\n", "unknown record")

    def test_a_file_without_report_line_is_rejected(self):
        with self.assertRaises(labelfile.LabelError):
            labelfile.parse("file real/r.pdf\n")


if __name__ == "__main__":
    unittest.main()
