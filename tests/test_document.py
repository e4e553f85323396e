"""The document model's value types: hand-written constructors that keep frozen-dataclass behaviour."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from disclosure_parser.document import Location, Paragraph


def test_location_is_a_frozen_value() -> None:
    loc = Location(2, 14, 0, 3, 4)
    assert loc == Location(page=2, line=14, table=0, row=3, col=4)
    assert (loc.page, loc.line, loc.table, loc.row, loc.col) == (2, 14, 0, 3, 4)
    assert Location() == Location(None, None, None, None, None)
    assert hash(loc) == hash(Location(2, 14, 0, 3, 4)) and len({loc, Location(2, 14, 0, 3, 4)}) == 1
    assert dataclasses.replace(loc, page=5) == Location(5, 14, 0, 3, 4)
    assert pickle.loads(pickle.dumps(loc)) == loc == copy.deepcopy(loc)
    assert loc.with_cell(7, 8) == Location(2, 14, 0, 7, 8) and loc.as_dict()["col"] == 4
    assert repr(Location(line=3)) == "Location(page=None, line=3, table=None, row=None, col=None)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.page = 1  # type: ignore[misc]


def test_paragraph_is_a_frozen_value() -> None:
    para = Paragraph("三、收到和处理政府信息公开申请情况", Location(line=9), 1)
    assert para == Paragraph(text="三、收到和处理政府信息公开申请情况", location=Location(line=9), level=1)
    assert Paragraph("x").location == Location() and Paragraph("x").level == 0 and Paragraph("x").confidence is None
    assert Paragraph("x", confidence=0.5).confidence == 0.5
    assert dataclasses.replace(para, level=0).level == 0 and pickle.loads(pickle.dumps(para)) == para
    assert hash(para) == hash(Paragraph("三、收到和处理政府信息公开申请情况", Location(line=9), 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        para.text = "y"  # type: ignore[misc]
