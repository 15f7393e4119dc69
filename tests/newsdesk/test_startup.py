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


def test_duckdb_allocator_is_configured_before_duckdb_is_imported() -> None:
    """DuckDB's jemalloc reads its options once, when DuckDB is imported: an
    entry point that imports DuckDB first runs with the retaining default."""
    code = (
        "import os, sys\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'duckdb' and 'DUCKDB_JE_MALLOC_CONF' not in os.environ:\n"
        "            raise ImportError('DuckDB imported before its allocator is configured')\n"
        "sys.meta_path.insert(0, Watch())\n"
        "import {module}\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DUCKDB_JE_MALLOC_CONF"}
    for module in ("flows.news_pipeline", "flows.stories", "newsdesk.cli"):
        subprocess.run([sys.executable, "-c", code.format(module=module)], check=True, env=env)
