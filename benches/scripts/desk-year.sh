#!/usr/bin/env bash
# The desk at a year's volume (issue 13): `desk simulate` for a month and a working year of
# 10 000 clients, and for a month of 100 000 clients; then `desk status` on the month's and the
# year's databases, timed over 21 runs (median) with its peak memory.
# Usage: benches/scripts/desk-year.sh [work-dir]   (default: a new temporary directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -q -p desk
desk=$PWD/target/release/desk
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
echo "databases in $dir"

simulate() { # name clients days
  rm -f "$dir/$1.db" "$dir/$1.db-wal" "$dir/$1.db-shm"
  echo "== simulate --clients $2 --days $3"
  /usr/bin/time -f "wall %e s, peak %M kB" "$desk" simulate --clients "$2" --days "$3" \
    --start 2026-01-02 --db "$dir/$1.db" 2>&1 | grep -E "^(Time|Operations per second|wall)"
  ls -l "$dir/$1.db" | awk '{ printf "database %.1f MB\n", $5 / 1048576 }'
}

status() { # name
  python3 - "$desk" "$dir/$1.db" <<'PY'
import resource, statistics, subprocess, sys, time
desk, db = sys.argv[1], sys.argv[2]
times = []
for _ in range(21):
    start = time.perf_counter()
    subprocess.run([desk, "status", "--db", db], stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"status {db}: median {statistics.median(times) * 1000:.0f} ms "
      f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}), peak {peak:.0f} MB")
PY
}

simulate month 10000 21
simulate year 10000 260
simulate big 100000 30
status month
status year
