# Shared by the benchmark scripts: build the release binaries, start a portal of its own on
# a free loopback port (demo data), log in, make static files of a given size, run wrk.
# Source it after `set -euo pipefail`; DURATION and CONNECTIONS tune wrk.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}

# Builds, migrates and seeds a fresh portal state folder; runs "$@" (a data generator) on it.
bench_prepare() {
    scripts/deps.sh test >/dev/null
    swift build -c release >/dev/null
    bin=$(swift build -c release --show-bin-path)
    export PORTAL_VAR=$(mktemp -d /tmp/portal-bench-XXXXXX)
    export PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    export PORTAL_LOGIN_RATE=100000r/s PORTAL_LOGIN_BURST=100000
    url=http://127.0.0.1:$PORT
    "$bin/portal-admin" migrate >/dev/null
    "$bin/portal-admin" demo >/dev/null
}

# Starts nginx and the handlers; they stop (and the state folder goes) when the script exits.
bench_start() {
    "$bin/portal-admin" site build --source site --out "$PORTAL_VAR/www" >/dev/null
    BIN=$bin scripts/portal-up.sh >"$PORTAL_VAR/up.log" 2>&1 &
    up=$!
    trap 'kill -TERM $up; wait $up; rm -rf "$PORTAL_VAR"' EXIT
    for _ in $(seq 100); do curl -sf "$url/login" >/dev/null && break; sleep 0.1; done
}

# Prints a session cookie value of the demo administrator, through password and e-mail code.
bench_login() {
    /usr/bin/python3 bench/login.py "$url" "$PORTAL_VAR" mario.rossi@rossi.example Portale-Demo-2026
}

# Writes a static file of SIZE bytes as NAME under the site root (nginx serves it).
bench_static() {
    head -c "$1" /dev/zero | tr '\0' 'x' >"$PORTAL_VAR/www/$2"
}

# One table row: name, then wrk arguments.
measure() {
    local name=$1; shift
    local out rps p99
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$@")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '| %-48s | %10s | %8s |\n' "$name" "$rps" "$p99"
}

bench_header() {
    echo
    echo "wrk -t2 -c$connections -d$duration on $(nproc) cores, $(date -u +%Y-%m-%d)${1:+; $1}"
    echo "| page                                             |      req/s |      p99 |"
    echo "|--------------------------------------------------|-----------:|---------:|"
}
