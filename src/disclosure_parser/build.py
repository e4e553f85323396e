"""From a :class:`RawDocument` to a :class:`Report`: segment, detect, normalise, validate."""

from __future__ import annotations

from .detect import detect_template
from .document import Figure, Paragraph, RawDocument, RawTable
from .metadata import read_meta
from .models import ReportMeta, Section, SourceInfo
from .readers.pdf.ocr import INSTALL_HINT
from .readings import attach_confidence, check_readings
from .rejoin import rejoin_wrapped_numbers
from .report import Report
from .schema import SectionId, Template
from .segmenter import Segmentation, segment
from .tables.appeals import normalise_appeals
from .tables.applications import normalise_applications
from .tables.cells import Findings
from .tables.inline import inline_appeal_rows, inline_application_rows, inline_proactive_rows, leaves_blanks
from .tables.proactive import normalise_proactive
from .tables.rows import mostly_adjacent, section_rows
from .validation import check_relations

__all__ = ["build_report"]

_TABLE_PARTS = (SectionId.PROACTIVE, SectionId.APPLICATIONS, SectionId.APPEALS)
_PART_NAMES = {
    SectionId.PROACTIVE: "主动公开政府信息情况",
    SectionId.APPLICATIONS: "收到和处理政府信息公开申请情况",
    SectionId.APPEALS: "政府信息公开行政复议、行政诉讼情况",
}


def _sections(seg: Segmentation) -> list[Section]:
    return [
        Section.model_construct(id=s.id, heading=s.heading, text=s.text(), tables=[t.texts() for t in s.tables()])
        for s in seg.sections
    ]


def _tail(doc: RawDocument, seg: Segmentation) -> list[Paragraph]:
    blocks = seg.sections[-1].blocks if seg.sections else doc.blocks
    return [b for b in blocks if isinstance(b, Paragraph)]


def _part_blocks(doc: RawDocument, seg: Segmentation, sid: SectionId) -> list[Paragraph | RawTable | Figure]:
    span = seg.get(sid)
    return list(span.blocks) if span is not None else []


def _has_figure(seg: Segmentation, sid: SectionId) -> bool:
    span = seg.get(sid)
    return span is not None and any(isinstance(b, Figure) for b in span.blocks)


def _ocr_status(doc: RawDocument, report: Report, findings: Findings) -> None:
    for page in doc.ocr_pages:
        findings.add(
            "P1",
            f"page {page} has no usable text layer (a scan or unreadable glyphs); it needs OCR: "
            f'{INSTALL_HINT} and parse with ocr="auto" (CLI: --ocr auto)',
            severity="warning",
            location=None,
        )
    if doc.ocr_pages:
        report.status = "needs_ocr"


def _paragraph_texts(seg: Segmentation, sid: SectionId) -> list[str]:
    span = seg.get(sid)
    return [b.text for b in span.blocks if isinstance(b, Paragraph)] if span is not None else []


def _read_tables(report: Report, doc: RawDocument, seg: Segmentation, template: Template, findings: Findings) -> None:
    """Normalise each part's tables; where a part has none, try its run-together text."""
    furniture = frozenset(doc.furniture_lines)
    parts = {sid: _part_blocks(doc, seg, sid) for sid in _TABLE_PARTS}
    dense = mostly_adjacent([b for blocks in parts.values() for b in blocks], furniture)
    p2 = section_rows(parts[SectionId.PROACTIVE], furniture=furniture, dense=dense)
    report.proactive = normalise_proactive(p2, template, findings)
    if report.proactive is None:
        rows = inline_proactive_rows(_paragraph_texts(seg, SectionId.PROACTIVE), template, findings)
        report.proactive = normalise_proactive(rows, template, findings)
    p3 = section_rows(parts[SectionId.APPLICATIONS], furniture=furniture, dense=dense)
    report.applications = normalise_applications(p3, template, findings)
    if report.applications is None:
        rows = inline_application_rows(_paragraph_texts(seg, SectionId.APPLICATIONS), template, findings)
        report.applications = normalise_applications(rows, template, findings)
    p4 = section_rows(parts[SectionId.APPEALS], furniture=furniture, dense=dense)
    report.review_litigation = normalise_appeals(p4, findings)
    if report.review_litigation is None:
        blanks = leaves_blanks(_paragraph_texts(seg, SectionId.APPLICATIONS))
        rows = inline_appeal_rows(_paragraph_texts(seg, SectionId.APPEALS), findings, blanks=blanks)
        report.review_litigation = normalise_appeals(rows, findings)


def _rejoin(report: Report, findings: Findings) -> None:
    """Numbers wrapped inside their cell (``2 6``) that the relations confirm: R5 replaces their T4."""
    repaired = rejoin_wrapped_numbers(report)
    if repaired:
        fixed = {key for f in repaired for key in f.cells}
        findings[:] = [f for f in findings if not (f.code == "T4" and set(f.cells) <= fixed)]
        findings.extend(repaired)


def build_report(doc: RawDocument, source: SourceInfo) -> Report:
    """Interpret an extracted document. Never raises for odd content: problems become findings."""
    findings = Findings()
    for code, message, _ in doc.notes:
        findings.add(code, message, severity="info")
    seg = segment(doc)
    text = doc.text()
    template = detect_template(text)
    tm = read_meta([b for b in seg.preamble if isinstance(b, Paragraph)], _tail(doc, seg), text, doc.properties)
    portal = {k: v for k, v in doc.properties.items() if k != "encoding"}
    meta = ReportMeta(
        agency=tm.agency, year=tm.year, published=tm.published, title=tm.title, source=source, portal=portal
    )
    report = Report(meta=meta, template=template, sections=_sections(seg))
    _ocr_status(doc, report, findings)
    if template is None:
        if report.status == "ok":
            report.status = "not_a_report"
        findings.add("D1", "no template markers and no sign of an annual report: not an annual report", severity="info")
        report.findings = list(findings)
        return report
    if template == "legacy":
        report.findings = list(findings)
        return report
    for sid in seg.missing:
        findings.add("S1", f"part {sid.value} not found", severity="warning", section=sid)
    _read_tables(report, doc, seg, template, findings)
    for sid, got in zip(_TABLE_PARTS, (report.proactive, report.applications, report.review_litigation), strict=True):
        if got is None and _has_figure(seg, sid):
            findings.add(
                "T9",
                f"part {sid.value} ({_PART_NAMES[sid]}) shows an image where its table should be: "
                "the table is published as a picture, its cells are empty",
                severity="warning",
                section=sid,
            )
        elif got is None:
            findings.add(
                "T1",
                f"no table read for part {sid.value} ({_PART_NAMES[sid]}); its cells are empty",
                severity="warning",
                section=sid,
            )
    _rejoin(report, findings)
    findings.extend(check_relations(report))
    if doc.recognised_pages:
        attach_confidence(report, doc)
        findings.extend(check_readings(report, set(doc.recognised_pages)))
    report.findings = list(findings)
    return report
