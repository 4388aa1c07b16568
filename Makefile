# EP Tracker: `make run` starts the app with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install install-dev assets lint format clean

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
	@trap 'kill 0' EXIT INT TERM; \
	$(VENV)/bin/celery -A ep_tracker worker --beat --loglevel=WARNING --concurrency=1 \
	    --schedule var/celerybeat-schedule & \
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

## test: lint, migrations check, deploy check, the whole suite on real PostgreSQL, Redis, Chromium
test: install-dev assets
	tests/bin/system-packages.sh
	tests/bin/run-tests.sh

lint:
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format:
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules static/build var
