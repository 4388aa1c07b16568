#!/usr/bin/env bash
# make bench: seed a throwaway PostgreSQL with national-scale data (tests/benchmarks/seed.py) and
# time every GET page of the access declarations (tests/benchmarks/run.py). Not part of make test.
# BENCH_CHILDREN=10000 tests/bin/bench.sh for a quicker run; the variables are in run.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=.venv/bin/python

# more memory than the tests' PostgreSQL: the large authority's tables are ~1 GB
export EP_PG_EXTRA="-c shared_buffers=1GB -c work_mem=16MB -c effective_cache_size=4GB -c autovacuum=off"
source tests/bin/services.sh

echo "== machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GB memory, $("$pg_bin/postgres" --version)"
"$py" -m tests.benchmarks
