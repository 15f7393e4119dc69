"""Prefect flows and tasks: orchestration only; the work lives in transforms/ and warehouse/."""

import newsdesk  # noqa: F401  (before any flow module imports DuckDB: see newsdesk/__init__.py)
