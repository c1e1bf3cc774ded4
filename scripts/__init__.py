"""The harness behind `make demo` and `make test`: run as modules from the root."""
