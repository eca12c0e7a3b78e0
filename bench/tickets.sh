#!/usr/bin/env bash
# The ticket benchmark of issue 5: 100,000 tickets across 1,000 companies; the list page of
# a company with 1,000 tickets (filtered and sorted) and the detail page of a 50-message
# ticket next to nginx serving a static file of the same size, in the same run; then ticket
# creation without files; then the workers' resident memory.
# usage: bench/tickets.sh   (DURATION=10s CONNECTIONS=16)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
scripts/deps.sh test >/dev/null
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)
export PORTAL_VAR=$(mktemp -d /tmp/portal-bench-XXXXXX)
export PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export PORTAL_LOGIN_RATE=100000r/s PORTAL_LOGIN_BURST=100000
url=http://127.0.0.1:$PORT
"$bin/portal-admin" migrate >/dev/null
"$bin/portal-admin" demo >/dev/null
/usr/bin/python3 bench/generate.py "$PORTAL_VAR/portal.sqlite3"
"$bin/portal-admin" site build --source site --out "$PORTAL_VAR/www" >/dev/null
BIN=$bin scripts/portal-up.sh >"$PORTAL_VAR/up.log" 2>&1 &
up=$!
trap 'kill -TERM $up; wait $up; rm -rf "$PORTAL_VAR"' EXIT
for _ in $(seq 100); do curl -sf "$url/login" >/dev/null && break; sleep 0.1; done

session=$(/usr/bin/python3 bench/login.py "$url" "$PORTAL_VAR" mario.rossi@rossi.example Portale-Demo-2026)
cookie="portal_session=$session"
list="/ticket?ordine=priorita&stato=aperto&priorita=qualsiasi&tipologia=qualsiasi"
detail=$(sqlite3 "$PORTAL_VAR/portal.sqlite3" \
    "SELECT '/ticket/' || t.number FROM tickets t JOIN messages m ON m.ticket_id = t.id GROUP BY t.id HAVING count(*) >= 50 LIMIT 1")
list_size=$(curl -s -b "$cookie" "$url$list" | wc -c)
detail_size=$(curl -s -b "$cookie" "$url$detail" | wc -c)
head -c "$list_size" /dev/zero | tr '\0' 'x' >"$PORTAL_VAR/www/bench-list.html"
head -c "$detail_size" /dev/zero | tr '\0' 'x' >"$PORTAL_VAR/www/bench-detail.html"

measure() {
    local name=$1; shift
    local out rps p99
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$@")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '| %-44s | %10s | %8s |\n' "$name" "$rps" "$p99"
}
echo
echo "wrk -t2 -c$connections -d$duration on $(nproc) cores, $(date -u +%Y-%m-%d); $(sqlite3 "$PORTAL_VAR/portal.sqlite3" 'SELECT count(*) FROM tickets') tickets"
echo "| page                                         |      req/s |      p99 |"
echo "|----------------------------------------------|-----------:|---------:|"
measure "static file, $list_size B" "$url/bench-list.html"
measure "list, 1,000 tickets, open, by priority ($list_size B)" -H "Cookie: $cookie" "$url$list"
measure "static file, $detail_size B" "$url/bench-detail.html"
measure "detail, 50 messages ($detail_size B)" -H "Cookie: $cookie" "$url$detail"
csrf=$(curl -s -b "$cookie" "$url/ticket/nuovo" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
before=$(sqlite3 "$PORTAL_VAR/portal.sqlite3" 'SELECT count(*) FROM tickets')
SESSION=$session CSRF=$csrf measure "POST /ticket/nuovo (creates a ticket)" -s bench/create-ticket.lua "$url/ticket/nuovo"
after=$(sqlite3 "$PORTAL_VAR/portal.sqlite3" 'SELECT count(*) FROM tickets')
echo
echo "tickets created: $((after - before))"
echo "Worker memory (RSS, kB) after the run:"
for pid in $(pgrep -f "$bin/portal-tickets"); do echo "  portal-tickets $pid: $(awk '/VmRSS/ {print $2}' /proc/$pid/status)"; done
