# Two commands on a fresh machine with Python 3.11: `make run`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Prefect keeps its local state (ephemeral API database, `make ui` server) in the project.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_LOGGING_EXTRA_LOGGERS ?= great_expectations

.PHONY: install run test lint format lock clean bench

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $(STAMP)

install: $(STAMP) ## create .venv and install exactly the locked versions

run: install ## run the pipeline once over seeds/ into warehouse/news.duckdb
	$(BIN)/newsdesk run

test: lint ## lint, type-check and run every test
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## run every benchmark and print its figures (tens of minutes; see benchmarks/RESULTS.md)
	$(BIN)/python -m benchmarks.ingest
	$(BIN)/python -m benchmarks.throughput --n-process 2 --rounds 3
	$(BIN)/python -m benchmarks.throughput --memory 5000 --memory 10000 --memory 20000 --incremental
	$(BIN)/python -m benchmarks.validation --articles 1000
	$(BIN)/python -m benchmarks.rules_cost --articles 300 --rounds 2
	$(BIN)/python -m benchmarks.stories_scale
	$(BIN)/python -m benchmarks.fts
	$(BIN)/python -m benchmarks.accuracy --task all

lock: install ## re-resolve requirements.lock from pyproject.toml (needs the registry)
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--output-file requirements.lock --quiet

clean:
	rm -rf $(VENV) .prefect .pytest_cache .mypy_cache .ruff_cache

# --- Prefect UI and schedules -------------------------------------------------------
UI_PORT ?= 4200
UI_API := http://127.0.0.1:$(UI_PORT)/api

.PHONY: ui serve watch

ui: install ## local Prefect server and UI on 127.0.0.1:$(UI_PORT) (state in .prefect/)
	$(BIN)/prefect server start --host 127.0.0.1 --port $(UI_PORT)

serve: install ## serve the news_pipeline deployment on its schedule against `make ui`
	PREFECT_API_URL=$(UI_API) $(BIN)/newsdesk serve

watch: install ## server, UI and schedule together; Ctrl-C stops both
	@$(BIN)/prefect server start --host 127.0.0.1 --port $(UI_PORT) > .prefect-server.log 2>&1 & \
	server=$$!; trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	until $(BIN)/python -c "import httpx; httpx.get('$(UI_API)/health').raise_for_status()" 2>/dev/null; do \
		kill -0 $$server 2>/dev/null || { cat .prefect-server.log; exit 1; }; sleep 1; done; \
	echo "Prefect UI: http://127.0.0.1:$(UI_PORT)"; \
	PREFECT_API_URL=$(UI_API) $(BIN)/newsdesk serve
