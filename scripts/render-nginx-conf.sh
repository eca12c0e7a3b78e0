#!/usr/bin/env bash
# Renders nginx.conf for one installation.
# usage: render-nginx-conf.sh OUTPUT
# Reads: PORTAL_VAR (state folder), PORT, PORTAL_LISTEN (default 127.0.0.1:$PORT),
# PORTAL_SITE_OUT, PORTAL_RUN (socket folder), PORTAL_ATTACHMENTS_DIR,
# PORTAL_LOGIN_RATE (default 10r/m), PORTAL_LOGIN_BURST (default 10), PORTAL_NGINX_USER,
# PORTAL_WORKERS and PORTAL_THREADS (the handlers' --workers and --threads, default 4 and 8).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: render-nginx-conf.sh OUTPUT}
var=$(realpath -m "${PORTAL_VAR:-$here/var}")
port=${PORT:-8080}
listen=${PORTAL_LISTEN:-127.0.0.1:$port}
root=$(realpath -m "${PORTAL_SITE_OUT:-$var/www}")
run=$(realpath -m "${PORTAL_RUN:-$var/run}")
attachments=$(realpath -m "${PORTAL_ATTACHMENTS_DIR:-$var/attachments}")
user_directive=""
# nginx only switches user when started as root; in development as root it keeps root so
# that it can reach the sockets and folders of the checkout.
if [ "$(id -u)" = 0 ]; then user_directive="user ${PORTAL_NGINX_USER:-root};"; fi
# Idle kept connections per nginx worker process (one per core): at most half of a
# handler's connection threads in all, so that a new connection always finds a free one.
nginx_workers=$(nproc)
threads=$(( ${PORTAL_WORKERS:-4} * ${PORTAL_THREADS:-8} ))
keepalive=$(( threads / (2 * nginx_workers) ))
if [ "$keepalive" -lt 1 ]; then
    echo "render-nginx-conf.sh: the handlers run $threads connection threads in all; with $nginx_workers" \
        "nginx processes they need at least $(( 2 * nginx_workers )): raise PORTAL_THREADS (--threads)" >&2
    exit 1
fi
mkdir -p "$var/nginx" "$var/log"
sed -e "s|@VAR@|$var|g" -e "s|@LISTEN@|$listen|g" -e "s|@ROOT@|$root|g" -e "s|@RUN@|$run|g" \
    -e "s|@ATTACHMENTS@|$attachments|g" -e "s|@USER_DIRECTIVE@|$user_directive|g" \
    -e "s|@KEEPALIVE@|$keepalive|g" -e "s|@NGINX_WORKERS@|$nginx_workers|g" -e "s|@LOGIN_RATE@|${PORTAL_LOGIN_RATE:-10r/m}|g" -e "s|@LOGIN_BURST@|${PORTAL_LOGIN_BURST:-10}|g" \
    "$here/nginx.conf" > "$out"
