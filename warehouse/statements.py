"""SQL lives in `warehouse/sql/*.sql`; Python refers to it by file name."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def sql(name: str) -> str:
    return resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")
