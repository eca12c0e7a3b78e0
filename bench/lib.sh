# Shared by the benchmark scripts: build the release binaries, start a portal of its own on
# a free loopback port (demo data), log in, make static files of a given size, run wrk.
# Source it after `set -euo pipefail`; DURATION and CONNECTIONS tune wrk; SWIFT_SCRATCH, if
# set, is the build folder (swift's --scratch-path), so that a benchmark does not share .build
# with a build running in the same checkout.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
scratch=(${SWIFT_SCRATCH:+--scratch-path "$SWIFT_SCRATCH"})

# Builds, migrates and seeds a fresh portal state folder; runs "$@" (a data generator), if
# given, with the database's path as its last argument.
#
# A generated data set is kept in BENCH_CACHE (default /var/tmp/portal-bench), under the
# hash of the generator, the demo data, the migrations and BENCH_SCALE (the million takes
# half an hour to generate); a later run with the same sources copies it and refreshes
# SQLite's statistics, the generator's last step. BENCH_CACHE=off generates every time.
bench_prepare() {
    scripts/deps.sh test >/dev/null
    SWIFT_BUILD_FLAGS="${scratch[*]}" scripts/build.sh >/dev/null
    bin=$here/cgi-bin
    export PORTAL_VAR=$(mktemp -d /tmp/portal-bench-XXXXXX)
    export PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    export PORTAL_LOGIN_RATE=100000r/s PORTAL_LOGIN_BURST=100000
    # Ticket creation at full speed has each of the 300 customers open dozens of tickets a
    # minute, past the per-person limit no person reaches: the limit's counts are made all the
    # same at every creation, only not refused.
    export PORTAL_TICKETS_PER_PERSON_HOUR=100000 PORTAL_TICKETS_PER_COMPANY_HOUR=100000
    export PORTAL_REPLIES_PER_PERSON_HOUR=100000 PORTAL_DESK_REPLIES_PER_PERSON_HOUR=100000
    url=http://127.0.0.1:$PORT
    local cache=""
    if [ $# -gt 0 ] && [ "${BENCH_CACHE:-}" != off ]; then
        cache=${BENCH_CACHE:-/var/tmp/portal-bench}/$(cat "${@: -1}" Sources/PortalDomain/DemoData.swift \
            Sources/PortalStore/Migrations*.swift | sha256sum | cut -c1-16)-${BENCH_SCALE:-100k}
    fi
    if [ -n "$cache" ] && [ -f "$cache/portal.sqlite3" ]; then
        cp -a "$cache/." "$PORTAL_VAR/"
        sqlite3 "$PORTAL_VAR/portal.sqlite3" "ANALYZE"
        return
    fi
    "$bin/portal-admin" migrate >/dev/null
    "$bin/portal-admin" demo >/dev/null
    if [ $# -gt 0 ]; then
        "$@" "$PORTAL_VAR/portal.sqlite3"
        if [ -n "$cache" ]; then
            sqlite3 "$PORTAL_VAR/portal.sqlite3" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
            rm -rf "$cache.new"
            mkdir -p "$cache.new"
            cp -a "$PORTAL_VAR/." "$cache.new/"
            rm -rf "$cache" && mv "$cache.new" "$cache"
        fi
    fi
}

# Starts nginx and the handlers; they stop (and the state folder goes) when the script exits,
# after the commands a script added to bench_cleanup for what it started beside them.
bench_cleanup=()
bench_start() {
    "$bin/portal-admin" site build --source site --out "$PORTAL_VAR/www" >/dev/null
    BIN=$bin scripts/portal-up.sh >"$PORTAL_VAR/up.log" 2>&1 &
    up=$!
    trap 'for command in "${bench_cleanup[@]}"; do eval "$command"; done; kill -TERM $up; wait $up; rm -rf "$PORTAL_VAR"' EXIT
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

# The req/s of a table row.
rps() { awk -F'|' '{gsub(/ /, "", $3); print $3}' <<<"$1"; }

# The page against nginx serving a static file of the same size, alternately, ROUNDS times
# (default 3): one table row each, then the ratio of each round and their median. The
# machine is noisy; a ratio within one round compares like with like.
# usage: compare NAME STATIC_URL WRK_ARGS...   (the medians collect in $medians)
medians=()
compare() {
    local name=$1 static_url=$2 static dynamic ratio
    shift 2
    local ratios=()
    for _ in $(seq "${ROUNDS:-3}"); do
        static=$(measure "static file, same size" "$static_url")
        dynamic=$(measure "$name" "$@")
        echo "$static"
        echo "$dynamic"
        ratios+=("$(awk -v d="$(rps "$dynamic")" -v s="$(rps "$static")" 'BEGIN { printf "%.1f", 100 * d / s }')")
    done
    ratio=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { print r[int((NR + 1) / 2)] }')
    medians+=("$name: $ratio% of static (rounds: ${ratios[*]})")
}

# Prints the medians of the rounds.
report_medians() {
    echo
    for line in "${medians[@]}"; do echo "$line"; done
}
