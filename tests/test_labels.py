"""Row and column labels are matched fuzzily, by what they say (issue: every variant listed)."""

from __future__ import annotations

import pytest

from disclosure_parser.tables.applications import COLUMN_MATCHER, match_row
from disclosure_parser.textnorm import canon, split_enumerator


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("2.其他法律行政止公开", "denied_prohibited_by_law"),  # typo: 法规禁 dropped
        ("2、其他法律行政法规禁止公开", "denied_prohibited_by_law"),  # 1、 for 1.
        ("2. 其他法律行政法规禁止公开", "denied_prohibited_by_law"),
        ("2.其他法律行政法规禁止公\n开", "denied_prohibited_by_law"),  # split over lines
        ("（六）其他", "other"),  # shortened
        ("(六)其他处理", "other"),
        ("3.其他", "other_misc"),
        ("3、其他", "other_misc"),
        ("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
        ("三、本年度办 理结果", "group"),
        ("三\n、\n本\n年\n度\n办\n理\n结\n果", "group"),  # one character per line
        ("（二）部分公开", "partially_granted"),
        ("部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "partially_granted"),
        ("本年新收政府信息公开申请数量", "new_received"),
        ("一、本年新收政府信息公开申请数量", "new_received"),
        ("四、结转下年度继续办理", "carried_forward"),
        ("（七）总计", "total_processed"),
        ('3.危及"三安全一稳定"', "denied_security_stability"),  # straight quotes
        ("3.危及“三安全一稳定”", "denied_security_stability"),
        ("５．要求行政机关确认或重新出具已获取信息", "not_processed_confirmation"),  # full-width
    ],
)
def test_row_labels(label: str, key: str) -> None:
    assert match_row(label) == key


@pytest.mark.parametrize("label", ["其他主动公开文件", "合计说明", "注：本表数据截至12月31日", ""])
def test_unrelated_labels_do_not_match(label: str) -> None:
    assert match_row(label) is None


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("社会公益 组织", "social_welfare_org"),
        ("社会公益", "social_welfare_org"),
        ("法律服务\n机构", "legal_service_org"),
        ("商业企\n业", "commercial_enterprise"),
        ("自然人", "natural_person"),
        ("其他", "other_org"),
        ("总 计", "total"),
    ],
)
def test_column_labels(label: str, key: str) -> None:
    m = COLUMN_MATCHER.match(label)
    assert m is not None and m.key == key


def test_enumerators_are_recognised_and_removed() -> None:
    assert split_enumerator("（六）其他处理") == (("paren", 6), "其他处理")
    assert split_enumerator("(6)其他")[0] == ("num", 6)
    assert split_enumerator("十二、附则")[0] == ("cn", 12)
    assert split_enumerator("2024年度") == (None, "2024年度")
    assert canon("１、 申请人“无正当理由”") == "申请人无正当理由"
