"""Synthetic portal pages for the HTML reader tests: a report's numbers in the template's real layout.

The tables are laid out the way published pages draw them (spec §4: the 3-row header
of 表三 with its merged cells, the rowspan block label 三、本年度办理结果, grouped item
rows), optionally in Word-pasted markup (every label split over several ``<span>``s,
values wrapped in ``<p class=MsoNormal>``) and inside portal furniture (navigation,
breadcrumb, metadata block, footer).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from disclosure_parser.schema import APPEAL_GROUPS, APPEAL_LEAVES, APPLICANT_COLUMNS, APPLICATION_ROWS, PROACTIVE_ITEMS

from ..synth import Synth

BLANK = object()  # a value rendered as an empty cell (&nbsp;)


@dataclass
class Style:
    word: bool = False  # Word-pasted markup: labels split over spans, MsoNormal paragraphs
    portal: bool = True  # navigation, breadcrumb, metadata block and footer around the article
    title_outside: bool = False  # the CMS prints the title in an <h1> beside the body
    blank_zero: bool = False  # zero cells left blank (&nbsp; / <o:p></o:p>) instead of 0


def _text(value: str, style: Style) -> str:
    esc = html.escape(value)
    if not style.word or len(value) < 2:
        return f"<p>{esc}</p>" if style.word else esc
    half = len(value) // 2
    parts = [value[:half], value[half:]]
    spans = "".join(f'<span style="font-family:仿宋_GB2312">{html.escape(p)}</span>' for p in parts)
    return f'<p class="MsoNormal" align="center">{spans}<span lang="EN-US"><o:p></o:p></span></p>'


def _value(value: object, style: Style) -> str:
    if value is BLANK or value == "" or (style.blank_zero and value == 0):
        return "<o:p>&nbsp;</o:p>" if style.word else "&nbsp;"
    return _text(str(value), style)


def _td(content: str, *, rowspan: int = 1, colspan: int = 1) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<td{attrs}>{content}</td>"


def proactive_table(s: Synth, style: Style) -> str:
    rows = []
    caption = None
    for item in PROACTIVE_ITEMS[s.template]:  # type: ignore[index]
        if item.caption != caption:
            caption = item.caption
            rows.append(_td(_text(caption, style), colspan=4))
            heads = "".join(_td(_text(c.label, style)) for c in item.columns)
            rows.append(_td(_text("信息内容", style)) + heads)
        vals = "".join(_td(_value(s.cells.get(f"proactive.{item.key}.{c.key}", ""), style)) for c in item.columns)
        rows.append(_td(_text(item.label, style)) + vals)
    return "<table border=1>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _app_values(s: Synth, key: str, style: Style, *, irregular: bool) -> str:
    out = []
    for c, _ in APPLICANT_COLUMNS:
        wide = irregular and c == "commercial_enterprise"
        out.append(_td(_value(s.cells.get(f"applications.{key}.{c}", ""), style), colspan=2 if wide else 1))
    return "".join(out)


def applications_table(s: Synth, style: Style, *, irregular: bool = False) -> str:
    """表三; ``irregular`` draws the Pingtan 2021 grid (corpus pingtan_zonghe_2021.html): 自然人
    colspan=2 over a blank header cell, 商业企业 header and data cells colspan=2 → 11 columns."""
    t = _td
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    if irregular:
        heads = [
            t(_text("自然人", style), colspan=2) + t(_text("法人或其他组织", style), colspan=5),
            t("&nbsp;") + t(_text("商业企业", style), colspan=2),
        ]
    else:
        heads = [t(_text("自然人", style), rowspan=2) + t(_text("法人或其他组织", style), colspan=5), ""]
    rows = [
        t(_text(note, style), rowspan=3, colspan=3) + t(_text("申请人情况", style), colspan=8 if irregular else 7),
        heads[0] + t(_text("总计", style), rowspan=2),
        heads[1] + "".join(t(_text(lab, style)) for _, lab in APPLICANT_COLUMNS[1 + irregular : 6]),
    ]
    data = [
        r for r in APPLICATION_ROWS if s.template in r.templates and not (s.template == "2021" and r.key == "other")
    ]
    block = len(data) - 3  # every row between 二、上年结转 and 四、结转下年度
    groups: dict[str, int] = {}
    for r in data:
        if r.group:
            groups[r.group] = groups.get(r.group, 0) + 1
    seen: set[str] = set()
    for r in data:
        cells = ""
        if r.key in ("new_received", "carried_over", "carried_forward"):
            cells = t(_text(r.label, style), colspan=3)
        else:
            if r.key == "granted":
                cells += t(_text("三、本年度办理结果", style), rowspan=block)
            if r.group and r.group not in seen:
                seen.add(r.group)
                cells += t(_text(r.group, style), rowspan=groups[r.group])
            cells += t(_text(r.label, style)) if r.group else t(_text(r.label, style), colspan=2)
        rows.append(cells + _app_values(s, r.key, style, irregular=irregular))
    return "<table border=1>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def appeals_table(s: Synth, style: Style) -> str:
    t = _td
    leaves = [lab for _, lab in APPEAL_LEAVES]
    rows = [
        t(_text("行政复议", style), colspan=5) + t(_text("行政诉讼", style), colspan=10),
        "".join(t(_text(lab, style), rowspan=2) for lab in leaves)
        + t(_text("未经复议直接起诉", style), colspan=5)
        + t(_text("复议后起诉", style), colspan=5),
        "".join(t(_text(lab, style)) for lab in leaves * 2),
        "".join(
            t(_value(s.cells.get(f"{g}.{leaf}", ""), style)) for g, _ in APPEAL_GROUPS for leaf, _ in APPEAL_LEAVES
        ),
    ]
    return "<table border=1>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


TITLE = "测试县测试局2024年度政府信息公开工作年度报告"


def article(s: Synth, style: Style, *, tables: dict[str, str] | None = None) -> str:
    """The report body; ``tables`` replaces a part's table markup (e.g. by an <img>)."""
    tables = tables or {}
    title = "" if style.title_outside else f"<p style='text-align:center'>{TITLE}</p>"
    parts = [
        title,
        "<p>一、总体情况</p><p>本年度，我局认真贯彻《条例》。</p>",
        "<p>二、主动公开政府信息情况</p>",
        tables.get("二", proactive_table(s, style)),
        "<p>三、收到和处理政府信息公开申请情况</p>",
        tables.get("三", applications_table(s, style)),
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>",
        tables.get("四", appeals_table(s, style)),
        "<p>五、存在的主要问题及改进情况</p><p>无。</p>",
        "<p>六、其他需要报告的事项</p><p>无。</p>",
        "<p style='text-align:right'>测试县测试局</p><p style='text-align:right'>2025年1月20日</p>",
    ]
    return "".join(parts)


def page(s: Synth, style: Style | None = None, *, tables: dict[str, str] | None = None, charset: str = "utf-8") -> str:
    """A whole portal page around the article."""
    style = style or Style()
    body = f'<div class="TRS_Editor">{article(s, style, tables=tables)}</div>'
    if style.title_outside:
        body = f'<h1 class="article-title">{TITLE}</h1><div class="article-content">{body}</div>'
    if not style.portal:
        return f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'
    nav = "".join(f'<li><a href="/{i}">栏目{i}</a></li>' for i in range(12))
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" content="2025-01-21 09:30">
<meta name="viewport" content="width=device-width"><title>{TITLE}_政府信息公开年报_测试县人民政府</title>
<script>var x = "一、总体情况 二、主动公开政府信息情况";</script><style>p {{ margin: 0 }}</style></head>
<body><div class="header"><ul class="nav">{nav}</ul><form><input name="q"><button>搜索</button></form></div>
<div class="main"><div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/x">政府信息公开年报</a></div>
<div class="info"><table class="xxgk"><tr><td>索引号</td><td>11320000-2025-00001</td>
<td>发布机构</td><td>测试县测试局</td></tr><tr><td>成文日期</td><td>2025-01-20</td><td>发布日期</td>
<td>2025-01-21</td></tr></table></div>
<div class="article">{body}</div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a> 【打印本页】【关闭窗口】</div></div>
<div class="footer"><p>主办单位：测试县人民政府办公室 网站标识码：1234567890</p><p>苏ICP备12345678号</p>
<p>版权所有：测试县人民政府</p></div></body></html>"""
