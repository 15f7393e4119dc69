"""Great Expectations costs seconds to import: only the validation step may."""

import subprocess
import sys


def test_cli_and_flow_modules_do_not_import_great_expectations() -> None:
    code = (
        "import sys, newsdesk.cli, flows.news_pipeline, expectations.validate;"
        "assert 'great_expectations' not in sys.modules, 'imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
