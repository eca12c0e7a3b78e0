#!/usr/bin/env bash
# The ticket benchmark of issue 5: 100,000 tickets across 1,000 companies; the list page of
# a company with 1,000 tickets (filtered and sorted) and the detail page of a 50-message
# ticket next to nginx serving a static file of the same size, in the same run; then ticket
# creation without files; then the workers' resident memory. One session replaying one URL:
# a tool for looking at one page, with no target (issue #15's targets are bench/mix.sh's).
# usage: bench/tickets.sh   (DURATION=10s CONNECTIONS=16 ROUNDS=3)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_prepare /usr/bin/python3 bench/generate.py
bench_start
session=$(bench_login)
cookie="portal_session=$session"
list="/ticket?ordine=priorita&stato=aperto&priorita=qualsiasi&tipologia=qualsiasi"
detail=$(sqlite3 "$PORTAL_VAR/portal.sqlite3" \
    "SELECT '/ticket/' || t.number FROM tickets t JOIN messages m ON m.ticket_id = t.id GROUP BY t.id HAVING count(*) >= 50 LIMIT 1")
list_size=$(curl -s -b "$cookie" "$url$list" | wc -c)
detail_size=$(curl -s -b "$cookie" "$url$detail" | wc -c)
bench_static "$list_size" bench-list.html
bench_static "$detail_size" bench-detail.html

bench_header "$(sqlite3 "$PORTAL_VAR/portal.sqlite3" 'SELECT count(*) FROM tickets') tickets"
compare "list, 1,000 tickets, open, by priority ($list_size B)" "$url/bench-list.html" -H "Cookie: $cookie" "$url$list"
compare "detail, 50 messages ($detail_size B)" "$url/bench-detail.html" -H "Cookie: $cookie" "$url$detail"
csrf=$(curl -s -b "$cookie" "$url/ticket/nuovo" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
before=$(sqlite3 "$PORTAL_VAR/portal.sqlite3" 'SELECT count(*) FROM tickets')
SESSION=$session CSRF=$csrf measure "POST /ticket/nuovo (creates a ticket)" -s bench/create-ticket.lua "$url/ticket/nuovo"
after=$(sqlite3 "$PORTAL_VAR/portal.sqlite3" 'SELECT count(*) FROM tickets')
echo
echo "tickets created: $((after - before))"
echo "Worker memory (RSS, kB) after the run:"
for pid in $(pgrep -f "$bin/portal-tickets"); do echo "  portal-tickets $pid: $(awk '/VmRSS/ {print $2}' /proc/$pid/status)"; done
report_medians
