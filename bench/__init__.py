"""Hand-run benchmarks of the addon, run as modules from the repository root."""
