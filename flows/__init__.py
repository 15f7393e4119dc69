"""Prefect flows and tasks: orchestration only; the work lives in transforms/ and warehouse/."""
