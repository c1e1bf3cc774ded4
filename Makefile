# The two commands of README.md. Both honour PYTHON (default python3), the
# libpq variables PGHOST/PGPORT/PGUSER/PGPASSWORD, and:
#   make demo: DB (default hr_relationship_demo), HTTP_PORT (default 8069)
#   make test: TEST_DB_PREFIX (default hr_relationship_test)
PYTHON ?= python3
export DB HTTP_PORT TEST_DB_PREFIX

# Say so in one sentence when the interpreter itself is missing.
CHECK_PYTHON = @command -v $(PYTHON) >/dev/null 2>&1 || { \
	echo "Odoo 18.0 is missing: the Python interpreter '$(PYTHON)' was not found; install Python 3 and Odoo 18.0 Community (see DEVELOPERS.md)." >&2; \
	exit 2; }

.PHONY: demo test lint

demo:
	$(CHECK_PYTHON)
	@$(PYTHON) scripts/demo.py

test:
	$(CHECK_PYTHON)
	@$(PYTHON) scripts/run_tests.py

lint:
	ruff check .
	ruff format --check .
	pylint --rcfile=.pylintrc hr_relationship
