"""The label_eval command line (scripts/labels/runner.py) without budgetdoc."""

import contextlib
import io
import os
import tempfile
import unittest

import helpers  # noqa: F401
from labels import labelfile, runner


def run(argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = runner.main(argv)
    return rc, out.getvalue()


class CountsTest(unittest.TestCase):
    def test_counts_table_has_a_row_per_report_and_totals(self):
        lf = labelfile.parse("report r\nfile real/r.pdf\nkind budget\nyear 2025\nscope 单位\n"
                             "defect id=D1 class=material pages=1 figures=5%\n"
                             "defect id=D2 class=minor pages=1 subject=XX\n"
                             "pass id=P1 pages=2 figures=3%,4万元\n"
                             "notclaim id=N1 pages=3 figures=10%,10% reason=target\n")
        table = runner.counts_table([lf, lf]).splitlines()
        self.assertEqual(table[2], "| r | 2025 单位 budget | 1 | 1 | 1 | 1 | 4 |")
        self.assertEqual(table[-1], "| **2 reports** | | **2** | **2** | **2** | **2** | **8** |")

    def test_a_bad_label_file_is_exit_status_2_with_its_name(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "bad.labels"), "w", encoding="utf-8") as fh:
                fh.write("report r\nfile real/r.pdf\npass id=P1 figures=1万元\n")
            rc, out = run(["--labels", d, "--counts"])
        self.assertEqual(rc, 2)
        self.assertIn("bad.labels:3", out)


class SkipTest(unittest.TestCase):
    def test_an_absent_corpus_skips_with_77_and_a_message(self):
        rc, out = run(["--corpus", "/nonexistent/corpus", "--budgetdoc", "/bin/true"])
        self.assertEqual(rc, runner.SKIP)
        self.assertIn("skipped", out)

    def test_an_absent_binary_skips_with_77(self):
        with tempfile.TemporaryDirectory() as d:
            rc, out = run(["--corpus", d, "--budgetdoc", os.path.join(d, "no-budgetdoc")])
        self.assertEqual(rc, runner.SKIP)
        self.assertIn("no budgetdoc binary", out)


if __name__ == "__main__":
    unittest.main()
