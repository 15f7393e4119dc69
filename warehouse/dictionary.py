"""The data dictionary, read back from the warehouse's own COMMENT ON text
(migration 005 and later), so the shell, `newsdesk schema` and the checked-in
markdown page can never disagree about what a column means."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

import duckdb

from warehouse.statements import sql


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    nullable: bool
    comment: str | None


@dataclass(frozen=True)
class Relation:
    name: str
    kind: str  # table or view
    comment: str | None
    columns: tuple[Column, ...]


def dictionary(con: duckdb.DuckDBPyConnection) -> list[Relation]:
    rows = con.execute(sql("dictionary")).fetchall()  # ordered by relation, then column
    return [
        Relation(
            name,
            kind,
            comment,
            tuple(Column(r[3], r[4], bool(r[5]), r[6]) for r in columns),
        )
        for (name, kind, comment), columns in groupby(rows, key=lambda r: (r[0], r[1], r[2]))
    ]


def undocumented(relations: list[Relation]) -> list[str]:
    """Tables, views and columns without a comment."""
    missing = [r.name for r in relations if not r.comment]
    missing += [f"{r.name}.{c.name}" for r in relations for c in r.columns if not c.comment]
    return missing


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|")


def markdown(relations: list[Relation]) -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from the warehouse's `COMMENT ON` text by "
        "`newsdesk schema --fresh --markdown > warehouse/DICTIONARY.md`; "
        "a test fails when it is stale.",
        "",
    ]
    for kind in ("table", "view"):
        lines += [f"## {kind.capitalize()}s", ""]
        for r in (r for r in relations if r.kind == kind):
            lines += [f"### `{r.name}`", "", _cell(r.comment), ""]
            lines += ["| column | type | null | meaning |", "|---|---|---|---|"]
            lines += [
                f"| `{c.name}` | {c.data_type} | {'yes' if c.nullable else 'no'} | "
                f"{_cell(c.comment)} |"
                for c in r.columns
            ]
            lines.append("")
    return "\n".join(lines)


def plain(relations: list[Relation]) -> str:
    """For a terminal: one block per table or view."""
    blocks = []
    for r in relations:
        width = max(len(c.name) for c in r.columns)
        rows = [f"  {c.name:<{width}}  {c.data_type:<9}  {c.comment or ''}" for c in r.columns]
        blocks.append("\n".join([f"{r.name} ({r.kind}): {r.comment or ''}", *rows]))
    return "\n\n".join(blocks)
