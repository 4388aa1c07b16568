#!/usr/bin/env bash
# The whole test run: lint, migrations check, production deploy check and the pytest suite
# (browser tests included) against a throwaway PostgreSQL and Redis on loopback, stopped on exit.
# Extra arguments go to pytest, e.g. tests/bin/run-tests.sh -k access
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
py=.venv/bin/python

# the throwaway PostgreSQL and Redis, and the environment pointing at them
source tests/bin/services.sh

if [ -z "${EP_SKIP_LINT:-}" ]; then  # EP_SKIP_LINT=1 skips lint while iterating; CI never sets it
  echo "== ruff"
  .venv/bin/ruff format --check .
  .venv/bin/ruff check .
fi

echo "== makemigrations --check"
"$py" manage.py makemigrations --check --dry-run

echo "== production settings: check --deploy"
DJANGO_ENV=production DATABASE_URL="$DATABASE_URL" CELERY_BROKER_URL="$CELERY_BROKER_URL" \
  DJANGO_SECRET_KEY="$("$py" -c 'import secrets; print(secrets.token_urlsafe(64))')" \
  DJANGO_ALLOWED_HOSTS=ep-tracker.example.org \
  "$py" manage.py check --deploy --fail-level WARNING
echo "== production settings: collectstatic (hashed, compressed)"
DJANGO_ENV=production DATABASE_URL="$DATABASE_URL" CELERY_BROKER_URL="$CELERY_BROKER_URL" \
  DJANGO_SECRET_KEY=collectstatic-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
  DJANGO_STATIC_ROOT="$work/staticfiles" "$py" manage.py collectstatic --no-input -v 0

echo "== pytest (PostgreSQL, Redis, Celery worker, headless Chromium)"
"$py" -m pytest -p no:cacheprovider -n "${PYTEST_WORKERS:-2}" "$@"
