import json
from datetime import date

from expectations.suites import suites


def test_no_suite_holds_the_same_check_twice() -> None:
    """Suites are handed to GX whole, and a whole suite keeps duplicates (adding
    expectations one by one dropped them): a repeated check would run twice."""
    for table, checks in suites(date(2024, 1, 1)).items():
        keys = [json.dumps([c.expectation, c.kwargs], sort_keys=True, default=str) for c in checks]
        assert len(keys) == len(set(keys)), table
