"""Great Expectations suites, one per table, and the code that runs them."""
