"""scripts/label_calc: identities at printed precision (scripts/labels/calc.py)."""

import contextlib
import io
import unittest

import helpers  # noqa: F401
from labels import calc, figures


def verdict(op, operands, printed, unit_hint=""):
    exact, low, high, _ = calc.compute(op, [figures.parse(x) for x in operands])
    return calc.verdict(exact, low, high, figures.parse(printed, unit_hint))


class VerdictTest(unittest.TestCase):
    def test_a_share_that_rounds_to_the_printed_value_agrees(self):
        self.assertEqual(verdict("share", ["2336.91", "2940.05"], "79.49%"), "agree")

    def test_a_share_eight_units_off_is_reported_off(self):
        self.assertEqual(verdict("share", ["2106.66", "2940.05"], "71.73%"), "OFF by 8 units of the last digit")

    def test_a_truncated_share_is_called_truncated(self):
        self.assertEqual(verdict("share", ["29.42", "307.82"], "9.55%"), "truncated")

    def test_a_sum_within_the_parts_half_units_agrees_at_printed_precision(self):
        # 95.36 + 10.23 = 105.59, printed 105.58: the two half-units allow it.
        self.assertEqual(verdict("sum", ["95.36", "10.23"], "105.58"), "agree~")

    def test_yuan_parts_and_a_yuan_total_agree_exactly(self):
        self.assertEqual(verdict("sum", ["1,932,777.54元", "200,000.00元"], "2,132,777.54元"), "agree")

    def test_a_yuan_cell_and_its_wan_yuan_text_agree(self):
        self.assertEqual(verdict("sum", ["91,016,775.35元"], "9,101.68"), "agree")

    def test_an_unsigned_rate_of_a_fall_names_the_fall(self):
        self.assertEqual(verdict("rate", ["2995.39", "3052.34"], "1.87%"), "agree (fall)")

    def test_a_rate_printed_with_one_decimal_is_judged_at_one_decimal(self):
        self.assertEqual(verdict("rate", ["102.7049", "100"], "2.7%"), "agree")


class CommandTest(unittest.TestCase):
    def run_main(self, argv, stdin=None):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            if stdin is not None:
                import sys
                old = sys.stdin
                sys.stdin = io.StringIO(stdin)
                try:
                    rc = calc.main(argv)
                finally:
                    sys.stdin = old
            else:
                rc = calc.main(argv)
        return rc, out.getvalue()

    def test_one_identity_prints_exact_value_interval_and_verdict(self):
        rc, out = self.run_main(["share", "2106.66", "2940.05", "=", "71.73%"])
        self.assertEqual(rc, 0)
        self.assertIn("71.65 (half up, 2 decimals)", out)
        self.assertIn("OFF by 8 units", out)

    def test_batch_mode_prints_one_line_per_check_with_its_note(self):
        rc, out = self.run_main(["-"], "sum 1 2 = 3 # three\nshare 1 3 = 33.3%\n")
        self.assertEqual(rc, 0)
        lines = out.splitlines()
        self.assertTrue(lines[0].startswith("agree") and lines[0].endswith("# three"), lines[0])
        self.assertTrue(lines[1].startswith("agree"), lines[1])

    def test_a_bad_figure_is_an_error_with_status_2(self):
        rc, out = self.run_main(["sum", "1", "x"])
        self.assertEqual(rc, 2)
        self.assertIn("not a printed figure", out)


if __name__ == "__main__":
    unittest.main()
