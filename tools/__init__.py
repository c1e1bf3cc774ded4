"""Hand-run checks of the addon, run as modules from the repository root."""
