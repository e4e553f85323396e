"""Synthetic DOCX files for the reader tests, built in memory.

Two builders:

* :func:`package` writes a minimal Word package around hand-written WordprocessingML
  (for structures python-docx cannot make: numbering definitions, tracked changes,
  text boxes, content controls, legacy merges, hostile XML);
* :func:`template_report` uses python-docx to write a whole report in either template
  version with the national template's merged header cells and the vertically merged
  label blocks (``三、本年度办理结果`` over 20 or 22 rows, ``（三）不予公开`` over 8 …).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping

import docx
from docx.table import Table

from disclosure_parser.schema import (
    APPEAL_GROUPS,
    APPEAL_LEAVES,
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    PROACTIVE_ITEMS,
    ProactiveItem,
    Template,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_PKG_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rIdN" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
    'Target="numbering.xml"/>'
    '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    'Target="media/image1.png"/>'
    "</Relationships>"
)


def document(body: str) -> str:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f"{head}<w:document {NSDECL}><w:body>{body}</w:body></w:document>"


def package(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    core: str | None = None,
    document_xml: str | None = None,
    extra: Mapping[str, bytes | str] | None = None,
) -> bytes:
    """A Word package around ``body`` (the children of ``w:body``)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _PKG_RELS)
        zf.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        zf.writestr("word/document.xml", document_xml if document_xml is not None else document(body))
        if numbering is not None:
            zf.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
        if styles is not None:
            zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
        if core is not None:
            zf.writestr("docProps/core.xml", core)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def p(text: str = "", ppr: str = "") -> str:
    """A paragraph with one run (``\\n`` becomes a soft line break)."""
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{part}</w:t>' for part in text.split("\n"))
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}<w:r>{runs}</w:r></w:p>"


def tc(content: str = "", props: str = "") -> str:
    """A cell: ``content`` is paragraph XML, or plain text made into one paragraph."""
    inner = content if content.startswith("<") else p(content)
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{inner or p()}</w:tc>"


def tbl(rows: list[str], grid: int) -> str:
    cols = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    return f"<w:tbl><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


# -- a whole report written the way Word writes the national template ----------------------------


def _merge(table: Table, r0: int, c0: int, r1: int, c1: int, text: str) -> None:
    cell = table.cell(r0, c0).merge(table.cell(r1, c1))
    cell.text = text


def _proactive(d: docx.document.Document, cells: Mapping[str, int | float], template: Template) -> None:
    captions: dict[str, list[ProactiveItem]] = {}
    for item in PROACTIVE_ITEMS[template]:
        captions.setdefault(item.caption, []).append(item)
    for caption, items in captions.items():
        cols = items[0].columns
        t = d.add_table(rows=2 + len(items), cols=1 + len(cols))
        _merge(t, 0, 0, 0, len(cols), caption)
        t.cell(1, 0).text = "信息内容"
        for j, col in enumerate(cols, start=1):
            t.cell(1, j).text = col.label
        for i, item in enumerate(items, start=2):
            t.cell(i, 0).text = item.label
            for j, col in enumerate(cols, start=1):
                t.cell(i, j).text = str(cells.get(f"proactive.{item.key}.{col.key}", ""))


def _applications(d: docx.document.Document, cells: Mapping[str, int | float], template: Template) -> None:
    rows = [r for r in APPLICATION_ROWS if template in r.templates and not (template == "2021" and r.key == "other")]
    t = d.add_table(rows=3 + len(rows), cols=10)
    _merge(t, 0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    _merge(t, 0, 3, 0, 9, "申请人情况")
    _merge(t, 1, 3, 2, 3, "自然人")
    _merge(t, 1, 4, 1, 8, "法人或其他组织")
    _merge(t, 1, 9, 2, 9, "总计")
    for j, (_, label) in enumerate(APPLICANT_COLUMNS[1:6], start=4):
        t.cell(2, j).text = label
    first = {r.key: 3 + i for i, r in enumerate(rows)}
    outcome_rows = [r for r in rows if r.key not in ("new_received", "carried_over", "carried_forward")]
    _merge(t, first["granted"], 0, first["total_processed"], 0, "三、本年度办理结果")  # 20 rows (2019), 22 (2021)
    for group in sorted({r.group for r in outcome_rows if r.group}):
        members = [first[r.key] for r in outcome_rows if r.group == group]
        _merge(t, members[0], 1, members[-1], 1, group)
    for row in rows:
        i = first[row.key]
        if row.key in ("new_received", "carried_over", "carried_forward"):
            _merge(t, i, 0, i, 2, row.label)
        elif not row.group:
            _merge(t, i, 1, i, 2, row.label)
        else:
            t.cell(i, 2).text = row.label
        for j, (ckey, _) in enumerate(APPLICANT_COLUMNS, start=3):
            t.cell(i, j).text = str(cells.get(f"applications.{row.key}.{ckey}", ""))


def _appeals(d: docx.document.Document, cells: Mapping[str, int | float]) -> None:
    t = d.add_table(rows=4, cols=15)
    _merge(t, 0, 0, 0, 4, "行政复议")
    _merge(t, 0, 5, 0, 14, "行政诉讼")
    for j, (_, leaf) in enumerate(APPEAL_LEAVES):
        _merge(t, 1, j, 2, j, leaf)
    _merge(t, 1, 5, 1, 9, "未经复议直接起诉")
    _merge(t, 1, 10, 1, 14, "复议后起诉")
    for k in range(10):
        t.cell(2, 5 + k).text = APPEAL_LEAVES[k % 5][1]
    for g, (group, _) in enumerate(APPEAL_GROUPS):
        for j, (leaf, _) in enumerate(APPEAL_LEAVES):
            t.cell(3, 5 * g + j).text = str(cells.get(f"{group}.{leaf}", ""))


def template_report(
    cells: Mapping[str, int | float],
    *,
    template: Template = "2021",
    title: str = "测试县测试局2024年度政府信息公开工作年度报告",
) -> bytes:
    """A report in the ``template`` format written with python-docx, merged cells as Word merges them."""
    d = docx.Document()
    d.add_paragraph(title)
    d.add_paragraph("一、总体情况")
    d.add_paragraph("2024年，本局认真贯彻《条例》。")
    d.add_paragraph("二、主动公开政府信息情况")
    _proactive(d, cells, template)
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    _applications(d, cells, template)
    d.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    _appeals(d, cells)
    d.add_paragraph("五、存在的主要问题及改进情况")
    d.add_paragraph("无。")
    d.add_paragraph("六、其他需要报告的事项")
    d.add_paragraph("无。")
    d.add_paragraph("测试县测试局")
    d.add_paragraph("2025年1月20日")
    d.sections[0].header.paragraphs[0].text = "页眉：测试县测试局 一、总体情况"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    d.core_properties.title = title
    d.core_properties.author = "测试员"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# -- OLE compound files (what an encrypted .docx or a legacy .doc really is) ----------------------

_ENDOFCHAIN, _FATSECT, _FREESECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF


def _dir_entry(name: str, kind: int, child: int = _NOSTREAM, right: int = _NOSTREAM) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    entry = raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1)
    entry += struct.pack("<III", _NOSTREAM, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
    entry += struct.pack("<IQ", _ENDOFCHAIN, 0)
    return entry.ljust(128, b"\x00")


def ole(*streams: str) -> bytes:
    """A minimal, structurally valid compound file (MS-CFB v3) holding empty streams ``streams``:
    ``("EncryptionInfo", "EncryptedPackage")`` is what Word writes for a password-protected
    .docx, ``("WordDocument", "1Table")`` a legacy binary .doc."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, _ENDOFCHAIN, 0, _ENDOFCHAIN)
    header += struct.pack("<I", 0) + struct.pack("<I", _FREESECT) * 108  # DIFAT: the FAT is sector 0
    header = header.ljust(512, b"\xff")[:512]
    fat = struct.pack("<II", _FATSECT, _ENDOFCHAIN) + struct.pack("<I", _FREESECT) * 126
    entries = [_dir_entry("Root Entry", 5, child=1 if streams else _NOSTREAM)]
    for i, name in enumerate(streams, start=1):
        entries.append(_dir_entry(name, 2, right=i + 1 if i < len(streams) else _NOSTREAM))
    directory = b"".join(entries).ljust(512, b"\x00")
    return header + fat + directory
