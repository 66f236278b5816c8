#!/usr/bin/env bash
# The desk on PostgreSQL (issue 14): `desk simulate` by 1, 4 and 8 desks at once on one
# database (DESK_SEAT=N/M, distinct cashiers), throughput = journal entries / wall time of the
# whole group; then a working year by one desk, and by-hand commands on that year's database,
# each timed over 21 runs (median). A throwaway cluster of the installed PostgreSQL is started
# in a temporary folder (unix socket only; as the postgres user when run as root), with the
# server's default settings, and stopped at the end.
# Usage: benches/scripts/desk-postgres.sh [clients] [days]   (default 10000 clients, 30 days)
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-10000}
days=${2:-30}
cargo build --release -q -p desk
desk=$PWD/target/release/desk
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d)
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_server "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C > /dev/null
as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -s -o "-k $dir -c listen_addresses=''" start
trap 'as_server "$bin/pg_ctl" -D "$dir/data" -m fast -s stop; rm -rf "$dir"' EXIT
socket=${dir//\//%2F}
url() { echo "postgres://postgres@$socket/$1"; }
psql() { "$bin/psql" -h "$dir" -U postgres -qtA "$@"; }
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') in $dir; $(nproc) cores"

together() { # desks
  local db=desks$1
  psql -c "CREATE DATABASE $db"
  local start end
  start=$(date +%s.%N)
  for n in $(seq 1 "$1"); do
    DESK_SEAT=$n/$1 "$desk" simulate --clients "$clients" --days "$days" --start 2026-01-02 \
      --db "$(url "$db")" > "$dir/desk-$n.out" 2> /dev/null &
  done
  wait
  end=$(date +%s.%N)
  local ops refused
  ops=$(psql -d "$db" -c "SELECT COUNT(*) FROM operations")
  refused=$(awk '/^Refused by the office:/ { sum += $5 } END { print sum + 0 }' "$dir"/desk-*.out)
  echo "$1 desk(s): $ops operations in $(echo "$end - $start" | bc) s:" \
    "$(echo "$ops / ($end - $start)" | bc) operations/s ($refused refused)"
  rm -f "$dir"/desk-*.out
}

echo "== simulate, $clients clients, $days working days"
together 1
together 4
together 8

echo "== a working year by one desk, then commands by hand on it"
psql -c "CREATE DATABASE year"
"$desk" simulate --clients "${YEAR_CLIENTS:-10000}" --days "${YEAR_DAYS:-260}" --start 2026-01-02 --db "$(url year)" 2> /dev/null \
  | grep -E "^Time"
echo "database $(psql -c "SELECT pg_size_pretty(pg_database_size('year'))")"
python3 - "$desk" "$(url year)" <<'PY'
import statistics, subprocess, sys, time
desk, db = sys.argv[1], sys.argv[2]
env = {"DESK_DB": db, "PATH": "/usr/bin:/bin"}
def timed(args, runs=21):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([desk, *args], env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"{args}: exit {done.returncode}")
    return statistics.median(times) * 1000, max(times) * 1000
subprocess.run([desk, "shift", "open", "--cashier", "Ilze Kalna", "--float",
                "50x10,50x5,50x2,50x1,50x0.50,50x0.20,50x0.10,50x0.05,50x0.02,50x0.01"],
               env=env, stdout=subprocess.DEVNULL)
for args in (["status"], ["client", "list"], ["sell", "PAP-A4-80", "--cash", "20"],
             ["client", "register", "--given", "Anna", "--family", "Bērziņa"], ["snapshot"]):
    median, worst = timed(args)
    print(f"desk {' '.join(args)}: median {median:.0f} ms (max {worst:.0f} ms)")
PY
