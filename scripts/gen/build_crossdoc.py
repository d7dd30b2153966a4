#!/usr/bin/python3
"""Builds small generated sets for the cross-document checks (issue 15):

  - years: one body's 部门预算 of three consecutive years; each report prints
    last year's budget (上年预算数 by classification code, the “三公”
    figures) as the earlier report printed it, each year its own way (see
    render: where the column sits, a table row or narrative sentences);
  - units: a department whose only unit is its own (本级), and a department
    with three units (本级 + two), each unit publishing its 单位预算; the
    department's figures are its units' sums;
  - finals: one body's 部门决算 of three consecutive years; each report
    prints last year's actual figures (上年决算数) as the earlier report
    printed them as its own, worded and laid out differently from year to
    year (the narrative's sentences, a 上年决算数 column after or before this
    year's, a row of the “三公” table).

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


# How a budget prints last year's budget (上年预算数), by variant: 0 in the
# tables only (a last column of the 一般公共预算支出表, a row of the “三公”
# table); 1 a column before this year's, a “三公” row labelled 上年预算数 and
# a sentence of the narrative; 2 a column headed with the year, and the
# narrative only for the “三公” figures, item by item.
BUDGET_TP_SENTENCE = [
    "{y}年{own}“三公”经费预算为{cur}万元。",
    "{y}年{own}“三公”经费预算为{cur}万元，比上年预算数{pri}万元{dir}{chg}万元。",
    "{y}年{own}“三公”经费预算为{cur}万元，上年预算为{pri}万元。其中：因公出国（境）费{c0}万元，上年预算{p0}万元；"
    "公务接待费{c1}万元，上年预算{p1}万元；公务用车购置及运行费{c2}万元，上年预算{p2}万元。",
]


def render(r, variant=0):
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
    tp_sentence = BUDGET_TP_SENTENCE[variant if r.tp_prior else 0]
    veh = lambda t: t["purchase"] + t["operation"]  # noqa: E731
    tp_words = {"y": r.year, "own": own, "cur": fmt(tp_total(r.tp))}
    if r.tp_prior:
        tp_words.update(_change(tp_total(r.tp), tp_total(r.tp_prior)), pri=fmt(tp_total(r.tp_prior)),
                        c0=fmt(r.tp["outbound"]), p0=fmt(r.tp_prior["outbound"]),
                        c1=fmt(r.tp["reception"]), p1=fmt(r.tp_prior["reception"]),
                        c2=fmt(veh(r.tp)), p2=fmt(veh(r.tp_prior)))
    out += ["", "第二部分 %d年%s情况说明" % (r.year, kind), "", "一、收支预算总体情况说明",
            "%d年%s收入预算总计%s万元，支出预算总计%s万元。" % (r.year, r.name, fmt(total), fmt(total)),
            "", "二、支出预算情况说明",
            "%d年本年支出预算合计%s万元，其中：基本支出%s万元，占%s%%；项目支出%s万元，占%s%%。" % (
                r.year, fmt(total), fmt(basic), pct(basic, total), fmt(project), pct(project, total)),
            "", "三、“三公”经费预算情况说明", tp_sentence.format(**tp_words),
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
    # 一般公共预算支出表 with last year's budget: after this year's columns,
    # before them, or after them headed with the year.
    before = variant == 1
    out += ["一般公共预算支出表", "编制单位：%s\t单位：万元" % r.name]
    if before:
        out += ["项目\t\t上年预算数\t本年预算数\t\t", "科目编码\t科目名称\t\t合计\t基本支出\t项目支出"]
    else:
        head = "上年预算数" if variant != 2 else "%d年预算数" % (r.year - 1)
        out += ["项目\t\t本年预算数\t\t\t" + head, "科目编码\t科目名称\t合计\t基本支出\t项目支出\t"]
    codes = sorted({c[:n] for c in set(r.items) | set(r.prior) for n in (3, 5, 7)})

    def row(code, name, cur, bas, pro, pri, total_row=False):
        this = [fmt(cur), fmt(bas) if bas or total_row else "", fmt(pro) if pro or total_row else ""]
        cells = [pri] + this if before else this + [pri]
        return "\t".join([code, name] + cells)

    out.append(row("", "合计", total, basic, project, fmt(r.total(prior=True)) if r.prior else "", True))
    for c in codes:
        cur = r.amount(c)
        bas = sum((v for k, v in r.items.items() if k.startswith(c) and k not in PROJECT), D(0))
        out.append(row(c, NAMES[c], cur, bas, cur - bas, fmt(r.amount(c, prior=True)) if r.prior else ""))
    out.append("")
    # “三公” table: last year's budget (a row, in variants 0 and 1) and this
    # year's.
    out += ["一般公共预算“三公”经费支出表", "编制单位：%s\t单位：万元" % r.name,
            "项目\t合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t\t",
            "\t\t\t\t小计\t购置费\t运行费"]
    rows = ([(r.year - 1, r.tp_prior)] if r.tp_prior and variant != 2 else []) + [(r.year, r.tp)]
    for y, tp in rows:
        label = "上年预算数" if variant == 1 and y < r.year else "%d年预算数" % y
        out.append("%s\t%s\t%s\t%s\t%s\t%s\t%s" % (
            label, fmt(tp_total(tp)), fmt(tp["outbound"]), fmt(tp["reception"]),
            fmt(veh(tp)), fmt(tp["purchase"]), fmt(tp["operation"])))
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
        # Each year prints last year's budget its own way (render).
        r.variant = {2022: 0, 2023: 1, 2024: 2}[r.year]
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


# ----- final accounts (决算) of three years ------------------------------------
#
# A 决算 prints its own year's actual figures and, for comparison, last year's
# (上年决算数): in the narrative, worded differently from one report to the
# next (provinces and years word them differently), and in some layouts as a
# column of the 一般公共预算财政拨款支出决算表 (placed after or before this
# year's columns) or a row of the “三公” table.

# Sentences that print this year's figure (cur), last year's (pri), the
# change (chg, with its word dir) and rate (rate, word rdir). One list per
# statement; a report takes variant (its style) modulo the list's length.
FINAL_TOTAL = [
    "{y}年度收入总计{cur}万元，支出总计{cur}万元。与{p}年度决算数{pri}万元相比，收、支总计各{dir}{chg}万元，{rdir}{rate}%。",
    "{y}年度收、支总计均为{cur}万元，上年决算数为{pri}万元，{dir}{chg}万元。",
    "本部门{y}年度收入总计{cur}万元、支出总计{cur}万元，比上年决算{pri}万元{dir}{chg}万元，{rdir}{rate}%。",
]
FINAL_INCOME = [
    "本年收入合计{cur}万元，较上年决算数{pri}万元{dir}{chg}万元，其中：一般公共预算财政拨款收入{cur}万元，占100%。",
    "{y}年度本年收入合计{cur}万元，{p}年度决算为{pri}万元。全部为一般公共预算财政拨款收入。",
    "本年收入合计{cur}万元，全部为一般公共预算财政拨款收入{cur}万元。",
]
FINAL_SPEND = [
    "本年支出合计{cur}万元，上年为{pri}万元。其中：基本支出{bas}万元，占{bs}%；项目支出{pro}万元，占{ps}%。",
    "{y}年度本年支出合计{cur}万元，较{p}年度决算数{pri}万元{dir}{chg}万元。其中：基本支出{bas}万元，占{bs}%；项目支出{pro}万元，占{ps}%。",
    "本年支出合计{cur}万元，其中：基本支出{bas}万元，占{bs}%；项目支出{pro}万元，占{ps}%。",
]
FINAL_GPB = [
    "{y}年度一般公共预算财政拨款支出决算{cur}万元，上年决算数{pri}万元。",
    "本年一般公共预算财政拨款支出{cur}万元，比{p}年度决算{pri}万元{dir}{chg}万元。",
    "{y}年度一般公共预算财政拨款支出决算{cur}万元，{dir}{chg}万元，{rdir}{rate}%。",
]
FINAL_TP = [
    "{y}年度“三公”经费支出决算为{cur}万元，{p}年度决算为{pri}万元，{dir}{chg}万元。",
    "“三公”经费{y}年度决算数{cur}万元，比上年决算数{pri}万元{dir}{chg}万元，{rdir}{rate}%。",
    "{y}年度“三公”经费财政拨款支出{cur}万元，上年同期{pri}万元。",
]
# The parts: outbound, reception, vehicle (购置及运行).
FINAL_TP_PARTS = [
    "其中：因公出国（境）费{c0}万元，上年决算{p0}万元；公务接待费{c1}万元，上年决算{p1}万元；公务用车购置及运行费{c2}万元，上年决算{p2}万元。",
    "因公出国（境）费支出{c0}万元，较上年的{p0}万元{d0}{g0}万元；公务接待费支出{c1}万元，较上年的{p1}万元{d1}{g1}万元；公务用车购置及运行费{c2}万元，{p}年度为{p2}万元。",
    "其中：因公出国（境）费{c0}万元，公务接待费{c1}万元，公务用车购置及运行费{c2}万元。",
]
FINAL_ADMIN = [
    "{y}年度机关运行经费支出{cur}万元，上年决算数为{pri}万元。",
    "{y}年度机关运行经费支出{cur}万元，比上年的{pri}万元{dir}{chg}万元。",
    "{y}年度机关运行经费支出{cur}万元。",
]
# Where the 一般公共预算财政拨款支出决算表 prints last year's 决算数: a last
# column, a column before this year's, or none (the narrative only).
FINAL_PRIOR_COLUMN = ["after", "before", "none"]
# Whether the “三公” table prints a row of last year's 决算数.
FINAL_TP_PRIOR_ROW = [False, True, False]


def _change(cur, pri):
    chg = cur - pri
    return {"dir": "增加" if chg >= 0 else "减少", "rdir": "增长" if chg >= 0 else "下降",
            "chg": fmt(abs(chg)), "rate": "%.2f" % abs(pct(chg, pri)) if pri else "0.00"}


def _say(templates, variant, y, cur, pri, **more):
    words = {"y": y, "p": y - 1, "cur": fmt(cur), "pri": fmt(pri)}
    words.update(_change(cur, pri))
    words.update(more)
    return templates[variant % len(templates)].format(**words)


def render_final(r, variant):
    """A 部门决算 of r.year: this year's actual figures, and last year's as
    r.prior / r.tp_prior / r.admin_prior hold them (what this report prints
    for last year)."""
    y = r.year
    total, basic, project = r.total(), r.basic(), r.project()
    prior = r.total(prior=True)
    tp, tpp = tp_total(r.tp), tp_total(r.tp_prior)
    veh = r.tp["purchase"] + r.tp["operation"]
    vehp = r.tp_prior["purchase"] + r.tp_prior["operation"]
    out = ["%s%d年度部门决算" % (r.name, y), "", "第一部分 部门概况", "", "一、主要职责",
           "%s主要负责本区相关领域的监督管理工作。" % r.name, "", "二、机构设置",
           "本部门下属单位0个。本决算为部门本级决算。", "",
           "第二部分 %d年度部门决算情况说明" % y, "",
           "一、收入支出决算总体情况说明", _say(FINAL_TOTAL, variant, y, total, prior), "",
           "二、收入决算情况说明", _say(FINAL_INCOME, variant, y, total, prior), "",
           "三、支出决算情况说明",
           _say(FINAL_SPEND, variant, y, total, prior, bas=fmt(basic), pro=fmt(project),
                bs=pct(basic, total), ps=pct(project, total)), "",
           "四、一般公共预算财政拨款支出决算情况说明", _say(FINAL_GPB, variant, y, total, prior), "",
           "五、财政拨款“三公”经费支出决算情况说明", _say(FINAL_TP, variant, y, tp, tpp)]
    parts = {"c0": fmt(r.tp["outbound"]), "p0": fmt(r.tp_prior["outbound"]),
             "c1": fmt(r.tp["reception"]), "p1": fmt(r.tp_prior["reception"]),
             "c2": fmt(veh), "p2": fmt(vehp), "p": y - 1}
    for i, k in enumerate(("outbound", "reception")):
        c = _change(r.tp[k], r.tp_prior[k])
        parts["d%d" % i], parts["g%d" % i] = c["dir"], c["chg"]
    out += [FINAL_TP_PARTS[variant % len(FINAL_TP_PARTS)].format(**parts), "",
            "六、机关运行经费支出情况说明", _say(FINAL_ADMIN, variant, y, r.admin, r.admin_prior), "",
            "第三部分 %d年度部门决算表" % y, ""]
    # 收入支出决算总表
    classes = sorted({c[:3] for c in r.items})
    cn = "一二三四五六七八九"
    out += ["收入支出决算总表", "编制单位：%s\t单位：万元" % r.name, "收入\t\t支出\t",
            "项目\t决算数\t项目\t决算数"]
    income = [("一、一般公共预算财政拨款收入", total)] + [(n, D(0)) for n in (
        "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、事业收入", "五、其他收入")]
    spend = [("%s、%s" % (cn[i], NAMES[c]), r.amount(c)) for i, c in enumerate(classes)]
    for i in range(max(len(income), len(spend))):
        left = "%s\t%s" % (income[i][0], fmt(income[i][1])) if i < len(income) else "\t"
        right = "%s\t%s" % (spend[i][0], fmt(spend[i][1])) if i < len(spend) else "\t"
        out.append(left + "\t" + right)
    out += ["本年收入合计\t%s\t本年支出合计\t%s" % (fmt(total), fmt(total)),
            "年初结转和结余\t0.00\t年末结转和结余\t0.00",
            "收入总计\t%s\t支出总计\t%s" % (fmt(total), fmt(total)), ""]
    # 一般公共预算财政拨款支出决算表, last year's column where the layout has one
    where = FINAL_PRIOR_COLUMN[variant % len(FINAL_PRIOR_COLUMN)]
    out += ["一般公共预算财政拨款支出决算表", "编制单位：%s\t单位：万元" % r.name]
    if where == "after":
        out += ["项目\t\t本年决算数\t\t\t上年决算数", "科目编码\t科目名称\t合计\t基本支出\t项目支出\t"]
    elif where == "before":
        out += ["项目\t\t上年决算数\t本年决算数\t\t", "科目编码\t科目名称\t\t合计\t基本支出\t项目支出"]
    else:
        out += ["项目\t\t本年决算数\t\t", "科目编码\t科目名称\t合计\t基本支出\t项目支出"]

    def row(code, name, cur, bas, pro, pri):
        this = [fmt(cur), fmt(bas) if bas else "", fmt(pro) if pro else ""]
        if where == "after":
            cells = this + [fmt(pri)]
        elif where == "before":
            cells = [fmt(pri)] + this
        else:
            cells = this
        return "\t".join([code, name] + cells)

    out.append(row("", "合计", total, basic, project, prior))
    for c in sorted({c[:n] for c in set(r.items) | set(r.prior) for n in (3, 5, 7)}):
        bas = sum((v for k, v in r.items.items() if k.startswith(c) and k not in PROJECT), D(0))
        out.append(row(c, NAMES[c], r.amount(c), bas, r.amount(c) - bas, r.amount(c, prior=True)))
    out.append("")
    # 财政拨款“三公”经费支出决算表
    out += ["财政拨款“三公”经费支出决算表", "编制单位：%s\t单位：万元" % r.name,
            "项目\t合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t\t",
            "\t\t\t\t小计\t购置费\t运行费"]
    rows = ([(y - 1, r.tp_prior)] if FINAL_TP_PRIOR_ROW[variant % len(FINAL_TP_PRIOR_ROW)] else []) + [(y, r.tp)]
    for yy, t in rows:
        out.append("%d年决算数\t%s\t%s\t%s\t%s\t%s\t%s" % (
            yy, fmt(tp_total(t)), fmt(t["outbound"]), fmt(t["reception"]),
            fmt(t["purchase"] + t["operation"]), fmt(t["purchase"]), fmt(t["operation"])))
    out.append("")
    return "\n".join(out) + "\n"


def finals_set(clean):
    """Three years of one body's 部门决算, each worded and laid out its own
    way (variant = the year's place), each printing last year's figures as
    the year before printed them; planted: four of them printed otherwise."""
    name = REGION + "审计局"
    years, factors = [2022, 2023, 2024], ["0.96", "1.02", "1.09"]
    # How each year words and lays out its report: 2022 prints last year's
    # figures only for the totals, 2023 and 2024 for every statement, each
    # its own way (the 上年决算数 column after, then before this year's).
    variants = {2022: 2, 2023: 0, 2024: 1}
    # The year before the first: printed by 2022 only (no report of it here).
    prev = Report(name, 2021, "部门", scaled(BASE, "0.93"), {}, scaled(BASE_TP, "0.90"), {})
    prev.admin = D("88.40")
    reports = []
    for y, f in zip(years, factors):
        r = Report(name, y, "部门", scaled(BASE, f), prev.items, scaled(BASE_TP, f), prev.tp)
        r.admin, r.admin_prior = q2(D("91.30") * D(f)), prev.admin
        r.variant = variants[y]
        r.file = "finals_%s_%d_final.txt" % ("clean" if clean else "planted", y)
        reports.append(r)
        prev = r
    planted = []
    if not clean:
        r22, r23, r24 = reports
        # 2023 prints 2022's 行政运行 8.40 higher in its table's 上年决算数
        # column (and the totals above it with it).
        shift(r23, "2010301", D("8.40"), prior=True)
        planted.append({"rule": "cross.year.prior_actual", "documents": [r23.file, r22.file],
                        "subject": subjects("2010301")[0]})
        # 2023 says 2022's 因公出国（境）费 was 0.50 lower.
        r23.tp_prior = dict(r23.tp_prior)
        r23.tp_prior["outbound"] -= D("0.50")
        planted.append({"rule": "cross.year.prior_actual", "documents": [r23.file, r22.file],
                        "subject": "three_public.outbound||fiscal"})
        # 2024 prints 2023's 公务接待费 1.20 lower and its 机关运行经费 2.00
        # higher; its table (last year's column first) 2023's 住房公积金
        # 0.85 higher.
        r24.tp_prior = dict(r24.tp_prior)
        r24.tp_prior["reception"] -= D("1.20")
        planted.append({"rule": "cross.year.prior_actual", "documents": [r24.file, r23.file],
                        "subject": "three_public.reception||fiscal"})
        r24.admin_prior += D("2.00")
        planted.append({"rule": "cross.year.prior_actual", "documents": [r24.file, r23.file],
                        "subject": "admin_operating_cost||gpb"})
        shift(r24, "2210201", D("0.85"), prior=True)
        planted.append({"rule": "cross.year.prior_actual", "documents": [r24.file, r23.file],
                        "subject": subjects("2210201")[0]})
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
    for maker, set_name in ((years_set, "years"), (units_set, "units"), (finals_set, "finals")):
        for clean in (True, False):
            reports, planted = maker(clean)
            for r in reports:
                variant = getattr(r, "variant", 0)
                text = render_final(r, variant) if set_name == "finals" else render(r, variant)
                with open(os.path.join(out, r.file), "w", encoding="utf-8") as fh:
                    fh.write(text)
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
