"""A whole synthetic 2021-template report as a PDF, drawn like a WPS export.

Its part-三 table crosses from page 2 to page 3: the header is printed again at the top
of page 3, the block label ``三、本年度办理结果`` is printed one character per line and
goes on (empty) on page 3, and the group label ``（四）无法提供`` is cut in two
(``（四）无`` / ``法提供``) by the break. Every page has a running header and a page
number. The numbers are chosen so that all of the template's relations hold.
"""

from __future__ import annotations

from .pdf_fixtures import GridCell, Page, make_pdf, wrap

COLS = [60.0, 85.0, 130.0, 250.0] + [250.0 + 38 * (i + 1) for i in range(7)]
HEADER = [
    GridCell(0, 3, 0, 3, ["（本列数据的勾稽关系为：第一", "项加第二项之和，等于第三项加", "第四项之和）"]),
    GridCell(0, 1, 3, 10, ["申请人情况"], center=True),
    GridCell(1, 3, 3, 4, ["自然人"], center=True),
    GridCell(1, 2, 4, 9, ["法人或其他组织"], center=True),
    GridCell(1, 3, 9, 10, ["总 计"], center=True),  # printed spaced out
    GridCell(2, 3, 4, 5, ["商业", "企业"]),
    GridCell(2, 3, 5, 6, ["科研", "机构"]),
    GridCell(2, 3, 6, 7, ["社会", "公益", "组织"]),
    GridCell(2, 3, 7, 8, ["法律", "服务", "机构"]),
    GridCell(2, 3, 8, 9, ["其他"]),
]
HEADER_HEIGHTS = [16.0, 16.0, 36.0]

# (label lines, label first column, values)
ROWS_PAGE2: list[tuple[list[str], int, list[int]]] = [
    (["一、本年新收政府信息公开申请数量"], 0, [20, 2, 0, 0, 0, 0, 22]),
    (["二、上年结转政府信息公开申请数量"], 0, [3, 0, 0, 0, 0, 0, 3]),
    (["（一）予以公开"], 1, [10, 1, 0, 0, 0, 0, 11]),
    (["（二）部分公开（区分处理的，只计", "这一情形，不计其他情形）"], 1, [2, 0, 0, 0, 0, 0, 2]),
    (["1.属于国家秘密"], 2, [1, 0, 0, 0, 0, 0, 1]),
    (["2.其他法律行政法规禁止公开"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["3.危及“三安全一稳定”"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["4.保护第三方合法权益"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["5.属于三类内部事务信息"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["6.属于四类过程性信息"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["7.属于行政执法案卷"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["8.属于行政查询事项"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["1.本机关不掌握相关政府信息"], 2, [5, 1, 0, 0, 0, 0, 6]),
]
ROWS_PAGE3: list[tuple[list[str], int, list[int]]] = [
    (["2.没有现成信息需要另行制作"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["3.补正后申请内容仍不明确"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["1.信访举报投诉类申请"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["2.重复申请"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["3.要求提供公开出版物"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["4.无正当理由大量反复申请"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["5.要求行政机关确认或重新", "出具已获取信息"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["1.申请人无正当理由逾期不补", "正、行政机关不再处理其政府", "信息公开申请"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["2.申请人逾期未按收费通知要", "求缴纳费用、行政机关不再处", "理其政府信息公开申请"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["3.其他"], 2, [0, 0, 0, 0, 0, 0, 0]),
    (["（七）总计"], 1, [18, 2, 0, 0, 0, 0, 20]),
    (["四、结转下年度继续办理"], 0, [5, 0, 0, 0, 0, 0, 5]),
]


def _rows(rows: list[tuple[list[str], int, list[int]]], first: int) -> tuple[list[GridCell], list[float]]:
    cells: list[GridCell] = []
    heights: list[float] = []
    for i, (label, col, values) in enumerate(rows):
        r = first + i
        heights.append(16.0 + 10.35 * (len(label) - 1))
        cells.append(GridCell(r, r + 1, col, 3, label))
        cells += [GridCell(r, r + 1, 3 + j, 4 + j, [str(v)], center=True) for j, v in enumerate(values)]
    return cells, heights


def _table3_page2() -> tuple[list[GridCell], list[float]]:
    cells, heights = _rows(ROWS_PAGE2, 3)
    block = list("三、本年度办理结果")  # one character per line
    cells += [
        GridCell(5, 16, 0, 1, block),
        GridCell(7, 15, 1, 2, ["（三）不", "予公开"]),
        GridCell(15, 16, 1, 2, ["（四）无"]),
    ]
    return HEADER + cells, HEADER_HEIGHTS + heights


def _table3_page3() -> tuple[list[GridCell], list[float]]:
    cells, heights = _rows(ROWS_PAGE3, 3)
    cells += [
        GridCell(3, 14, 0, 1, []),  # 三、本年度办理结果 goes on, empty
        GridCell(3, 5, 1, 2, ["法提供"]),
        GridCell(5, 10, 1, 2, ["（五）不", "予处理"]),
        GridCell(10, 13, 1, 2, ["（六）其", "他处理"]),
    ]
    return HEADER + cells, HEADER_HEIGHTS + heights


def _table2() -> tuple[list[float], list[float], list[GridCell]]:
    xs = [72.0, 250.0, 340.0, 430.0, 520.0]
    rows: list[list[str]] = [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "3"],
        ["行政规范性文件", "12", "4", "120"],
        ["第二十条第（五）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "2020"],
        ["第二十条第（六）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政处罚", "305"],
        ["行政强制", "20"],
        ["第二十条第（八）项"],
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", "12.5"],
    ]
    cells: list[GridCell] = []
    for r, row in enumerate(rows):
        if len(row) == 1:
            cells.append(GridCell(r, r + 1, 0, 4, row))
        elif len(row) == 2:
            cells += [GridCell(r, r + 1, 0, 1, [row[0]]), GridCell(r, r + 1, 1, 4, [row[1]], center=True)]
        else:
            cells += [GridCell(r, r + 1, c, c + 1, [t], center=c > 0) for c, t in enumerate(row)]
    return xs, [16.0] * len(rows), cells


def _table4() -> tuple[list[float], list[float], list[GridCell]]:
    xs = [60.0 + 31 * i for i in range(16)]
    leaves = [list("结果维持"), list("结果纠正"), list("其他结果"), list("尚未审结"), ["总 计"]]
    cells = [GridCell(0, 1, 0, 5, ["行政复议"]), GridCell(0, 1, 5, 15, ["行政诉讼"])]
    cells += [GridCell(1, 3, i, i + 1, leaves[i]) for i in range(5)]
    cells += [GridCell(1, 2, 5, 10, ["未经复议直接起诉"]), GridCell(1, 2, 10, 15, ["复议后起诉"])]
    cells += [GridCell(2, 3, 5 + i, 6 + i, leaves[i % 5]) for i in range(10)]
    values = [1, 0, 2, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    cells += [GridCell(3, 4, i, i + 1, [str(v)], center=True) for i, v in enumerate(values)]
    return xs, [16.0, 16.0, 48.0, 18.0], cells


def report_pdf() -> bytes:
    """The report: 3 pages, running header 某县人民政府办公室, page numbers ``- n -``."""
    t2 = _table2()
    p2_cells, p2_heights = _table3_page2()
    p3_cells, p3_heights = _table3_page3()
    t4 = _table4()
    intro = "本报告根据《中华人民共和国政府信息公开条例》编制。报告所列统计期限自2024年1月1日至2024年12月31日。"
    pages = [
        Page(
            [
                ("text", ["某县人民政府", "2024年政府信息公开工作年度报告"]),
                ("text", wrap(intro)),
                ("text", ["一、总体情况"]),
                ("text", wrap("2024年，本县共主动公开政府信息3000条，受理申请22件。")),
                ("text", ["二、主动公开政府信息情况"]),
                ("grid", *t2),
            ]
        ),
        Page([("text", ["三、收到和处理政府信息公开申请情况"]), ("grid", COLS, p2_heights, p2_cells)]),
        Page(
            [
                ("grid", COLS, p3_heights, p3_cells),
                ("text", ["四、政府信息公开行政复议、行政诉讼情况"]),
                ("grid", *t4),
                ("text", ["五、存在的主要问题及改进情况"]),
                ("text", wrap("一是公开质量有待提高；二是解读形式较为单一。下一步将加强培训。")),
                ("text", ["六、其他需要报告的事项"]),
                ("text", wrap("本年度未收取信息处理费。")),
                ("text", ["某县人民政府办公室", "2025年1月20日"]),
            ]
        ),
    ]
    for n, page in enumerate(pages, 1):
        page.header = "某县人民政府办公室政务公开专刊"
        page.footer = f"- {n} -"
    return make_pdf(pages)
