"""Start-up: what the entry points import, and in which order."""

import os
import subprocess
import sys


def test_cli_and_flow_modules_do_not_import_great_expectations() -> None:
    """Great Expectations costs seconds to import: only the validation step may."""
    code = (
        "import sys, newsdesk.cli, flows.news_pipeline, expectations.validate;"
        "assert 'great_expectations' not in sys.modules, 'imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_allocators_are_configured_before_duckdb_and_polars_are_imported() -> None:
    """DuckDB's and polars' jemallocs read their options once, when the library
    is imported: an entry point that imports one first runs with the retaining
    default."""
    code = (
        "import os, sys\n"
        "SETTINGS = {{'duckdb': 'DUCKDB_JE_MALLOC_CONF', 'polars': '_RJEM_MALLOC_CONF'}}\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name in SETTINGS and SETTINGS[name] not in os.environ:\n"
        "            raise ImportError(name + ' imported before its allocator is configured')\n"
        "sys.meta_path.insert(0, Watch())\n"
        "import {module}\n"
    )
    settings = ("DUCKDB_JE_MALLOC_CONF", "_RJEM_MALLOC_CONF")
    env = {k: v for k, v in os.environ.items() if k not in settings}
    for module in ("flows.news_pipeline", "flows.stories", "flows.workers", "newsdesk.cli"):
        subprocess.run([sys.executable, "-c", code.format(module=module)], check=True, env=env)
