# The two commands of README.md. Both honour PYTHON (default python3), the
# libpq variables PGHOST/PGPORT/PGUSER/PGPASSWORD, and:
#   make demo: DB (default hr_relationship_demo), HTTP_PORT (default 8069)
#   make test: TEST_DB_PREFIX (default hr_relationship_test)
# When PYTHON cannot import Odoo 19.0, both provision it into var/ from
# ODOO_REPO (default Odoo's official repository) at ODOO_REF (default 19.0).
PYTHON ?= python3
export DB HTTP_PORT TEST_DB_PREFIX ODOO_REPO ODOO_REF

# Say so in one sentence when the interpreter itself is missing.
CHECK_PYTHON = @command -v $(PYTHON) >/dev/null 2>&1 || { \
	echo "Python 3 is missing: the interpreter '$(PYTHON)' was not found; install Python 3 (the commands then provision Odoo 19.0 themselves) or set PYTHON." >&2; \
	exit 2; }

.PHONY: demo test lint provision

demo:
	$(CHECK_PYTHON)
	@$(PYTHON) -m scripts.demo

test:
	$(CHECK_PYTHON)
	@$(PYTHON) -m scripts.run_tests

# Provision Odoo 19.0 into var/ without running anything else (demo and test
# do it by themselves when PYTHON cannot import Odoo 19.0).
provision:
	$(CHECK_PYTHON)
	@$(PYTHON) -m scripts.provision

lint:
	ruff check .
	ruff format --check .
	pylint --rcfile=.pylintrc hr_relationship hr_relationship_*
