#!/usr/bin/env bash
# The login page and a logged-in page (the dashboard) against the release build behind
# nginx, each next to nginx serving a static file of the same size, in the same run.
# One session replaying one URL: it measures the worker's caches, not the product (bench/run.sh
# does). usage: bench/single-url.sh   (DURATION=10s CONNECTIONS=16 to change)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_prepare
bench_start
session=$(bench_login)
login_size=$(curl -s "$url/login" | wc -c)
dashboard_size=$(curl -s -b "portal_session=$session" "$url/dashboard" | wc -c)
bench_static "$login_size" bench-login.html
bench_static "$dashboard_size" bench-dashboard.html

bench_header
measure "static file, $login_size B" "$url/bench-login.html"
measure "GET /login ($login_size B)" "$url/login"
measure "static file, $dashboard_size B" "$url/bench-dashboard.html"
measure "GET /dashboard, logged in ($dashboard_size B)" -H "Cookie: portal_session=$session" "$url/dashboard"
echo
echo "Handler memory (RSS, kB) after the run:"
for pid in $(pgrep -f "$bin/portal-(auth|tenant)"); do
    echo "  $(tr '\0' ' ' </proc/$pid/cmdline | cut -c1-60) $(awk '/VmRSS/ {print $2}' /proc/$pid/status)"
done
