"""Out-of-process tests against a running server, and offline tests of the harness."""
