# Sourced by tests/bin/run-tests.sh and tests/bin/bench.sh (not run on its own): starts a
# throwaway PostgreSQL and Redis on free loopback ports in a temporary directory, stops them and
# removes the directory on exit, whatever happens, and exports DATABASE_URL, CELERY_BROKER_URL,
# EP_VAR_DIR, DJANGO_ENV=embedded and DJANGO_DEBUG=0 for what runs next.
# Expects: the current directory is the checkout, and $py the project's Python.
# EP_PG_EXTRA: more PostgreSQL settings ("-c name=value ..."), e.g. the benchmark's memory.

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
  "-p $pg_port -k $work/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${EP_PG_EXTRA:-}" >/dev/null
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ep_tracker
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/ep_tracker"
export CELERY_BROKER_URL="redis://127.0.0.1:$redis_port/0"
export EP_VAR_DIR="$work/var"
export DJANGO_ENV=embedded DJANGO_DEBUG=0
