#!/usr/bin/env bash
# The dashboard benchmark of issue 7: with 100,000 tickets across 1,000 companies (ROSSI SRL
# holding 1,000), the dashboard's data request (GET /api/dashboard: layout, newest tickets,
# open/closed counts) and the page itself, each next to nginx serving a static file of the
# same size in the same run. Then saving a layout, and the portal-tenant workers' memory.
# One session replaying one URL: a tool for looking at one page, with no target (issue #15's
# targets are bench/mix.sh's).
# usage: bench/dashboard.sh   (DURATION=10s CONNECTIONS=16 ROUNDS=3)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_prepare /usr/bin/python3 bench/generate.py
bench_start
session=$(bench_login)
cookie="portal_session=$session"
csrf=$(curl -s -b "$cookie" "$url/dashboard" | grep -o 'data-csrf="[^"]*"' | cut -d'"' -f2)
layout='{"layout":[{"widget":"ticket-list","x":0,"y":0,"w":8,"h":7},{"widget":"ticket-status","x":8,"y":0,"w":4,"h":6}]}'
curl -sf -X PUT -b "$cookie" -H "Content-Type: application/json" -H "X-CSRF-Token: $csrf" -d "$layout" \
    "$url/api/dashboard/layout" >/dev/null
data_size=$(curl -s -b "$cookie" "$url/api/dashboard" | wc -c)
page_size=$(curl -s -b "$cookie" "$url/dashboard" | wc -c)
bench_static "$data_size" bench-dashboard-data.json
bench_static "$page_size" bench-dashboard.html

bench_header "$(sqlite3 "$PORTAL_VAR/portal.sqlite3" 'SELECT count(*) FROM tickets') tickets"
compare "GET /api/dashboard, 1,000 tickets ($data_size B)" "$url/bench-dashboard-data.json" -H "Cookie: $cookie" "$url/api/dashboard"
# The FastCGI floor: the same URL without a session, answered (401) before any database work.
measure "GET /api/dashboard without a session (401)" "$url/api/dashboard"
measure "static file, $page_size B" "$url/bench-dashboard.html"
measure "GET /dashboard, two widgets ($page_size B)" -H "Cookie: $cookie" "$url/dashboard"
cat >"$PORTAL_VAR/save.lua" <<LUA
wrk.method = "PUT"
wrk.body = '$layout'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-Token"] = "$csrf"
wrk.headers["Cookie"] = "$cookie"
LUA
measure "PUT /api/dashboard/layout (saves)" -s "$PORTAL_VAR/save.lua" "$url/api/dashboard/layout"

echo
echo "portal-tenant worker memory (RSS, kB) after the run:"
for pid in $(pgrep -f "$bin/portal-tenant"); do echo "  portal-tenant $pid: $(awk '/VmRSS/ {print $2}' /proc/$pid/status)"; done
report_medians
