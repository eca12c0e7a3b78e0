#!/usr/bin/env bash
# Benchmarks against the running portal (release build, real nginx + handlers): the login
# page and a logged-in page (the dashboard), each next to nginx serving a static file of
# the same size, measured in the same run. wrk -t2 -c16 for 10 s each by default.
# usage: bench/run.sh   (DURATION=10s CONNECTIONS=16 to change)
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
"$bin/portal-admin" site build --source site --out "$PORTAL_VAR/www" >/dev/null
BIN=$bin scripts/portal-up.sh >"$PORTAL_VAR/up.log" 2>&1 &
up=$!
trap 'kill -TERM $up; wait $up; rm -rf "$PORTAL_VAR"' EXIT
for _ in $(seq 100); do curl -sf "$url/login" >/dev/null && break; sleep 0.1; done

# A session for the logged-in page, through password and e-mail code.
session=$(/usr/bin/python3 bench/login.py "$url" "$PORTAL_VAR" mario.rossi@rossi.example Portale-Demo-2026)

# Static files of the same sizes as the two pages.
login_size=$(curl -s "$url/login" | wc -c)
dashboard_size=$(curl -s -b "portal_session=$session" "$url/dashboard" | wc -c)
head -c "$login_size" /dev/zero | tr '\0' 'x' >"$PORTAL_VAR/www/bench-login.html"
head -c "$dashboard_size" /dev/zero | tr '\0' 'x' >"$PORTAL_VAR/www/bench-dashboard.html"

measure() { # name, then wrk arguments
    local name=$1; shift
    local out
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$@")
    local rps p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '| %-34s | %10s | %8s |\n' "$name" "$rps" "$p99"
}
echo
echo "wrk -t2 -c$connections -d$duration on $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "| page                               |      req/s |      p99 |"
echo "|------------------------------------|-----------:|---------:|"
measure "static file, $login_size B" "$url/bench-login.html"
measure "GET /login ($login_size B)" "$url/login"
measure "static file, $dashboard_size B" "$url/bench-dashboard.html"
measure "GET /dashboard, logged in ($dashboard_size B)" -H "Cookie: portal_session=$session" "$url/dashboard"
echo
echo "Handler memory (RSS, kB) after the run:"
for pid in $(pgrep -f "$bin/portal-(auth|tenant)"); do
    echo "  $(tr '\0' ' ' </proc/$pid/cmdline | cut -c1-60) $(awk '/VmRSS/ {print $2}' /proc/$pid/status)"
done
