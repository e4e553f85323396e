"""Every finding code, its usual severity and what it means. Codes are stable: filter on them.

The documentation's validation page is generated from this table, and a test checks
that every code the package emits is listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FINDING_CODES", "FindingCode"]


@dataclass(frozen=True, slots=True)
class FindingCode:
    code: str
    severity: str
    title: str
    meaning: str


def _c(code: str, severity: str, title: str, meaning: str) -> tuple[str, FindingCode]:
    return code, FindingCode(code, severity, title, meaning)


FINDING_CODES: dict[str, FindingCode] = dict(
    [
        _c(
            "C1",
            "error",
            "申请数勾稽 / application balance",
            "Per applicant column: 本年新收 + 上年结转 ≠ （七）总计 + 结转下年度 (the note printed in the table).",
        ),
        _c(
            "C2",
            "error",
            "办理结果合计 / outcomes sum",
            "Per applicant column: （七）总计 ≠ the sum of the outcome rows （一）…（六）.",
        ),
        _c("C3", "error", "行合计 / row total", "Per row: 总计 ≠ the six applicant columns."),
        _c("C4", "error", "行政复议合计 / review total", "行政复议 总计 ≠ 维持 + 纠正 + 其他结果 + 尚未审结."),
        _c("C5", "error", "直接起诉合计 / direct litigation total", "未经复议直接起诉 总计 ≠ the sum of its four."),
        _c("C6", "error", "复议后起诉合计 / litigation after review total", "复议后起诉 总计 ≠ the sum of its four."),
        _c("C7", "error", "负数 / negative count", "A count that must be a non-negative integer is negative."),
        _c(
            "C8",
            "warning",
            "跨年结转 / carried over across years",
            "上年结转 of year Y ≠ 结转下年度 of year Y−1 (compare_years, batch).",
        ),
        _c(
            "C9",
            "info",
            "规范性文件存量 / documents in force across years",
            "现行有效(Y) ≠ 现行有效(Y−1) + 制发(Y) − 废止(Y); amendments can explain it.",
        ),
        _c(
            "C10",
            "info",
            "项目数量跨年 / item counts across years (2019 template)",
            "上一年项目数量(Y) ≠ 上一年项目数量(Y−1) + 本年增/减(Y−1).",
        ),
        _c(
            "V1",
            "info",
            "未核对：一侧为空 / relation not checked",
            "Every cell on one side of a relation is blank (e.g. a 总计 left empty), so it is not checked.",
        ),
        _c(
            "V2",
            "info",
            "未核对：未读出 / relation not checked",
            "A cell of the relation was not read at all (its row was not found), so it is not checked.",
        ),
        _c("S1", "warning", "缺少部分 / part not found", "One of the six numbered parts was not found."),
        _c(
            "D1",
            "info",
            "非年报 / not an annual report",
            "No template markers and no sign of an annual report: template is None.",
        ),
        _c("T1", "warning", "无表格 / no table", "No table was read for part 二, 三 or 四; its cells are empty."),
        _c(
            "T2",
            "info",
            "未识别行 / unrecognised row",
            "A row whose label matches no template row (an extra row such as 其他主动公开文件).",
        ),
        _c(
            "T3",
            "warning",
            "单元格数不符 / wrong number of cells",
            "A row has a number of value cells the template does not allow; its values are not read.",
        ),
        _c("T4", "warning", "非数字 / not a number", "A cell's text is not a number; value None, raw text kept."),
        _c(
            "T5",
            "info",
            "金额无单位 / amount without unit",
            "A money amount printed without a unit; kept as printed (2019 采购总金额).",
        ),
        _c("T6", "info", "重复行 / repeated row", "A row printed more than once; the first is kept."),
        _c("T8", "warning", "非整数 / not a whole number", "A count cell holds a decimal; value None, raw kept."),
        _c(
            "T9",
            "warning",
            "表格为图片 / table as image",
            "Where a part's table should be there is an image: the table was published as a picture.",
        ),
        _c(
            "R1",
            "info",
            "连写数字已拆分 / run-together digits split",
            "Cells run together in the text were split; the split is the only one the relations allow.",
        ),
        _c(
            "R2",
            "warning",
            "连写数字无法唯一拆分 / run-together digits ambiguous",
            "Several (or no) splits satisfy the relations; the cells are left empty.",
        ),
        _c(
            "R3",
            "info",
            "无标签行已定位 / unlabelled row placed",
            "A row of numbers printed without its label was placed by the template's fixed row order.",
        ),
        _c(
            "R4",
            "warning",
            "无标签行无法定位 / unlabelled rows not placed",
            "Rows of numbers without labels could not be placed with certainty; left empty.",
        ),
        _c(
            "R5",
            "info",
            "断行数字已合并 / wrapped number rejoined",
            "A cell printed as digits broken by a space (2 6: a number wrapped in a narrow column) was read "
            "as one number: every relation it takes part in holds with it, one beyond its own row among them.",
        ),
        _c(
            "P1",
            "warning",
            "需要OCR / page needs OCR",
            "A PDF page has no usable text layer (a scan or glyph soup); report status needs_ocr.",
        ),
        _c(
            "P2",
            "info",
            "PDF页面问题 / PDF page problem",
            "The PDF reader's note about a page's text layer (why it was judged unusable).",
        ),
        _c("P3", "info", "PDF字形 / unreadable glyphs", "Some glyphs of a PDF page could not be read."),
        _c(
            "O1",
            "warning",
            "OCR读数存疑 / OCR reading in doubt",
            "A cell read by OCR breaks a relation (C1-C6) that one typical OCR slip in its reading "
            "(0/O, 1/l, 5/S, 8/B, a lost or doubled digit) would satisfy; both readings given, value kept as read.",
        ),
        _c(
            "O2",
            "info",
            "OCR识别 / pages read by OCR",
            'These PDF pages were read by OCR (ocr=True or "auto"); their cells carry a recognition confidence.',
        ),
        _c(
            "H1",
            "info",
            "HTML嵌套过深 / HTML nested too deep",
            "The page nests elements deeper than the parser's limit; content below it was not read.",
        ),
        _c(
            "W1",
            "info",
            "隐藏合并单元格 / hidden merged-cell text",
            "Vertically merged DOCX cells hold text Word does not show; it was ignored.",
        ),
        _c("W2", "info", "嵌入内容 / embedded chunk", "An embedded foreign-format chunk (w:altChunk) was not read."),
        _c("W3", "info", "修订 / tracked changes", "The DOCX has tracked changes; the accepted text was read."),
        _c(
            "W4",
            "info",
            "占位符 / placeholder text",
            "Content controls showed only their placeholder text (单击或点击此处输入文字。); it is no content "
            "and was not read, so an unfilled cell is blank.",
        ),
    ]
)
