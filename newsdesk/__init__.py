"""newsdesk: news articles in, a tidy DuckDB warehouse out."""

import os

__version__ = "0.1.0"

# DuckDB allocates through its own jemalloc, built to keep freed pages for up
# to a second (dirty_decay_ms:1000) before handing them back. A run's story
# placement frees and reallocates far more than it holds at once in that time
# (joins and aggregates over the postings its batch shares with every stored
# article), so the run process's memory followed the warehouse's size. Freed
# pages now go back at once. jemalloc reads this once, when DuckDB is
# imported, so it is set here, in the package every entry point imports first
# (the CLI, and `flows`, which imports it before any flow module imports
# DuckDB); a value the environment already gives is kept.
os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
# polars has a jemalloc of its own, which it sets to keep freed pages for half
# a second and appends this variable's options to its own. Story placement's
# participant joins (polars) freed ~110-185 MiB that stayed held while the
# step's next DuckDB queries ran on top of it, at 20,000 stored articles.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
