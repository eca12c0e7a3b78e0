#!/usr/bin/env bash
# Instructions per request, page kind by page kind: a count that does not move with whatever
# else shares the machine, where wrk's rates do (other builds and tests on the same 2 cores
# halve them). The portal runs on the benchmark's data (bench/generate.py, cached as for
# make bench); 300 customers and the 5 operators log in through the real forms. For each
# kind, one worker of the kind's handler runs under valgrind's callgrind on a socket of its
# own, on the same database, and bench/fastcgi_client.py sends it the requests
# bench/draw_requests.py draws the way bench/mix.lua does, each by the next session: 50 warm it
# up (statements prepared, caches filled as far as the mix lets them), then 250 are counted.
# Counts are user-space instructions of the worker (SQLite and libc included; the kernel's
# reads and writes are not), so they show what a change to the code costs or saves, not the
# rate: that is make bench.
# KEEP=folder keeps each kind's callgrind profile there (callgrind-KIND.out, for callgrind_annotate).
# usage: bench/instructions.sh   (KINDS="list ticket dashboard queue search desk-ticket create" KEEP=folder)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v valgrind >/dev/null || { echo "bench/instructions.sh needs valgrind (apt-get install valgrind)" >&2; exit 1; }
bench_prepare /usr/bin/python3 bench/generate.py
bench_start
database=$PORTAL_VAR/portal.sqlite3
sessions=$PORTAL_VAR/sessions.tsv operators=$PORTAL_VAR/operators.tsv
/usr/bin/python3 bench/login_many.py "$url" "$PORTAL_VAR" "$PORTAL_VAR/bench-customers.tsv" Portale-Demo-2026 300 \
    "$sessions" >/dev/null
/usr/bin/python3 bench/login_many.py "$url" "$PORTAL_VAR" "$PORTAL_VAR/bench-operators.tsv" Portale-Demo-2026 \
    "$(wc -l <"$PORTAL_VAR/bench-operators.tsv")" "$operators" /desk/ >/dev/null
read -r first last < <(sqlite3 -separator ' ' "$database" "SELECT min(number), max(number) FROM tickets")

handler() {
    case $1 in
        list | ticket | create) echo portal-tickets ;;
        dashboard) echo portal-tenant ;;
        *) echo portal-desk ;;
    esac
}

echo
echo "instructions per request, one worker under callgrind, $(date -u +%Y-%m-%d);" \
    "$(sqlite3 "$database" 'SELECT count(*) FROM tickets') tickets in $(sqlite3 "$database" 'SELECT count(*) FROM tenants') companies"
echo "| page kind    | handler        | instructions/request | answers |"
echo "|--------------|----------------|---------------------:|---------|"
for kind in ${KINDS:-list ticket dashboard queue search desk-ticket}; do
    name=$(handler "$kind")
    requests=$PORTAL_VAR/requests-$kind.tsv
    /usr/bin/python3 bench/draw_requests.py "$kind" 300 "$sessions" "$operators" "$PORTAL_VAR/bench-companies.tsv" \
        "$first" "$last" >"$requests"
    head -50 "$requests" >"$requests.warm"
    tail -n +51 "$requests" >"$requests.counted"
    socket=$PORTAL_VAR/run/callgrind.sock out=$PORTAL_VAR/callgrind-$kind.out
    rm -f "$socket"
    # The worker takes its listening socket on standard input, as under spawn-fcgi.
    /usr/bin/python3 - "$socket" "$bin/$name" "$out" <<'PY' 2>>"$PORTAL_VAR/log/callgrind.log" &
import os, socket, sys
path, executable, out = sys.argv[1:4]
listener = socket.socket(socket.AF_UNIX)
listener.bind(path)
listener.listen(16)
os.dup2(listener.fileno(), 0)
os.execvpe("valgrind", ["valgrind", "-q", "--tool=callgrind", "--callgrind-out-file=" + out, executable, "--threads", "1"],
           dict(os.environ, PORTAL_FASTCGI_WORKER="1"))
PY
    worker=$!
    for _ in $(seq 100); do [ -S "$socket" ] && break; sleep 0.1; done
    /usr/bin/python3 bench/fastcgi_client.py "$socket" "$requests.warm" >/dev/null || true
    callgrind_control -z "$worker" >/dev/null 2>&1
    answers=$(/usr/bin/python3 bench/fastcgi_client.py "$socket" "$requests.counted" || true)
    callgrind_control -d "$worker" >/dev/null 2>&1
    kill "$worker"
    wait "$worker" 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$out.1" "$KEEP/callgrind-$kind.out"; fi
    total=$(callgrind_annotate "$out.1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }')
    printf '| %-12s | %-14s | %20s | %s |\n' "$kind" "$name" "$(( total / $(wc -l <"$requests.counted") ))" "$answers"
done
