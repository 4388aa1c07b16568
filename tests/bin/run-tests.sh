#!/usr/bin/env bash
# The whole test run: lint, migrations check, production deploy check and the pytest suite
# (browser tests included) against a throwaway PostgreSQL and Redis on loopback, stopped on exit.
# Extra arguments go to pytest, e.g. tests/bin/run-tests.sh -k access
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
py=.venv/bin/python

work=$(mktemp -d /tmp/ep-tracker-test.XXXXXX)
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
free_port() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_port=$(free_port)
redis_port=$(free_port)

as_pg() {
  # PostgreSQL refuses to run as root: run it as the postgres user when we are root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  status=$?
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  [ -d "$work/pg" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

echo "== starting PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port"
mkdir -p "$work/pg" "$work/sock"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg" "$work/sock"
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/sock/pg.log" -w -t 60 start -o \
  "-p $pg_port -k $work/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ep_tracker
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/ep_tracker"
export CELERY_BROKER_URL="redis://127.0.0.1:$redis_port/0"
export EP_VAR_DIR="$work/var"
export DJANGO_ENV=embedded DJANGO_DEBUG=0

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
