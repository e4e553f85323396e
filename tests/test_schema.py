"""The package's key schema agrees with the project contract (../shared/spec/keys.tsv)."""

from __future__ import annotations

import csv

import disclosure_parser as dp
from disclosure_parser.models import ApplicationMatrix, Proactive2019, Proactive2021
from disclosure_parser.schema import APPLICATION_ROWS, PROACTIVE_ITEMS

from .conftest import SHARED, needs_corpus


@needs_corpus
def test_schema_equals_keys_tsv() -> None:
    with (SHARED / "spec" / "keys.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    theirs = [(r["key"], r["table"], r["template"], r["row_label"], r["column_label"], r["value_type"]) for r in rows]
    mine = [
        (s.key, s.table, s.template, s.row_label, s.column_label, s.value_type)
        for t in ("2019", "2021")
        for s in dp.keys_for(t)
    ]
    assert mine == theirs


def test_key_counts() -> None:
    assert len(dp.keys_for("2019")) == 22 + 161 + 15
    assert len(dp.keys_for("2021")) == 10 + 182 + 15


def test_models_have_a_field_for_every_key() -> None:
    assert list(ApplicationMatrix.model_fields) == [r.key for r in APPLICATION_ROWS]
    for template, model in (("2019", Proactive2019), ("2021", Proactive2021)):
        items = PROACTIVE_ITEMS[template]  # type: ignore[index]
        assert [k for k in model.model_fields if k != "template"] == [i.key for i in items]
        for item in items:
            sub = model.model_fields[item.key].annotation
            assert list(sub.model_fields) == [c.key for c in item.columns]  # type: ignore[union-attr]
