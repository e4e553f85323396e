"""Placing part-三 rows whose labels were lost, by the template's fixed row order.

PDF→Markdown converters (the ``shanghai_*.md`` dumps) move or drop row labels: a row of
seven numbers appears with no label, the label stranded in a paragraph nearby. The
template's row order is fixed, so the labelled rows act as anchors: the unlabelled rows
between two anchors can only belong to the template rows missing between them. When a
gap holds exactly as many unlabelled rows as missing template rows, the order-preserving
placement is the only one and is accepted (finding ``R3`` for each row). Any other gap is
ambiguous: its rows stay unread (finding ``R4``) rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, SectionId, Template
from .cells import Findings
from .rows import Row

__all__ = ["place_unlabelled"]

_SUBROWS = ("other_no_correction", "other_no_fee", "other_misc")


def _order(template: Template, read: set[str]) -> list[str]:
    keys = [r.key for r in APPLICATION_ROWS if template in r.templates]
    if template == "2021":
        # The single （六） row and its three sub-rows exclude each other; the sub-rows are
        # the 2021 template, the single row only when the report prints it that way.
        keys = [k for k in keys if k != "other"] if "other" not in read else [k for k in keys if k not in _SUBROWS]
    return keys


def _gaps(sequence: Sequence[str | Row], order: list[str]) -> Iterator[tuple[list[Row], list[str]]]:
    """(unlabelled rows, missing keys) between consecutive in-order anchors."""
    pos = {k: i for i, k in enumerate(order)}
    last = -1
    pending: list[Row] = []
    for item in sequence:
        if isinstance(item, Row):
            pending.append(item)
            continue
        i = pos.get(item)
        if i is None or i <= last:
            continue  # not an anchor in order (a repeated or misplaced label)
        yield pending, order[last + 1 : i]
        pending, last = [], i
    yield pending, order[last + 1 :]


def place_unlabelled(
    sequence: Sequence[str | Row], template: Template, read: set[str], findings: Findings
) -> list[tuple[str, Row]]:
    """Assignments ``(row key, unlabelled row)`` that are certain; findings for the rest."""
    placed: list[tuple[str, Row]] = []
    for rows, missing in _gaps(sequence, _order(template, read)):
        if not rows:
            continue
        free = [k for k in missing if k not in read]
        if len(rows) == len(free):
            for key, row in zip(free, rows, strict=True):
                placed.append((key, row))
                findings.add(
                    "R3",
                    f"row {key}: numbers printed without their label, placed between the labelled rows "
                    "around them (the only order-preserving placement)",
                    severity="info",
                    cells=[f"applications.{key}.{c}" for c, _ in APPLICANT_COLUMNS],
                    section=SectionId.APPLICATIONS,
                    raw=" | ".join(row.texts),
                )
            continue
        findings.add(
            "R4",
            f"{len(rows)} row(s) of numbers without labels between rows that leave {len(free)} row(s) "
            f"missing ({', '.join(free) or 'none'}); not placed",
            severity="warning",
            cells=[f"applications.{k}.{c}" for k in free for c, _ in APPLICANT_COLUMNS],
            section=SectionId.APPLICATIONS,
            raw=" / ".join(" | ".join(r.texts) for r in rows),
        )
    return placed
