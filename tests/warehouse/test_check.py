"""The run check's scope: which invariants it narrows to the unchecked runs."""

from __future__ import annotations

from warehouse.check import SPAN_CHECKS
from warehouse.statements import sql


def test_the_scoped_checks_are_the_ones_the_invariant_query_names() -> None:
    """A run is marked checked when none of these failed: a name that drifted
    from the query would mark runs checked whatever their spans hold."""
    query = sql("check_invariants")
    for name in SPAN_CHECKS:
        assert f"SELECT '{name}', s.tbl" in query, name
