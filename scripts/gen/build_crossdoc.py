#!/usr/bin/python3
"""Builds small generated sets for the cross-document checks (issue 15):

  - years: one body's 部门预算 of three consecutive years; each report prints
    last year's budget (上年预算数 by classification code, the “三公” table's
    last-year row) as the earlier report printed it;
  - units: a department whose only unit is its own (本级), and a department
    with three units (本级 + two), each unit publishing its 单位预算; the
    department's figures are its units' sums.

Each set comes clean and with planted cross-document errors (a figure of one
report changed consistently inside that report — the 项, its 款, 类 and the
total move together — so that only the comparison with the other report can
tell). truth.json lists the sets, their files and the planted errors as
(rule, documents, subject): the rule that must fail for those documents (the
later or the department first), and the figure that was changed
("metric|code|fund" as check/cross_document.h names it). A shifted figure
moves every total above it, so one planted error makes several results of
its rule fail for its documents; scripts/eval counts them as one.

  scripts/gen/build_crossdoc.py --out samples/crossdoc

Deterministic (no randomness beyond the fixed figures below); standard
library only. Reports are plain text in the shapes the main generator writes
(scripts/gen/render_text.py). Tests: tests/gen/test_crossdoc.py.
"""

import argparse
import json
import os
from decimal import ROUND_HALF_UP, Decimal

REGION = "上海市普陀区"
# code -> name, for the 类, 款 and 项 the reports use (names as the
# classification of 2022 prints them).
NAMES = {
    "201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务",
    "2010301": "行政运行", "2010303": "机关服务",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗", "2101101": "行政单位医疗",
    "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
}
ITEMS = ["2010301", "2010303", "2080505", "2101101", "2210201"]
PROJECT = {"2010303"}  # project money; the other 项 are basic
TP = ("outbound", "reception", "purchase", "operation")
D = Decimal


def q2(x):
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def pct(part, total):
    return q2(D(100) * part / total) if total else D(0)


class Report:
    """One report's figures: 项 amounts this year and last year, “三公”."""

    def __init__(self, name, year, scope, items, prior, tp, tp_prior, affiliates=None, dept=None):
        self.name, self.year, self.scope = name, year, scope
        self.items = dict(items)  # code -> amount (万元)
        self.prior = dict(prior)  # code -> last year's budget, or {}
        self.tp, self.tp_prior = dict(tp), dict(tp_prior)
        self.affiliates = affiliates  # 部门: names of its other units
        self.dept = dept  # 单位: its department's name
        self.file = ""

    def amount(self, code, prior=False):
        src = self.prior if prior else self.items
        return sum((v for c, v in src.items() if c.startswith(code)), D(0))

    def basic(self):
        return sum((v for c, v in self.items.items() if c not in PROJECT), D(0))

    def project(self):
        return sum((v for c, v in self.items.items() if c in PROJECT), D(0))

    def total(self, prior=False):
        return sum((self.prior if prior else self.items).values(), D(0))


def tp_total(tp):
    return sum((tp[k] for k in TP), D(0))


def fmt(x):
    return "%.2f" % x


def render(r):
    kind = "部门预算" if r.scope == "部门" else "单位预算"
    own = "本部门" if r.scope == "部门" else "本单位"
    total, basic, project = r.total(), r.basic(), r.project()
    out = ["%s%d年%s" % (r.name, r.year, kind), "",
           "第一部分 %s概况" % r.scope, "", "一、主要职责",
           "%s主要负责本区相关领域的管理和服务工作。" % r.name, "", "二、机构设置"]
    if r.scope == "部门":
        aff = r.affiliates or []
        if aff:
            out.append("本部门下属单位%d个，分别是：%s。本预算为部门本级及下属单位的汇总预算。" % (
                len(aff), "、".join(aff)))
        else:
            out.append("本部门下属单位0个。本预算为部门本级预算。")
    else:
        out.append("本单位是%s的所属预算单位。" % r.dept)
    out += ["", "第二部分 %d年%s情况说明" % (r.year, kind), "", "一、收支预算总体情况说明",
            "%d年%s收入预算总计%s万元，支出预算总计%s万元。" % (r.year, r.name, fmt(total), fmt(total)),
            "", "二、支出预算情况说明",
            "%d年本年支出预算合计%s万元，其中：基本支出%s万元，占%s%%；项目支出%s万元，占%s%%。" % (
                r.year, fmt(total), fmt(basic), pct(basic, total), fmt(project), pct(project, total)),
            "", "三、“三公”经费预算情况说明",
            "%d年%s“三公”经费预算为%s万元。" % (r.year, own, fmt(tp_total(r.tp))),
            "", "第三部分 %d年%s表" % (r.year, kind), ""]
    # 部门收支总表
    classes = sorted({c[:3] for c in r.items})
    out += ["部门收支总表", "编制单位：%s\t单位：万元" % r.name, "收入\t\t支出\t", "项目\t预算数\t项目\t预算数"]
    income = [("一、一般公共预算拨款收入", total)] + [(n, D(0)) for n in (
        "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入", "四、事业收入", "五、其他收入")]
    cn = "一二三四五六七八九"
    spend = [("%s、%s" % (cn[i], NAMES[c]), r.amount(c)) for i, c in enumerate(classes)]
    for i in range(max(len(income), len(spend))):
        left = "%s\t%s" % (income[i][0], fmt(income[i][1])) if i < len(income) else "\t"
        right = "%s\t%s" % (spend[i][0], fmt(spend[i][1])) if i < len(spend) else "\t"
        out.append(left + "\t" + right)
    out += ["本年收入合计\t%s\t本年支出合计\t%s" % (fmt(total), fmt(total)),
            "上年结转（结余）\t0.00\t年末结转（结余）\t0.00",
            "收入总计\t%s\t支出总计\t%s" % (fmt(total), fmt(total)), ""]
    # 一般公共预算支出表 with last year's budget
    out += ["一般公共预算支出表", "编制单位：%s\t单位：万元" % r.name,
            "项目\t\t本年预算数\t\t\t上年预算数", "科目编码\t科目名称\t合计\t基本支出\t项目支出\t"]
    codes = sorted({c[:n] for c in set(r.items) | set(r.prior) for n in (3, 5, 7)})

    def row(code, name):
        cur = r.amount(code)
        bas = sum((v for c, v in r.items.items() if c.startswith(code) and c not in PROJECT), D(0))
        pro = cur - bas
        pri = fmt(r.amount(code, prior=True)) if r.prior else ""
        return "%s\t%s\t%s\t%s\t%s\t%s" % (code, name, fmt(cur), fmt(bas) if bas else "",
                                           fmt(pro) if pro else "", pri)

    out.append(row("", "合计").replace("\t", "", 1) if False else "\t合计\t%s\t%s\t%s\t%s" % (
        fmt(total), fmt(basic), fmt(project), fmt(r.total(prior=True)) if r.prior else ""))
    for c in codes:
        out.append(row(c, NAMES[c]))
    out.append("")
    # “三公” table: last year's budget and this year's
    out += ["一般公共预算“三公”经费支出表", "编制单位：%s\t单位：万元" % r.name,
            "项目\t合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t\t",
            "\t\t\t\t小计\t购置费\t运行费"]
    rows = ([(r.year - 1, r.tp_prior)] if r.tp_prior else []) + [(r.year, r.tp)]
    for y, tp in rows:
        out.append("%d年预算数\t%s\t%s\t%s\t%s\t%s\t%s" % (
            y, fmt(tp_total(tp)), fmt(tp["outbound"]), fmt(tp["reception"]),
            fmt(tp["purchase"] + tp["operation"]), fmt(tp["purchase"]), fmt(tp["operation"])))
    out.append("")
    return "\n".join(out) + "\n"


def shift(report, code, delta, prior=False):
    """Moves one 项 (this year or last) by delta: its 款, 类 and the totals
    move with it, so the report stays consistent with itself."""
    src = report.prior if prior else report.items
    src[code] = src[code] + delta


def subjects(code, fund="gpb", metric="gpb.expenditure.by_func"):
    """The keys of a shifted 项 in the 一般公共预算支出表: the 项, its 款 and
    类 (by code)."""
    return ["%s|%s|%s" % (metric, c, fund) for c in (code, code[:5], code[:3])]


BASE = {"2010301": D("812.40"), "2010303": D("265.18"), "2080505": D("96.35"),
        "2101101": D("41.27"), "2210201": D("58.90")}
BASE_TP = {"outbound": D("6.00"), "reception": D("4.35"), "purchase": D("0.00"), "operation": D("11.62")}


def scaled(figures, factor):
    return {k: q2(v * D(factor)) for k, v in figures.items()}


def years_set(clean):
    name = REGION + "审计局"
    years = [2022, 2023, 2024]
    factors = ["1.00", "1.06", "1.11"]
    reports = []
    for i, (y, f) in enumerate(zip(years, factors)):
        items, tp = scaled(BASE, f), scaled(BASE_TP, f)
        prev = reports[-1] if reports else None
        reports.append(Report(name, y, "部门", items, prev.items if prev else {}, tp,
                              prev.tp if prev else {}, affiliates=["区审计事务中心"]))
    planted = []
    for r in reports:
        r.file = "years_%s_%d_budget.txt" % ("clean" if clean else "planted", r.year)
    if not clean:
        # 2023 prints last year's 行政运行 8.40 higher than 2022 printed it.
        r23, r22 = reports[1], reports[0]
        shift(r23, "2010301", D("8.40"), prior=True)
        planted.append({"rule": "cross.year.prior_budget", "documents": [r23.file, r22.file],
                        "subject": subjects("2010301")[0]})
        # 2024 prints last year's 公务接待费 budget 1.20 lower.
        r24, r23 = reports[2], reports[1]
        r24.tp_prior = dict(r24.tp_prior)
        r24.tp_prior["reception"] -= D("1.20")
        planted.append({"rule": "cross.year.prior_budget", "documents": [r24.file, r23.file],
                        "subject": "three_public.reception||fiscal"})
        # 2024 prints last year's 养老保险缴费 0.85 higher; 2023 last year's
        # 因公出国（境）费 0.50 lower.
        shift(r24, "2080505", D("0.85"), prior=True)
        planted.append({"rule": "cross.year.prior_budget", "documents": [r24.file, r23.file],
                        "subject": subjects("2080505")[0]})
        r23.tp_prior = dict(r23.tp_prior)
        r23.tp_prior["outbound"] -= D("0.50")
        planted.append({"rule": "cross.year.prior_budget", "documents": [r23.file, r22.file],
                        "subject": "three_public.outbound||fiscal"})
    return reports, planted


def units_set(clean):
    reports, planted = [], []
    tag = "clean" if clean else "planted"
    # A department whose only unit is its own.
    own = REGION + "统计局"
    unit = Report(own + "本级", 2024, "单位", scaled(BASE, "0.42"), {}, scaled(BASE_TP, "0.5"), {}, dept=own)
    dept = Report(own, 2024, "部门", unit.items, {}, unit.tp, {}, affiliates=[])
    dept.file, unit.file = "units_%s_one_dept.txt" % tag, "units_%s_one_unit_own.txt" % tag
    if not clean:
        dept.items = dict(dept.items)
        for code, delta in (("2101101", "2.50"), ("2210201", "-1.10")):
            shift(dept, code, D(delta))
            planted.append({"rule": "cross.unit.own_only", "documents": [dept.file, unit.file],
                            "subject": subjects(code)[0]})
    reports += [dept, unit]
    # A department with three units: 本级 and two others.
    name = REGION + "财政局"
    parts = [("本级", "0.55", "own"), ("信息中心", "0.27", "info"), ("服务中心", "0.18", "service")]
    units = []
    for suffix, f, short in parts:
        items = scaled(BASE, f)
        if short != "own":
            items.pop("2010303")  # the centres have no project money
        u = Report(name + suffix, 2024, "单位", items, {}, scaled(BASE_TP, f), {}, dept=name)
        u.file = "units_%s_three_unit_%s.txt" % (tag, short)
        units.append(u)
    items = {}
    for u in units:
        for c, v in u.items.items():
            items[c] = items.get(c, D(0)) + v
    tp = {k: sum((u.tp[k] for u in units), D(0)) for k in TP}
    dept = Report(name, 2024, "部门", items, {}, tp, {}, affiliates=["区财政信息中心", "区财政服务中心"])
    dept.file = "units_%s_three_dept.txt" % tag
    if not clean:
        # The department prints 住房公积金 3.30 short of its units' sum.
        ids = [dept.file] + [u.file for u in units]
        for code, delta in (("2210201", "-3.30"), ("2010301", "4.00")):
            shift(dept, code, D(delta))
            planted.append({"rule": "cross.unit.sum", "documents": ids, "subject": subjects(code)[0]})
    reports += [dept] + units
    # A department with three units of which two are present: the sum cannot
    # be checked; each unit must not exceed the department.
    name = REGION + "民政局"
    present = []
    for suffix, f, short in (("本级", "0.61", "own"), ("救助管理站", "0.22", "station")):
        items = scaled(BASE, f)
        if short != "own":
            items.pop("2010303")
        u = Report(name + suffix, 2024, "单位", items, {}, scaled(BASE_TP, f), {}, dept=name)
        u.file = "units_%s_partial_unit_%s.txt" % (tag, short)
        present.append(u)
    items = scaled(BASE, "1.00")
    dept = Report(name, 2024, "部门", items, {}, scaled(BASE_TP, "1.00"), {},
                  affiliates=["区救助管理站", "区婚姻登记中心"])
    dept.file = "units_%s_partial_dept.txt" % tag
    if not clean:
        # The station prints more 住房公积金 than its department.
        station = present[1]
        station.items = dict(station.items)
        shift(station, "2210201", items["2210201"] - station.items["2210201"] + D("5.00"))
        planted.append({"rule": "cross.unit.at_least", "documents": [dept.file, station.file],
                        "subject": subjects("2210201")[0]})
    reports += [dept] + present
    return reports, planted


def build(out):
    os.makedirs(out, exist_ok=True)
    sets = []
    for maker, set_name in ((years_set, "years"), (units_set, "units")):
        for clean in (True, False):
            reports, planted = maker(clean)
            for r in reports:
                with open(os.path.join(out, r.file), "w", encoding="utf-8") as fh:
                    fh.write(render(r))
            sets.append({"name": "%s_%s" % (set_name, "clean" if clean else "planted"),
                         "files": [r.file for r in reports], "planted": planted})
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump({"sets": sets}, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return sets


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="samples/crossdoc")
    args = ap.parse_args(argv)
    sets = build(args.out)
    print("wrote %d sets, %d files to %s" % (len(sets), sum(len(s["files"]) for s in sets), args.out))


if __name__ == "__main__":
    main()
