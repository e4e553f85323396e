"""The public, typed records a parse returns (pydantic v2).

:class:`Report` is what users receive. Every numeric cell is a :class:`Cell` that
keeps its value, the raw text it was read from and where that text was, so a blank
(``value=None, raw=""``), a placeholder (``raw="—"``) and a cell that was not found
at all (``raw=None``) stay distinguishable. ``Report.cells()`` flattens the tables
to the canonical keys of ``schema`` for the detected template version.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .document import Location
from .schema import SectionId

__all__ = [
    "ApplicantRow",
    "ApplicationMatrix",
    "Cell",
    "Finding",
    "Outcomes",
    "Proactive",
    "Proactive2019",
    "Proactive2021",
    "ReportMeta",
    "ReviewLitigation",
    "Section",
    "SectionId",
    "Severity",
    "SourceInfo",
    "SourceRef",
    "Status",
    "TemplateVersion",
]

TemplateVersion = Literal["2019", "2021", "legacy"]
Status = Literal["ok", "needs_ocr", "not_a_report"]
Severity = Literal["info", "warning", "error"]
CellValue = int | float | None


# Where a value or finding came from in the input: ``page``, ``line`` (1-based), ``table``,
# ``row``, ``col`` (0-based), each None when the reader could not know it. The reader's own
# frozen dataclass, so a cell's location costs nothing to carry into the report.
SourceRef = Location


class Cell(BaseModel):
    """One numeric cell: value (None for blank/placeholder/unreadable), raw text, location, OCR confidence."""

    model_config = ConfigDict(frozen=True)

    value: int | float | None = None
    raw: str | None = Field(None, description="text as printed; None when the cell was not found at all")
    source: SourceRef | None = None
    note: str | None = Field(None, description="annotation printed with the number, or its unit")
    confidence: float | None = Field(
        None,
        description="OCR recognition confidence (0-1) of the cell's least sure character; "
        "None when the cell was not read by OCR (or OCR found it blank)",
    )


def _cell() -> Cell:
    return Cell()


class ApplicantRow(BaseModel):
    """One row of the part-三 matrix: the seven applicant columns."""

    natural_person: Cell = Field(default_factory=_cell, description="自然人")
    commercial_enterprise: Cell = Field(default_factory=_cell, description="法人或其他组织 商业企业")
    research_institution: Cell = Field(default_factory=_cell, description="法人或其他组织 科研机构")
    social_welfare_org: Cell = Field(default_factory=_cell, description="法人或其他组织 社会公益组织")
    legal_service_org: Cell = Field(default_factory=_cell, description="法人或其他组织 法律服务机构")
    other_org: Cell = Field(default_factory=_cell, description="法人或其他组织 其他")
    total: Cell = Field(default_factory=_cell, description="总计")


def _row() -> ApplicantRow:
    return ApplicantRow()


class ApplicationMatrix(BaseModel):
    """Part 三: rows × the seven applicant columns.

    Holds the rows of both template versions; ``Report.cells()`` exposes those of the
    detected version. In a 2021 report ``other`` is filled only when the report prints
    （六）其他处理 as one row the 2019 way; otherwise its three sub-rows are.
    """

    new_received: ApplicantRow = Field(default_factory=_row, description="一、本年新收政府信息公开申请数量")
    carried_over: ApplicantRow = Field(default_factory=_row, description="二、上年结转政府信息公开申请数量")
    granted: ApplicantRow = Field(default_factory=_row, description="（一）予以公开")
    partially_granted: ApplicantRow = Field(
        default_factory=_row, description="（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    )
    denied_state_secret: ApplicantRow = Field(default_factory=_row, description="（三）不予公开 1.属于国家秘密")
    denied_prohibited_by_law: ApplicantRow = Field(
        default_factory=_row, description="（三）不予公开 2.其他法律行政法规禁止公开"
    )
    denied_security_stability: ApplicantRow = Field(
        default_factory=_row, description="（三）不予公开 3.危及“三安全一稳定”"
    )
    denied_third_party_rights: ApplicantRow = Field(
        default_factory=_row, description="（三）不予公开 4.保护第三方合法权益"
    )
    denied_internal_affairs: ApplicantRow = Field(
        default_factory=_row, description="（三）不予公开 5.属于三类内部事务信息"
    )
    denied_process_info: ApplicantRow = Field(default_factory=_row, description="（三）不予公开 6.属于四类过程性信息")
    denied_enforcement_file: ApplicantRow = Field(default_factory=_row, description="（三）不予公开 7.属于行政执法案卷")
    denied_admin_query: ApplicantRow = Field(default_factory=_row, description="（三）不予公开 8.属于行政查询事项")
    unavailable_not_held: ApplicantRow = Field(
        default_factory=_row, description="（四）无法提供 1.本机关不掌握相关政府信息"
    )
    unavailable_needs_creation: ApplicantRow = Field(
        default_factory=_row, description="（四）无法提供 2.没有现成信息需要另行制作"
    )
    unavailable_unclear: ApplicantRow = Field(
        default_factory=_row, description="（四）无法提供 3.补正后申请内容仍不明确"
    )
    not_processed_petition: ApplicantRow = Field(
        default_factory=_row, description="（五）不予处理 1.信访举报投诉类申请"
    )
    not_processed_repeat: ApplicantRow = Field(default_factory=_row, description="（五）不予处理 2.重复申请")
    not_processed_publication: ApplicantRow = Field(
        default_factory=_row, description="（五）不予处理 3.要求提供公开出版物"
    )
    not_processed_excessive: ApplicantRow = Field(
        default_factory=_row, description="（五）不予处理 4.无正当理由大量反复申请"
    )
    not_processed_confirmation: ApplicantRow = Field(
        default_factory=_row, description="（五）不予处理 5.要求行政机关确认或重新出具已获取信息"
    )
    other: ApplicantRow = Field(default_factory=_row, description="（六）其他处理")
    other_no_correction: ApplicantRow = Field(
        default_factory=_row,
        description="（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    other_no_fee: ApplicantRow = Field(
        default_factory=_row,
        description="（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    other_misc: ApplicantRow = Field(default_factory=_row, description="（六）其他处理 3.其他")
    total_processed: ApplicantRow = Field(default_factory=_row, description="（七）总计")
    carried_forward: ApplicantRow = Field(default_factory=_row, description="四、结转下年度继续办理")

    def _repr_html_(self) -> str:
        from .display import matrix_html  # rendering is only needed in notebooks

        return matrix_html(self, None)


class Outcomes(BaseModel):
    """Five outcome cells of part 四 (one group)."""

    upheld: Cell = Field(default_factory=_cell, description="结果维持")
    corrected: Cell = Field(default_factory=_cell, description="结果纠正")
    other: Cell = Field(default_factory=_cell, description="其他结果")
    pending: Cell = Field(default_factory=_cell, description="尚未审结")
    total: Cell = Field(default_factory=_cell, description="总计")


def _outcomes() -> Outcomes:
    return Outcomes()


class ReviewLitigation(BaseModel):
    """Part 四: 行政复议 and the two kinds of 行政诉讼."""

    review: Outcomes = Field(default_factory=_outcomes, description="行政复议")
    litigation_direct: Outcomes = Field(default_factory=_outcomes, description="行政诉讼 未经复议直接起诉")
    litigation_after_review: Outcomes = Field(default_factory=_outcomes, description="行政诉讼 复议后起诉")


def _f(label: str) -> Cell:
    return Field(default_factory=_cell, description=label)


class DocumentCounts2019(BaseModel):
    """第二十条第（一）项 row, 2019 template."""

    newly_made: Cell = _f("本年新制作数量")
    newly_published: Cell = _f("本年新公开数量")
    total_published: Cell = _f("对外公开总数量")


class ItemCounts2019(BaseModel):
    """第二十条第（五）/（六）项 row, 2019 template (本年增/减 is signed)."""

    previous_items: Cell = _f("上一年项目数量")
    change: Cell = _f("本年增/减")
    decisions: Cell = _f("处理决定数量")


class FeeCounts2019(BaseModel):
    """第二十条第（八）项 row, 2019 template (no amount column)."""

    previous_items: Cell = _f("上一年项目数量")
    change: Cell = _f("本年增/减")


class Procurement2019(BaseModel):
    """第二十条第（九）项 政府集中采购, 2019 template; the amount normalised to 万元."""

    projects: Cell = _f("采购项目数量")
    amount: Cell = _f("采购总金额（万元）")


class Proactive2019(BaseModel):
    """Part 二, 2019 template: five sub-tables, 22 cells."""

    template: Literal["2019"] = "2019"
    rules: DocumentCounts2019 = Field(default_factory=DocumentCounts2019, description="规章")
    normative_documents: DocumentCounts2019 = Field(default_factory=DocumentCounts2019, description="规范性文件")
    licensing: ItemCounts2019 = Field(default_factory=ItemCounts2019, description="行政许可")
    other_services: ItemCounts2019 = Field(default_factory=ItemCounts2019, description="其他对外管理服务事项")
    penalty: ItemCounts2019 = Field(default_factory=ItemCounts2019, description="行政处罚")
    coercion: ItemCounts2019 = Field(default_factory=ItemCounts2019, description="行政强制")
    fees: FeeCounts2019 = Field(default_factory=FeeCounts2019, description="行政事业性收费")
    procurement: Procurement2019 = Field(default_factory=Procurement2019, description="政府集中采购")


class DocumentCounts2021(BaseModel):
    """第二十条第（一）项 row, 2021 template."""

    issued: Cell = _f("本年制发件数")
    repealed: Cell = _f("本年废止件数")
    in_force: Cell = _f("现行有效件数")


class Decisions2021(BaseModel):
    """第二十条第（五）/（六）项 row, 2021 template."""

    decisions: Cell = _f("本年处理决定数量")


class Fees2021(BaseModel):
    """第二十条第（八）项 row, 2021 template."""

    amount_10k_yuan: Cell = _f("本年收费金额（单位：万元）")


class Proactive2021(BaseModel):
    """Part 二, 2021 template: four sub-tables, 10 cells."""

    template: Literal["2021"] = "2021"
    rules: DocumentCounts2021 = Field(default_factory=DocumentCounts2021, description="规章")
    normative_documents: DocumentCounts2021 = Field(default_factory=DocumentCounts2021, description="行政规范性文件")
    licensing: Decisions2021 = Field(default_factory=Decisions2021, description="行政许可")
    penalty: Decisions2021 = Field(default_factory=Decisions2021, description="行政处罚")
    coercion: Decisions2021 = Field(default_factory=Decisions2021, description="行政强制")
    fees: Fees2021 = Field(default_factory=Fees2021, description="行政事业性收费")


Proactive = Annotated[Proactive2019 | Proactive2021, Field(discriminator="template")]


class Finding(BaseModel):
    """A non-fatal problem or observation, with a stable ``code`` researchers can filter on."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity = "warning"
    message: str
    cells: list[str] = Field(default_factory=list, description="canonical keys this finding concerns")
    section: SectionId | None = None
    source: SourceRef | None = None
    raw: str | None = Field(None, description="raw text involved, when useful")


class SourceInfo(BaseModel):
    """Provenance of the input: reproducible, deduplicatable bulk runs."""

    name: str | None = None
    sha256: str
    size: int
    format: str
    reader: str
    encoding: str | None = None
    pages: int | None = None
    parser_version: str


class ReportMeta(BaseModel):
    """What the report says about itself, plus what its container said (``portal``)."""

    agency: str | None = Field(None, description="issuing body as in the title")
    year: int | None = Field(None, description="reporting year (报告年度)")
    published: dt.date | None = Field(None, description="date of the signature at the end (落款日期)")
    title: str | None = None
    source: SourceInfo | None = None
    portal: dict[str, str] = Field(
        default_factory=dict, description="metadata from the page/container (发布机构, 发布时间 …), as found"
    )


class Section(BaseModel):
    """One of the six parts: heading as printed, its prose, and its tables as text grids."""

    id: SectionId
    heading: str | None = None
    text: str = ""
    tables: list[list[list[str]]] = Field(default_factory=list)
