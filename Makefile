# EP Tracker: `make run` starts the app with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run serve test install install-dev assets lint format clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/app.css: node_modules/.installed static/build.mjs $(wildcard static/scss/*.scss)
	npm run --silent build

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
assets: static/build/app.css

## run: the app with demo data on the embedded default (SQLite, filesystem broker), web + worker + beat
run: install assets
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	@echo ""
	@echo "Early Permanence Tracker is at http://127.0.0.1:$(PORT)/  (Ctrl-C stops web, worker and beat)"
	@$(PY) -m ep_tracker.run $(PORT)

## serve: web + worker + beat on the database as it is (no install, migrate or demo data)
serve:
	@$(PY) -m ep_tracker.run $(PORT)

## test: lint, migrations check, deploy check, the whole suite on real PostgreSQL, Redis, Chromium
test: install-dev assets
	tests/bin/system-packages.sh
	tests/bin/run-tests.sh

## bench: national-scale benchmark (50,000 children; BENCH_CHILDREN=10000 for a quick one), not in test
.PHONY: bench
bench: install-dev
	tests/bin/system-packages.sh
	tests/bin/bench.sh

lint:
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format:
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules static/build var
