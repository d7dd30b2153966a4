"""Printed figures: parsing, normalisation and figure lists (scripts/labels/figures.py)."""

import decimal
import unittest

import helpers  # noqa: F401  (sets sys.path)
from labels import figures

D = decimal.Decimal


class CanonicalTest(unittest.TestCase):
    def test_thousands_separators_and_trailing_zeros_do_not_matter(self):
        for text in ("1,234.50万元", "1234.5万元", "1234.50万元", "１２３４．５万元"):
            self.assertEqual(figures.canonical(text), "1234.5万元", text)

    def test_yuan_is_divided_by_ten_thousand_exactly(self):
        self.assertEqual(figures.canonical("12,345,000元"), "1234.5万元")
        self.assertEqual(figures.canonical("371,514,655.00元"), "37151.4655万元")
        self.assertEqual(figures.canonical("91,016,775.35元"), figures.canonical("9101.677535万元"))

    def test_wan_without_yuan_and_yi_yuan_are_amounts_in_wan_yuan(self):
        self.assertEqual(figures.canonical("100万"), "100万元")
        self.assertEqual(figures.canonical("1.2亿元"), "12000万元")

    def test_percent_keeps_its_sign_and_zero_is_zero(self):
        self.assertEqual(figures.canonical("71.730%"), "71.73%")
        self.assertEqual(figures.canonical("0.00万元"), "0万元")
        self.assertEqual(figures.canonical("0%"), "0%")

    def test_a_year_with_or_without_the_character_is_the_same_figure(self):
        self.assertEqual(figures.canonical("2023年"), figures.canonical("2023"))

    def test_text_that_is_not_a_figure_is_rejected(self):
        for text in ("XX", "", "万元", "12.3.4", "abc%"):
            with self.assertRaises(ValueError, msg=text):
                figures.canonical(text)


class HalfUnitTest(unittest.TestCase):
    def test_half_unit_follows_the_last_printed_digit(self):
        self.assertEqual(figures.parse("2940.05万元").half, D("0.005"))
        self.assertEqual(figures.parse("17,192万元").half, D("0.5"))
        self.assertEqual(figures.parse("9.9%").half, D("0.05"))

    def test_yuan_half_unit_is_converted_with_the_value(self):
        f = figures.parse("164,978,640元")
        self.assertEqual(f.value, D("16497.864"))
        self.assertEqual(f.half, D("0.00005"))
        self.assertEqual(f.decimals, 4)


class SplitListTest(unittest.TestCase):
    def test_commas_between_figures_split_and_thousands_commas_do_not(self):
        self.assertEqual(figures.split_list("4,100,000.00元,6.2万元,71.73%"),
                         ["4,100,000.00元", "6.2万元", "71.73%"])

    def test_unitless_years_split_on_every_comma(self):
        self.assertEqual(figures.split_list("2023,2024"), ["2023", "2024"])

    def test_a_bad_list_is_rejected(self):
        with self.assertRaises(ValueError):
            figures.split_list("12万元,,x")


if __name__ == "__main__":
    unittest.main()
