"""MkDocs hooks: pages generated from the package itself, so they cannot drift from the code.

Placeholders in Markdown, replaced at build time:
  <!-- generated:keys 2019 --> / <!-- generated:keys 2021 -->   every canonical key with its labels
  <!-- generated:codes -->                                      every finding code
  <!-- generated:cli -->                                        --help of every CLI command
  <!-- generated:errors -->                                     the exception tree
"""

from __future__ import annotations

import re
from typing import Any

from click.testing import CliRunner

import disclosure_parser as dp
from disclosure_parser import errors
from disclosure_parser.cli import main
from disclosure_parser.codes import FINDING_CODES

_PLACEHOLDER = re.compile(r"<!-- generated:(\w+)(?: (\S+))? -->")


def _keys(template: str) -> str:
    lines = ["| key | table | row label (行) | column label (列) | type |", "|---|---|---|---|---|"]
    for s in dp.keys_for(template):  # type: ignore[arg-type]
        lines.append(f"| `{s.key}` | {s.table} | {s.row_label} | {s.column_label} | {s.value_type} |")
    return "\n".join(lines)


def _codes(_: str | None) -> str:
    lines = ["| code | severity | title | meaning |", "|---|---|---|---|"]
    for c in FINDING_CODES.values():
        lines.append(f"| `{c.code}` | {c.severity} | {c.title} | {c.meaning} |")
    return "\n".join(lines)


def _cli(_: str | None) -> str:
    runner = CliRunner()
    out = ["```text", runner.invoke(main, ["--help"]).output.rstrip(), "```"]
    for name in sorted(main.commands):  # type: ignore[attr-defined]
        out += [
            f"### `disclosure-parser {name}`",
            "",
            "```text",
            runner.invoke(main, [name, "--help"]).output.rstrip(),
            "```",
            "",
        ]
    return "\n".join(out)


def _errors(_: str | None) -> str:
    doc = errors.__doc__ or ""
    tree = doc.split("::", 1)[1].split("\n\n", 2)[1] if "::" in doc else doc
    return "```text\n" + "\n".join(line[4:] for line in tree.splitlines()) + "\n```"


_RENDER = {"keys": _keys, "codes": _codes, "cli": _cli, "errors": _errors}


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    return _PLACEHOLDER.sub(lambda m: _RENDER[m.group(1)](m.group(2)), markdown)  # type: ignore[arg-type]
