#!/usr/bin/env bash
# Starts nginx, the FastCGI handlers and the mailer in the foreground and keeps them
# running: a handler's workers are restarted by the handler itself, and a whole service
# that exits is started again here. Ctrl-C (SIGINT) or SIGTERM stops everything it started,
# whatever the parent ignored. Needs a migrated database and a built site. Reads PORTAL_VAR,
# PORT, BIN (the folder of the executables, default cgi-bin/) and the variables of
# render-nginx-conf.sh.
set -uo pipefail
# bash cannot trap a signal ignored on entry (`setsid … &` from a script ignores SIGINT):
# start again with the default handling, so that the trap below works.
if [ -z "${PORTAL_SIGNALS_RESET:-}" ]; then
    PORTAL_SIGNALS_RESET=1 exec env --default-signal=INT,TERM "$0" "$@"
fi
here=$(cd "$(dirname "$0")/.." && pwd)
export PORTAL_VAR=$(realpath -m "${PORTAL_VAR:-$here/var}")
export PORT=${PORT:-8080}
bin=$(realpath -m "${BIN:-$here/cgi-bin}")
run=$(realpath -m "${PORTAL_RUN:-$PORTAL_VAR/run}")
workers=${PORTAL_WORKERS:-4}
threads=${PORTAL_THREADS:-8}
export PORTAL_PUBLIC_URL=${PORTAL_PUBLIC_URL:-http://127.0.0.1:$PORT}
mkdir -p "$run" "$PORTAL_VAR/log" "$PORTAL_VAR/mail" "$PORTAL_VAR/attachments"

# A refused render (an unreadable PORTAL_CONFIG) stops here: the last run's file would pass nginx -t.
"$here/scripts/render-nginx-conf.sh" "$PORTAL_VAR/nginx.conf" || exit 1
nginx -t -q -c "$PORTAL_VAR/nginx.conf" -g 'daemon off;' || { echo "portal-up: la configurazione di nginx non è valida" >&2; exit 1; }
# Said before anything starts: with the port taken, nginx failed to bind in a loop while
# "serving on" was printed and another program answered there; without the built site every
# page went unstyled and the manual answered nginx's own errors.
listen=${PORTAL_LISTEN:-127.0.0.1:$PORT}
if (exec 3<>"/dev/tcp/${listen%:*}/${listen##*:}") 2>/dev/null; then
    echo "portal-up: $listen è già in uso (da un altro portale o programma): scegli un altro PORT" >&2
    exit 1
fi
site=$(realpath -m "${PORTAL_SITE_OUT:-$PORTAL_VAR/www}")
if [ ! -f "$site/manuale/index.html" ]; then
    echo "portal-up: il sito non è generato in $site: esegui prima portal-admin site build" >&2
    exit 1
fi

declare -A commands=(
    [portal-auth]="$bin/portal-auth --socket $run/portal-auth.sock --workers $workers --threads $threads"
    [portal-tenant]="$bin/portal-tenant --socket $run/portal-tenant.sock --workers $workers --threads $threads"
    [portal-tickets]="$bin/portal-tickets --socket $run/portal-tickets.sock --workers $workers --threads $threads"
    [portal-desk]="$bin/portal-desk --socket $run/portal-desk.sock --workers $workers --threads $threads"
    [portal-mailer]="$bin/portal-mailer"
)
declare -A pids=()
# When each was started (bash's SECONDS): one that stops within a second of its start (a
# database it cannot open) is restarted once a second, not five times.
declare -A started=()
stopping=0

start() {
    local name=$1
    if [ "$name" = nginx ]; then
        # In a process group of its own (setsid: the master's pid is the group's; this script
        # has no job control, so its background child is no group leader and setsid does not
        # fork): a master killed with -9 leaves its workers holding the port, and only the
        # group finds them.
        setsid nginx -c "$PORTAL_VAR/nginx.conf" -g 'daemon off;' &
    else
        # shellcheck disable=SC2086
        ${commands[$name]} 2>>"$PORTAL_VAR/log/$name.log" &
    fi
    pids[$name]=$!
    started[$name]=$SECONDS
}

# Whatever stop signal arrives, each service gets SIGTERM: started in the background by this
# script, they ignore SIGINT (bash does that to background jobs).
stop_all() {
    stopping=1
    for name in "${!pids[@]}"; do kill -TERM "${pids[$name]}" 2>/dev/null; done
    [ -n "${pids[nginx]:-}" ] && kill -TERM -- "-${pids[nginx]}" 2>/dev/null
    for name in "${!pids[@]}"; do wait "${pids[$name]}" 2>/dev/null; done
    # Workers left by a master that was killed: nothing of this portal outlives it.
    [ -n "${pids[nginx]:-}" ] && kill -KILL -- "-${pids[nginx]}" 2>/dev/null
    exit "${1:-0}"
}
trap stop_all INT TERM

for name in portal-auth portal-tenant portal-tickets portal-desk portal-mailer; do start "$name"; done
# nginx last, once the sockets exist, so that the first request does not meet a 502.
for _ in $(seq 100); do
    [ -S "$run/portal-auth.sock" ] && [ -S "$run/portal-tenant.sock" ] && [ -S "$run/portal-tickets.sock" ] \
        && [ -S "$run/portal-desk.sock" ] && break
    sleep 0.05
done
# A handler or the mailer that could not start (a database not migrated or migrated by a
# newer build, an attachments folder it cannot write) was restarted every second behind a
# "serving on" while every page answered 502: its reason is said and nothing stays up.
for name in portal-auth portal-tenant portal-tickets portal-desk portal-mailer; do
    if ! kill -0 "${pids[$name]}" 2>/dev/null; then
        echo "portal-up: $name non si è avviato: $(tail -n 1 "$PORTAL_VAR/log/$name.log" 2>/dev/null)" >&2
        unset "pids[$name]"
        stop_all 1
    fi
done
start nginx
# Whatever else keeps nginx from starting (a port taken meanwhile, a folder it cannot read):
# said with its own words, everything stopped, rather than retried every second for ever.
sleep 0.3
if ! kill -0 "${pids[nginx]}" 2>/dev/null; then
    echo "portal-up: nginx non si è avviato: $(tail -n 1 "$PORTAL_VAR/log/nginx-error.log" 2>/dev/null)" >&2
    unset 'pids[nginx]'
    stop_all 1
fi
echo "portal-up: il portale risponde su http://127.0.0.1:$PORT/ (registri in $PORTAL_VAR/log)"

# Five times a second, every service is looked at: `wait -n` on the list of pids lost services
# for good when two died close together (bash had already reaped the second, which then was "no
# such job" to every later wait). `wait` on a sleep keeps the stop signals prompt. Once a
# second, a handler killed with -9 left its socket refusing nginx (502) for up to a second.
while [ "$stopping" = 0 ]; do
    sleep 0.2 &
    wait $! 2>/dev/null
    [ "$stopping" = 1 ] && break
    for name in "${!pids[@]}"; do
        if ! kill -0 "${pids[$name]}" 2>/dev/null; then
            [ $((SECONDS - started[$name])) -lt 1 ] && continue
            wait "${pids[$name]}" 2>/dev/null
            echo "portal-up: $name si è fermato; lo riavvio" >&2
            # A master killed with -9 leaves its workers on the port: the new one could not bind.
            [ "$name" = nginx ] && kill -KILL -- "-${pids[nginx]}" 2>/dev/null
            start "$name"
        fi
    done
done
