"""The visual report through the real flow and the CLI, opened in headless
Chromium with no network: every chart draws, nothing logs to the console, and a
screenshot is kept next to the test's files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from prefect.settings import PREFECT_API_URL
from typer.testing import CliRunner

from flows.artifacts import SUMMARY_KEY
from flows.run_summary import RunSummary
from newsdesk.cli import app
from newsdesk.report import NO_DATA
from newsdesk.settings import Settings
from tests.conftest import SEEDS
from warehouse.connection import connect

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SECTIONS = ("articles-per-day", "top-speakers", "top-entities", "stories", "runs")
# Chromium prints each console message (log, warning, error, uncaught
# exception) to stderr as `...:INFO:CONSOLE(line)] "message", source: ...`
# (or `CONSOLE:line`) once logging goes there.
CONSOLE = re.compile(r":CONSOLE[(:]")


@dataclass(frozen=True)
class Rendered:
    dom: str
    console: list[str]
    screenshot: Path


def chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed here (.ci/run installs it)")
    return CHROMIUM


def render(page: Path, work: Path) -> Rendered:
    """The page's DOM after its scripts ran, every console message, and a
    screenshot. A proxy that answers nothing stands in for the network: a page
    that needed a CDN would fail to draw and log the failure."""
    browser = chromium()
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1200,2600",
        "--virtual-time-budget=20000",
    ]
    screenshot = work / f"{page.stem}.png"
    console: list[str] = []
    outputs: list[str] = []
    for n, action in enumerate((f"--screenshot={screenshot}", "--dump-dom")):
        profile = work / f"profile-{page.stem}-{n}"
        done = subprocess.run(
            [browser, *flags, f"--user-data-dir={profile}", action, page.as_uri()],
            capture_output=True,
            timeout=180,
            check=True,
        )
        stderr = done.stderr.decode("utf-8", errors="replace")
        console += [line for line in stderr.splitlines() if CONSOLE.search(line)]
        outputs.append(done.stdout.decode("utf-8", errors="replace"))
    return Rendered(dom=outputs[1], console=console, screenshot=screenshot)


def sections(dom: str) -> dict[str, str]:
    return dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', dom, flags=re.DOTALL))


def assert_self_contained(page: str) -> None:
    assert not re.search(r"<script[^>]*\bsrc\s*=", page), "a script is loaded from elsewhere"
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    assert not re.search(r"https?://", markup), "the page's markup names a URL"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, RunSummary]:
    from flows.news_pipeline import news_pipeline

    root = tmp_path_factory.mktemp("report")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox)
    settings = Settings(inbox=inbox, db=root / "w.duckdb", data_docs=root / "docs")
    summary = news_pipeline(settings=settings)
    assert (summary["loaded"], summary["violations"]) == (2, [])
    return settings, summary


def test_a_run_writes_the_report_and_its_summary_links_it(
    seeded: tuple[Settings, RunSummary],
) -> None:
    from flows.news_pipeline import news_pipeline

    settings, summary = seeded
    assert settings.report == settings.db.parent / f"{settings.db.stem}-report.html"
    assert summary["report"] == str(settings.report)
    page = settings.report.read_text(encoding="utf-8")
    assert "Jens Stoltenberg" in page and 'id="chart-runs"' in page
    assert_self_contained(page)
    response = httpx.post(
        f"{PREFECT_API_URL.value()}/artifacts/filter",
        json={"artifacts": {"flow_run_id": {"any_": [str(summary["flow_run_id"])]}}},
        timeout=30,
    )
    response.raise_for_status()
    [markdown] = [str(a["data"]) for a in response.json() if a["key"] == SUMMARY_KEY]
    assert f"| Report | [`{settings.report}`]({settings.report.as_uri()}) |" in markdown

    written = settings.report.stat().st_mtime_ns
    again = news_pipeline(settings=settings)
    assert again["files_seen"] == 0
    assert again["report"] == str(settings.report)
    assert settings.report.stat().st_mtime_ns == written, "a run with nothing new redrew it"


def test_newsdesk_report_draws_every_chart_offline(
    seeded: tuple[Settings, RunSummary], tmp_path: Path
) -> None:
    settings, _ = seeded
    out = tmp_path / "seeds-report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(settings.db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out.resolve())
    assert_self_contained(out.read_text(encoding="utf-8"))

    rendered = render(out, tmp_path)
    assert rendered.console == []
    assert rendered.screenshot.stat().st_size > 20_000
    drawn = sections(rendered.dom)
    assert sorted(drawn) == sorted(SECTIONS)
    for key, html in drawn.items():
        assert f'id="chart-{key}"' in html
        assert html.count("<svg") == 1, key
        assert 'class="marks"' in html and 'role="graphics-symbol"' in html, key
        assert NO_DATA not in html and "chart failed" not in html, key


def test_an_empty_warehouse_reports_no_data_yet(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    connect(db).close()
    result = CliRunner().invoke(app, ["report", "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "empty-report.html"
    assert result.output.strip() == str(out.resolve())

    rendered = render(out, tmp_path)
    assert rendered.console == []
    drawn = sections(rendered.dom)
    assert sorted(drawn) == sorted(SECTIONS)
    for key, html in drawn.items():
        assert NO_DATA in html and "<svg" not in html, key


def test_the_console_check_sees_script_errors(tmp_path: Path) -> None:
    """The checks above pass on silence, so make sure silence means something:
    the same rendering sees an error logged and an exception thrown."""
    db = tmp_path / "empty.duckdb"
    connect(db).close()
    out = tmp_path / "broken.html"
    assert CliRunner().invoke(app, ["report", "--db", str(db), "--out", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    broken = '<script>console.error("logged-error"); notAFunction();</script></body>'
    out.write_text(page.replace("</body>", broken), encoding="utf-8")

    console = render(out, tmp_path).console
    assert any("logged-error" in line for line in console), console
    assert any("Uncaught ReferenceError: notAFunction" in line for line in console), console
