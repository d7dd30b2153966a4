"""Presentation choices for one report (everything that varies between real
reports without changing a figure)."""

import dataclasses


@dataclasses.dataclass
class Style:
    template: str = "central"  # central | sichuan | shanghai
    table_unit: str = "万元"  # 万元 | 元
    table_decimals: int = 2  # 元 tables: 2 or 0
    table_thousands: bool = False
    zero_cell: str = "0.00"  # how a zero prints in summary tables: '0.00' | '' | '-'
    detail_zero_blank: bool = True  # zeros in FA02/FA03-like detail columns print blank
    text_drop_zeros: bool = False  # "691.5", "43"
    code_style: str = "joined"  # joined: 2010301 | split: 201 | 03 | 01
    heading_numbers: str = "cn"  # cn: 一、 | arabic: 1、
    sub_numbers: str = "full"  # full: （一） | half: (一)
    part_sep: str = " "  # between 第一部分 and its title
    total_phrase: str = "both"  # both: 收、支总计均为 | split: 收入总计…支出总计…
    list_zero_sources: bool = False  # list 0万元 sources in 收入/支出 sections
    charts: bool = False
    yoy_prior: bool = False  # print last year's amount in 三公/机关运行经费 YoY
    completion_budget_printed: bool = True  # 五（三）prints 预算数 of each 项
    html_charset: str = "utf-8"
    tables_flow: bool = False  # tables follow each other without page breaks
    row_numbers: bool = False  # 行次 column in the two-panel tables
    table_numbering: str = "公开"  # 公开01表 | 表1
    large: bool = False
    # “三公” table layout (docs/ground_truth.md, 三公 table layouts).
    tp_layout: str = "panels"  # panels: one data row, a panel per basis | rows: a row per basis
    tp_order: str = "outbound_vehicle_reception"  # | outbound_reception_vehicle | vehicle_reception_outbound
    tp_vehicle: str = "group_subtotal"  # group_subtotal | group (no 小计 column) | flat (two plain columns)
    tp_total_column: bool = True
    tp_total_where: str = None  # provincial shares of the “三公” total: paragraph | table | sum (of the parts)
    tp_zero: str = None  # zero cells of the 三公 table; None = zero_cell
    tp_unit: str = None  # None = table_unit
    # Narrative (dialects; docs/ground_truth.md).
    pct_per_value: bool = False  # percentages printed with 0, 1 or 2 decimals, each at its own precision
    reason_amounts: bool = False  # 主要原因是 clauses of YoY sentences name amounts (一是…二是…)
    gpb_prior_column: str = None  # BU06 adds a last-year column: 上年预算数 | 上年执行数

    def as_dict(self):
        return dataclasses.asdict(self)


def choose(rng, kind, region, large=False):
    s = Style()
    s.template = region.family
    if s.template == "shanghai":
        s.table_unit = "元" if (kind == "budget" or rng.random() < 0.5) else "万元"
    else:
        s.table_unit = "元" if rng.random() < 0.15 else "万元"
    if s.table_unit == "元":
        s.table_decimals = 2 if rng.random() < 0.6 else 0
        s.table_thousands = rng.random() < 0.7
        s.zero_cell = rng.choice(["", "0.00" if s.table_decimals else "0"])
    else:
        s.table_decimals = 2
        s.table_thousands = rng.random() < 0.15
        s.zero_cell = rng.choice(["0.00", "0.00", "", "-"])
    s.detail_zero_blank = rng.random() < 0.8
    s.text_drop_zeros = rng.random() < 0.6
    s.code_style = "split" if (s.template == "shanghai" or rng.random() < 0.4) else "joined"
    s.heading_numbers = rng.choice(["cn", "cn", "arabic"])
    s.sub_numbers = rng.choice(["full", "full", "half"])
    s.part_sep = rng.choice([" ", "\u3000", ""])
    s.total_phrase = "both" if rng.random() < 0.7 else "split"
    s.list_zero_sources = rng.random() < 0.4
    s.charts = rng.random() < 0.5
    s.yoy_prior = rng.random() < 0.4
    s.completion_budget_printed = rng.random() < 0.7
    s.html_charset = "gbk" if rng.random() < 0.4 else "utf-8"
    s.tables_flow = rng.random() < 0.4
    s.row_numbers = rng.random() < 0.3
    s.table_numbering = rng.choice(["公开", "表"])
    s.large = large
    return s
