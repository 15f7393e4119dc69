"""Running the suites with Great Expectations and turning failures into
per-article outcomes.

GX 1.x has no polars source and its SQL source cannot read DuckDB, so frames
go to pandas through Arrow. GX is imported here, once, on first use: it costs
seconds and most CLI commands never need it.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from expectations.frames import ROW_KEY
from expectations.suites import suites

MAX_EXAMPLES = 3
DOCS_SITE = "newsdesk"
# Almost every batch passes: check with BOOLEAN_ONLY, and only a suite that fails
# runs again with COMPLETE to name the rows (and so the articles) to quarantine.
QUICK_FORMAT = {"result_format": "BOOLEAN_ONLY"}
RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": [ROW_KEY],
    "partial_unexpected_count": MAX_EXAMPLES,
}


@dataclass(frozen=True)
class Outcome:
    """Reasons per failing article and how many expectations ran."""

    failures: dict[str, list[str]] = field(default_factory=dict)
    checked: int = 0

    @property
    def passed(self) -> bool:
        return not self.failures


class ValidationStuck(RuntimeError):
    """Failures that quarantining cannot clear (they blame no row it removes):
    loading would store rows that failed, and validating again would fail the
    same way forever."""

    def __init__(self, failures: dict[str, list[str]]) -> None:
        reasons = list(dict.fromkeys(r for found in failures.values() for r in found))
        super().__init__(
            "validation failed the same way after quarantining: " + "; ".join(reasons[:3])
        )


def _quiet() -> None:
    """No analytics; GX's own logging at warning level (Prefect's logging set-up,
    which forwards this logger to the flow run, may have lowered it meanwhile)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)


@cache
def _context(docs_dir: str | None) -> Any:
    _quiet()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.enable_analytics(False)
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    if docs_dir is not None:
        context.add_data_docs_site(
            DOCS_SITE,
            {
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": docs_dir,
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


@cache
def _definitions(docs_dir: str | None, today: date) -> dict[str, Any]:
    """Suites built once per process (and day) in memory from
    `expectations/suites.py`; nothing is written back to the repository."""
    import great_expectations as gx

    context = _context(docs_dir)
    source = context.data_sources.add_pandas(f"newsdesk_{today.isoformat()}")
    definitions = {}
    for table, checks in suites(today).items():
        batch = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(table)
        # Built whole, then added: a suite already in the context is written to its
        # store on every add_expectation (~1.5 s for these suites, against ~0.1 s).
        expectations = [getattr(gx.expectations, c.expectation)(**c.kwargs) for c in checks]
        suite = context.suites.add(
            gx.ExpectationSuite(name=f"{table}_{today.isoformat()}", expectations=expectations)
        )
        definitions[table] = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{table}_{today.isoformat()}", data=batch, suite=suite)
        )
    return definitions


def _plain(value: Any) -> Any:
    """numpy scalars (and tuples of them) as the Python values a reader expects."""
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value.item() if hasattr(value, "item") else value


def _describe(config: Any) -> str:
    kwargs = config.kwargs
    target = kwargs.get("column") or f"{kwargs.get('column_A')}, {kwargs.get('column_B')}"
    return f"{config.type}({target})"


def prepare(today: date, docs_dir: Path | None = None) -> int:
    """Import GX and build the suites `validate` will use, ahead of the first
    batch: a run can do this while its workers load the model, instead of
    after they have parsed the first chunk. The number of suites."""
    _quiet()
    return len(_definitions(str(docs_dir) if docs_dir else None, today))


def validate(
    frames: dict[str, pl.DataFrame],
    today: date,
    owners: Mapping[str, Mapping[str, set[str]]],
    docs_dir: Path | None = None,
) -> Outcome:
    """Validate each table's frame with its suite (results kept for the Data
    Docs of `docs_dir`, see `build_docs`). Every unexpected row's
    `_row_key` names an article, or, for the tables in `owners` (entities,
    stories), a key whose articles `owners[table]` gives."""
    _quiet()
    definitions = _definitions(str(docs_dir) if docs_dir else None, today)
    everyone = set(frames["articles"][ROW_KEY].to_list())
    failures: dict[str, list[str]] = defaultdict(list)
    checked = 0
    for table, frame in frames.items():
        data = {"dataframe": frame.to_pandas()}
        result = definitions[table].run(batch_parameters=data, result_format=QUICK_FORMAT)
        if not result.success:
            result = definitions[table].run(batch_parameters=data, result_format=RESULT_FORMAT)
        for item in result.results:
            checked += 1
            if item.success:
                continue
            keys = [row[ROW_KEY] for row in item.result.get("unexpected_index_list") or []]
            if not keys:
                # A table-level failure or an expectation that could not run: no row
                # can be blamed, so no article of the batch is vouched for.
                error = (item.exception_info or {}).get("exception_message") or "table-level"
                reason = f"{table}: {_describe(item.expectation_config)} failed ({error})"
                for article_id in everyone:
                    failures[article_id].append(reason)
                continue
            examples = [
                _plain(v) for v in (item.result.get("partial_unexpected_list") or [])[:MAX_EXAMPLES]
            ]
            reason = f"{table}: {_describe(item.expectation_config)} failed, e.g. {examples}"
            for key in dict.fromkeys(keys):
                if key is None:
                    blamed = everyone  # a row no article answers for (a rejected file's log row)
                elif table in owners:
                    blamed = owners[table].get(key, everyone)
                else:
                    blamed = {key}
                for article_id in blamed:
                    failures[article_id].append(reason)
    return Outcome(dict(failures), checked)


def build_docs(docs_dir: Path) -> Path:
    """Render Data Docs for the validations run with this `docs_dir`; once per
    run, since rendering costs grow with every result the context holds."""
    _context(str(docs_dir)).build_data_docs(site_names=[DOCS_SITE])
    return docs_dir / "index.html"
