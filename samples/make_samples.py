"""Write the bundled sample reports (fictional agencies, numbers that satisfy the template's relations).

Run ``python samples/make_samples.py`` to regenerate them; the goldens in ``tests/goldens``
are then checked (and only rewritten with ``pytest --update-goldens``).

Each sample exercises a real-world shape from the spec (§7, §12):

* ``qinghe_zrzyj_2024.txt`` — 2021 template, DOCX→text flattening (TAB-prefixed cells, one
  row per blank-line block, merged cells as empty lines), GB18030-encoded, a
  ``[bookmark: _GoBack]`` glued to the first heading, a stray ``0`` in a merged label cell,
  prose between a heading and its table, a trailing page number.
* ``lanshan_jiedao_2020.md`` — 2019 template as Markdown: 表三 split into two pipe tables with a
  repeated header row, half-width ``(一)`` and ``1、`` enumerators, a negative 本年增/减,
  an amount in 元, a Chinese-numeral signature date.
* ``donghu_xiang_2023.md`` — 2021 template printing （六）其他处理 as one row the 2019 way,
  UTF-8 with BOM, shortened labels, blank cells left empty rather than 0.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
COLS = 6

OUTCOMES_2021 = [
    ("（一）予以公开", "", [20, 3, 1, 0, 0, 0]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", [5, 1, 0, 0, 0, 0]),
    ("（三）不予公开", "1.属于国家秘密", [0, 0, 0, 0, 0, 0]),
    ("", "2.其他法律行政法规禁止公开", [1, 0, 0, 0, 0, 0]),
    ("", "3.危及“三安全一稳定”", [0, 0, 0, 0, 0, 0]),
    ("", "4.保护第三方合法权益", [2, 0, 0, 0, 0, 0]),
    ("", "5.属于三类内部事务信息", [1, 0, 0, 0, 0, 0]),
    ("", "6.属于四类过程性信息", [3, 1, 0, 0, 0, 0]),
    ("", "7.属于行政执法案卷", [0, 0, 0, 0, 0, 0]),
    ("", "8.属于行政查询事项", [1, 0, 0, 0, 0, 0]),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", [9, 1, 0, 0, 1, 0]),
    ("", "2.没有现成信息需要另行制作", [2, 0, 0, 0, 0, 0]),
    ("", "3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "1.信访举报投诉类申请", [2, 0, 0, 0, 0, 0]),
    ("", "2.重复申请", [1, 0, 0, 0, 0, 0]),
    ("", "3.要求提供公开出版物", [0, 0, 0, 0, 0, 0]),
    ("", "4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0]),
    ("", "5.要求行政机关确认或重新出具已获取信息", [1, 0, 0, 0, 0, 0]),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [1, 0, 0, 0, 0, 1]),
    ("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0]),
    ("", "3.其他", [1, 1, 0, 0, 0, 0]),
]
NEW_2021 = [54, 7, 1, 0, 2, 1]
CARRIED_2021 = [3, 1, 0, 0, 0, 0]
HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
COLUMN_LABELS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def with_total(values: list[int]) -> list[int]:
    return [*values, sum(values)]


def column_sums(rows: list[list[int]]) -> list[int]:
    return [sum(r[c] for r in rows) for c in range(COLS)]


def matrix(outcomes: list[tuple[str, str, list[int]]], new: list[int], carried: list[int]) -> dict[str, list[int]]:
    processed = column_sums([v for _, _, v in outcomes])
    forward = [n + c - p for n, c, p in zip(new, carried, processed, strict=True)]
    assert all(f >= 0 for f in forward), forward
    return {
        "new": with_total(new),
        "carried": with_total(carried),
        "processed": with_total(processed),
        "forward": with_total(forward),
    }


def tab_row(cells: list[str | int]) -> str:
    return "".join(f"\t{c}\n" for c in cells) + "\n"


def qinghe() -> str:
    m = matrix(OUTCOMES_2021, NEW_2021, CARRIED_2021)
    out = [
        "青禾县自然资源局\n",
        "2024年度政府信息公开工作年度报告\n\n",
        "本报告依据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n\n",
        "[bookmark: _GoBack]一、总体情况\n",
        "2024年，我局坚持以公开为常态、不公开为例外，全年主动公开政府信息356条。\n",
        "三是提升平台建设水平，优化政府信息公开专栏。\n\n",
        "二、主动公开政府信息情况\n",
        "该部分以表格形式报告。表格如下：\n",
    ]
    out.append(tab_row(["第二十条第（一）项"]))
    out.append(tab_row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]))
    out.append(tab_row(["规章", 0, 0, 0]))
    out.append(tab_row(["行政规范性文件", 3, 1, 17]))
    out.append(tab_row(["第二十条第（五）项"]))
    out.append(tab_row(["信息内容", "本年处理决定数量"]))
    out.append(tab_row(["行政许可", 1286]))
    out.append(tab_row(["第二十条第（六）项"]))
    out.append(tab_row(["信息内容", "本年处理决定数量"]))
    out.append(tab_row(["行政处罚", 47]))
    out.append(tab_row(["行政强制", 5]))
    out.append(tab_row(["第二十条第（八）项"]))
    out.append(tab_row(["信息内容", "本年收费金额（单位：万元）"]))
    out.append(tab_row(["行政事业性收费", "1523.4567"]))
    out.append("三、收到和处理政府信息公开申请情况\n")
    out.append(tab_row([HEADER_NOTE, "申请人情况"]))
    out.append(tab_row(["自然人", "法人或其他组织", "", "总计"]))
    out.append(tab_row(["", "", *COLUMN_LABELS, ""]))
    out.append(tab_row(["一、本年新收政府信息公开申请数量", *m["new"]]))
    out.append(tab_row(["二、上年结转政府信息公开申请数量", *m["carried"]]))
    for i, (group, item, values) in enumerate(OUTCOMES_2021):
        block = "三、本年度办理结果" if i == 0 else ""
        if item:
            # FS23 oddity: a stray 0 in the merged first cell of the （五）5 row.
            first = "0" if item.startswith("5.要求行政机关") else block
            out.append(tab_row([first, group, item, *with_total(values)]))
        else:
            out.append(tab_row([block, group, *with_total(values)]))
    out.append(tab_row(["", "（七）总计", *m["processed"]]))
    out.append(tab_row(["四、结转下年度继续办理", *m["forward"]]))
    out.append("四、政府信息公开行政复议、行政诉讼情况\n")
    out.append(tab_row(["行政复议", "行政诉讼"]))
    out.append(tab_row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]))
    out.append(tab_row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    out.append(tab_row([2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1]))
    out.append("五、存在的主要问题及改进情况\n")
    out.append("一是政策解读形式较为单一；二是依申请公开答复质量有待提升。2025年将加强培训。\n\n")
    out.append("六、其他需要报告的事项\n")
    out.append("本年度未收取信息处理费。\n\n")
    out.append("青禾县自然资源局\n2025年1月15日\n\n2\n")
    return "".join(out)


OUTCOMES_2019 = [
    ("(一)予以公开", [14, 2, 0, 1, 0, 0]),
    ("(二)部分公开（区分处理的，只计这一情形，不计其他情形）", [3, 0, 0, 0, 0, 0]),
    ("1、属于国家秘密", [0, 0, 0, 0, 0, 0]),
    ("2、其他法律行政法规禁止公开", [0, 0, 0, 0, 0, 0]),
    ("3、危及“三安全一稳定”", [0, 0, 0, 0, 0, 0]),
    ("4、保护第三方合法权益", [1, 0, 0, 0, 0, 0]),
    ("5、属于三类内部事务信息", [0, 0, 0, 0, 0, 0]),
    ("6、属于四类过程性信息", [2, 0, 0, 0, 0, 0]),
    ("7、属于行政执法案卷", [0, 0, 0, 0, 0, 0]),
    ("8、属于行政查询事项", [1, 0, 0, 0, 0, 0]),
    ("1、本机关不掌握相关政府信息", [6, 1, 0, 0, 0, 0]),
    ("2、没有现成信息需要另行制作", [1, 0, 0, 0, 0, 0]),
    ("3、补正后申请内容仍不明确", [0, 0, 0, 0, 0, 0]),
    ("1、信访举报投诉类申请", [2, 0, 0, 0, 0, 0]),
    ("2、重复申请", [1, 0, 0, 0, 0, 0]),
    ("3、要求提供公开出版物", [0, 0, 0, 0, 0, 0]),
    ("4、无正当理由大量反复申请", [0, 0, 0, 0, 0, 0]),
    ("5、要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0]),
    ("(六)其他处理", [1, 0, 0, 0, 0, 0]),
]


def md_row(cells: list[str | int]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |\n"


def md_header(n: int) -> str:
    return "|" + "---|" * n + "\n"


def lanshan() -> str:
    m = matrix([("", "", v) for _, v in OUTCOMES_2019], [30, 3, 0, 1, 0, 0], [2, 0, 0, 0, 0, 0])
    head = md_row(["申请人情况", "自然人", *COLUMN_LABELS, "总计"]) + md_header(8)
    out = [
        "# 岚山区岚山街道办事处2020年政府信息公开工作年度报告\n\n",
        "本报告所列数据统计期限为2020年1月1日至2020年12月31日。\n\n",
        "## 一、总体情况\n\n2020年，街道办事处认真贯彻新修订的《条例》，全年主动公开信息128条。\n\n",
        "## 二、主动公开政府信息情况\n\n### 第二十条第（一）项\n",
        md_row(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        md_header(4),
        md_row(["规章", 0, 0, 0]),
        md_row(["规范性文件", 4, 4, 26]),
        "\n### 第二十条第（五）项\n",
        md_row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
        md_header(4),
        md_row(["行政许可", 36, -2, 412]),
        md_row(["其他对外管理服务事项", 8, 0, 95]),
        "\n### 第二十条第（六）项\n",
        md_row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
        md_header(4),
        md_row(["行政处罚", 120, 3, 64]),
        md_row(["行政强制", 12, 0, 2]),
        "\n### 第二十条第（八）项\n",
        md_row(["信息内容", "上一年项目数量", "本年增/减"]),
        md_header(3),
        md_row(["行政事业性收费", 4, -1]),
        "\n### 第二十条第（九）项\n",
        md_row(["信息内容", "采购项目数量", "采购总金额"]),
        md_header(3),
        md_row(["政府集中采购", 3, "126000元"]),
        "\n## 三、收到和处理政府信息公开申请情况\n\n",
        HEADER_NOTE + "\n\n",
        head,
        md_row(["一、本年新收政府信息公开申请数量", *m["new"]]),
        md_row(["二、上年结转政府信息公开申请数量", *m["carried"]]),
    ]
    for label, values in OUTCOMES_2019[:10]:
        out.append(md_row([label, *with_total(values)]))
    out.append("\n（续表）\n\n" + head)  # the page break repeated the header
    for label, values in OUTCOMES_2019[10:]:
        out.append(md_row([label, *with_total(values)]))
    out.append(md_row(["(七)总计", *m["processed"]]))
    out.append(md_row(["四、结转下年度继续办理", *m["forward"]]))
    out += [
        "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n",
        md_row(["行政复议"] * 5 + ["行政诉讼"] * 10),
        md_header(15),
        md_row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
        md_row([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]),
        "\n## 五、存在的主要问题及改进情况\n\n信息公开的及时性还需提高。\n\n",
        "## 六、其他需要报告的事项\n\n无。\n\n岚山区岚山街道办事处\n\n二〇二一年一月二十日\n",
    ]
    return "".join(out)


def donghu() -> str:
    rows = [
        ("（一）予以公开", [6, "", "", "", "", ""]),
        ("（二）部分公开", [1, "", "", "", "", ""]),
        ("1.属于国家秘密", ["", "", "", "", "", ""]),
        ("2.其他法律行政法规禁止公开", ["", "", "", "", "", ""]),
        ("3.危及“三安全一稳定”", ["", "", "", "", "", ""]),
        ("4.保护第三方合法权益", ["", "", "", "", "", ""]),
        ("5.属于三类内部事务信息", ["", "", "", "", "", ""]),
        ("6.属于四类过程性信息", ["", "", "", "", "", ""]),
        ("7.属于行政执法案卷", ["", "", "", "", "", ""]),
        ("8.属于行政查询事项", ["", "", "", "", "", ""]),
        ("1.本机关不掌握相关政府信息", [2, "", "", "", "", ""]),
        ("2.没有现成信息需要另行制作", ["", "", "", "", "", ""]),
        ("3.补正后申请内容仍不明确", ["", "", "", "", "", ""]),
        ("1.信访举报投诉类申请", ["", "", "", "", "", ""]),
        ("2.重复申请", ["", "", "", "", "", ""]),
        ("3.要求提供公开出版物", ["", "", "", "", "", ""]),
        ("4.无正当理由大量反复申请", ["", "", "", "", "", ""]),
        ("5.要求行政机关确认或重新出具已获取信息", ["", "", "", "", "", ""]),
        ("（六）其他处理", [1, "", "", "", "", ""]),
    ]

    def total(values: list[int | str]) -> list[int | str]:
        nums = [v for v in values if isinstance(v, int)]
        return [*values, sum(nums) if nums else ""]

    out = [
        "\ufeff东湖乡人民政府2023年度政府信息公开工作年度报告\n\n",
        "一、总体情况\n\n2023年，东湖乡在县政府办公室的指导下推进政务公开。\n\n",
        "二、主动公开政府信息情况\n\n",
        md_row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
        md_header(4),
        md_row(["规章", "/", "/", "/"]),
        md_row(["行政规范性文件", 1, 0, 4]),
        md_row(["信息内容", "本年处理决定数量"]),
        md_row(["行政许可", 18]),
        md_row(["行政处罚", 3]),
        md_row(["行政强制", 0]),
        md_row(["信息内容", "本年收费金额（单位：万元）"]),
        md_row(["行政事业性收费", "0.35"]),
        "\n三、收到和处理政府信息公开申请情况\n\n",
        md_row(["申请人情况", "自然人", *COLUMN_LABELS, "总计"]),
        md_header(8),
        md_row(["一、本年新收政府信息公开申请数量", 9, "", "", "", "", "", 9]),
        md_row(["二、上年结转政府信息公开申请数量", 1, "", "", "", "", "", 1]),
    ]
    for label, values in rows:
        out.append(md_row([label, *total(values)]))
    out.append(md_row(["（七）总计", 10, "", "", "", "", "", 10]))
    out.append(md_row(["四、结转下年度继续办理", 0, "", "", "", "", "", 0]))
    out += [
        "\n四、政府信息公开行政复议、行政诉讼情况\n\n",
        md_row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
        md_header(15),
        md_row([0] * 15),
        "\n五、存在的主要问题及改进情况\n\n工作人员业务能力有待提升。\n\n",
        "六、其他需要报告的事项\n\n无。\n\n东湖乡人民政府\n2024年1月20日\n",
    ]
    return "".join(out)


def main() -> None:
    (HERE / "qinghe_zrzyj_2024.txt").write_bytes(qinghe().encode("gb18030"))
    (HERE / "lanshan_jiedao_2020.md").write_text(lanshan(), encoding="utf-8")
    (HERE / "donghu_xiang_2023.md").write_bytes(donghu().encode("utf-8"))


if __name__ == "__main__":
    main()
