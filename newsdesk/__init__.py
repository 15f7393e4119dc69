"""newsdesk: news articles in, a tidy DuckDB warehouse out."""

__version__ = "0.1.0"
