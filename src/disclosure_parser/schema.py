"""The canonical cell keys of both template versions: the project's data contract.

Generated from the template's structure (rows × columns) rather than typed key by
key, so the 2019 and 2021 sets cannot drift apart by accident. A test checks the
result against ``../shared/spec/keys.tsv`` (same keys, order, labels and value types)
whenever that file is present.

Key shapes: ``proactive.<item>.<column>``, ``applications.<row>.<applicant column>``,
``review.<leaf>``, ``litigation_direct.<leaf>``, ``litigation_after_review.<leaf>``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "APPEAL_GROUPS",
    "APPEAL_LEAVES",
    "APPLICANT_COLUMNS",
    "APPLICATION_ROWS",
    "PROACTIVE_ITEMS",
    "KeySpec",
    "SectionId",
    "Template",
    "ValueType",
    "key_spec",
    "keys_for",
]

Template = Literal["2019", "2021"]
ValueType = Literal["int", "signed_int", "decimal"]
TEMPLATES: tuple[Template, ...] = ("2019", "2021")


class SectionId(str, enum.Enum):
    """The six numbered parts of a report."""

    OVERVIEW = "一"
    PROACTIVE = "二"
    APPLICATIONS = "三"
    APPEALS = "四"
    PROBLEMS = "五"
    OTHER = "六"

    @property
    def number(self) -> int:
        return "一二三四五六".index(self.value) + 1


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One canonical cell: its key, which table it belongs to, and its Chinese labels."""

    key: str
    table: Literal["proactive", "applications", "review_litigation"]
    template: Template
    row_label: str
    column_label: str
    value_type: ValueType


@dataclass(frozen=True, slots=True)
class ProactiveColumn:
    key: str
    label: str
    value_type: ValueType = "int"


@dataclass(frozen=True, slots=True)
class ProactiveItem:
    """A row of part 二: its key, label, the sub-table caption it sits under, and its columns."""

    key: str
    label: str
    caption: str
    columns: tuple[ProactiveColumn, ...]


_DOCS_2019 = (
    ProactiveColumn("newly_made", "本年新制作数量"),
    ProactiveColumn("newly_published", "本年新公开数量"),
    ProactiveColumn("total_published", "对外公开总数量"),
)
_ITEMS_2019 = (
    ProactiveColumn("previous_items", "上一年项目数量"),
    ProactiveColumn("change", "本年增/减", "signed_int"),
    ProactiveColumn("decisions", "处理决定数量"),
)
_DOCS_2021 = (
    ProactiveColumn("issued", "本年制发件数"),
    ProactiveColumn("repealed", "本年废止件数"),
    ProactiveColumn("in_force", "现行有效件数"),
)
_DECISIONS_2021 = (ProactiveColumn("decisions", "本年处理决定数量"),)

C1, C5, C6, C8, C9 = (f"第二十条第（{n}）项" for n in "一五六八九")

PROACTIVE_ITEMS: dict[Template, tuple[ProactiveItem, ...]] = {
    "2019": (
        ProactiveItem("rules", "规章", C1, _DOCS_2019),
        ProactiveItem("normative_documents", "规范性文件", C1, _DOCS_2019),
        ProactiveItem("licensing", "行政许可", C5, _ITEMS_2019),
        ProactiveItem("other_services", "其他对外管理服务事项", C5, _ITEMS_2019),
        ProactiveItem("penalty", "行政处罚", C6, _ITEMS_2019),
        ProactiveItem("coercion", "行政强制", C6, _ITEMS_2019),
        ProactiveItem("fees", "行政事业性收费", C8, _ITEMS_2019[:2]),
        ProactiveItem(
            "procurement",
            "政府集中采购",
            C9,
            (ProactiveColumn("projects", "采购项目数量"), ProactiveColumn("amount", "采购总金额", "decimal")),
        ),
    ),
    "2021": (
        ProactiveItem("rules", "规章", C1, _DOCS_2021),
        ProactiveItem("normative_documents", "行政规范性文件", C1, _DOCS_2021),
        ProactiveItem("licensing", "行政许可", C5, _DECISIONS_2021),
        ProactiveItem("penalty", "行政处罚", C6, _DECISIONS_2021),
        ProactiveItem("coercion", "行政强制", C6, _DECISIONS_2021),
        ProactiveItem(
            "fees",
            "行政事业性收费",
            C8,
            (ProactiveColumn("amount_10k_yuan", "本年收费金额（单位：万元）", "decimal"),),
        ),
    ),
}

APPLICANT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("social_welfare_org", "社会公益组织"),
    ("legal_service_org", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    """A row of the part-三 matrix: key, parent group label (or ""), own label, templates."""

    key: str
    group: str
    label: str
    templates: tuple[Template, ...] = TEMPLATES

    @property
    def full_label(self) -> str:
        return f"{self.group} {self.label}" if self.group else self.label


_DENY, _NA, _NP, _OTHER = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"

APPLICATION_ROWS: tuple[ApplicationRow, ...] = (
    ApplicationRow("new_received", "", "一、本年新收政府信息公开申请数量"),
    ApplicationRow("carried_over", "", "二、上年结转政府信息公开申请数量"),
    ApplicationRow("granted", "", "（一）予以公开"),
    ApplicationRow("partially_granted", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ApplicationRow("denied_state_secret", _DENY, "1.属于国家秘密"),
    ApplicationRow("denied_prohibited_by_law", _DENY, "2.其他法律行政法规禁止公开"),
    ApplicationRow("denied_security_stability", _DENY, "3.危及“三安全一稳定”"),
    ApplicationRow("denied_third_party_rights", _DENY, "4.保护第三方合法权益"),
    ApplicationRow("denied_internal_affairs", _DENY, "5.属于三类内部事务信息"),
    ApplicationRow("denied_process_info", _DENY, "6.属于四类过程性信息"),
    ApplicationRow("denied_enforcement_file", _DENY, "7.属于行政执法案卷"),
    ApplicationRow("denied_admin_query", _DENY, "8.属于行政查询事项"),
    ApplicationRow("unavailable_not_held", _NA, "1.本机关不掌握相关政府信息"),
    ApplicationRow("unavailable_needs_creation", _NA, "2.没有现成信息需要另行制作"),
    ApplicationRow("unavailable_unclear", _NA, "3.补正后申请内容仍不明确"),
    ApplicationRow("not_processed_petition", _NP, "1.信访举报投诉类申请"),
    ApplicationRow("not_processed_repeat", _NP, "2.重复申请"),
    ApplicationRow("not_processed_publication", _NP, "3.要求提供公开出版物"),
    ApplicationRow("not_processed_excessive", _NP, "4.无正当理由大量反复申请"),
    ApplicationRow("not_processed_confirmation", _NP, "5.要求行政机关确认或重新出具已获取信息"),
    ApplicationRow("other", "", _OTHER),
    ApplicationRow(
        "other_no_correction",
        _OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ("2021",),
    ),
    ApplicationRow(
        "other_no_fee",
        _OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ("2021",),
    ),
    ApplicationRow("other_misc", _OTHER, "3.其他", ("2021",)),
    ApplicationRow("total_processed", "", "（七）总计"),
    ApplicationRow("carried_forward", "", "四、结转下年度继续办理"),
)
# In a 2021 report the single （六） row exists only for reports that print it the 2019 way.
_OTHER_2021_LABEL = "（六）其他处理（印成一整行、未分子项时）"

APPEAL_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("litigation_direct", "行政诉讼 未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼 复议后起诉"),
)
APPEAL_LEAVES: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)


def _application_order(template: Template) -> list[ApplicationRow]:
    rows = [r for r in APPLICATION_ROWS if template in r.templates]
    return rows


def _build(template: Template) -> tuple[KeySpec, ...]:
    specs: list[KeySpec] = []
    for item in PROACTIVE_ITEMS[template]:
        for col in item.columns:
            specs.append(
                KeySpec(f"proactive.{item.key}.{col.key}", "proactive", template, item.label, col.label, col.value_type)
            )
    for row in _application_order(template):
        label = _OTHER_2021_LABEL if (row.key == "other" and template == "2021") else row.full_label
        for ckey, clabel in APPLICANT_COLUMNS:
            specs.append(KeySpec(f"applications.{row.key}.{ckey}", "applications", template, label, clabel, "int"))
    for gkey, glabel in APPEAL_GROUPS:
        for lkey, llabel in APPEAL_LEAVES:
            specs.append(KeySpec(f"{gkey}.{lkey}", "review_litigation", template, glabel, llabel, "int"))
    return tuple(specs)


_KEYS: dict[Template, tuple[KeySpec, ...]] = {t: _build(t) for t in TEMPLATES}
_BY_KEY: dict[tuple[Template, str], KeySpec] = {(s.template, s.key): s for t in TEMPLATES for s in _KEYS[t]}


def keys_for(template: Template) -> tuple[KeySpec, ...]:
    """Every canonical cell of one template version, in the template's reading order."""
    return _KEYS[template]


def key_spec(template: Template, key: str) -> KeySpec:
    """The spec of one key. Raises ``KeyError`` if the key does not exist in that version."""
    return _BY_KEY[(template, key)]
