#!/usr/bin/env bash
# Renders nginx.conf for one installation.
# usage: render-nginx-conf.sh OUTPUT
# Reads: PORTAL_VAR (state folder), PORT, PORTAL_LISTEN (default 127.0.0.1:$PORT),
# PORTAL_SITE_OUT, PORTAL_RUN (socket folder), PORTAL_ATTACHMENTS_DIR,
# PORTAL_LOGIN_RATE (default 180r/m), PORTAL_LOGIN_BURST (default 150), PORTAL_VAT_RATE and
# PORTAL_VAT_BURST (the classic portal's P.IVA form, default 10r/m and 10), PORTAL_NGINX_USER,
# PORTAL_WORKERS and PORTAL_THREADS (the handlers' --workers and --threads, default 4 and 8),
# PORTAL_TRUSTED_PROXY (addresses or CIDRs of the proxy in front, separated by spaces or
# commas; none by default), PORTAL_REAL_IP_HEADER (default X-Forwarded-For) and
# PORTAL_PUBLIC_URL (https turns HSTS on). These last three are read from the environment,
# else from the file named by PORTAL_CONFIG, as the handlers read them.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# A setting from the environment, else from the PORTAL_CONFIG file (its last KEY=value).
setting() {
    local name=$1
    if [ -n "${!name:-}" ]; then printf '%s' "${!name}"; return; fi
    if [ -n "${PORTAL_CONFIG:-}" ] && [ -r "$PORTAL_CONFIG" ]; then
        sed -n "s/^[[:space:]]*$name[[:space:]]*=[[:space:]]*//p" "$PORTAL_CONFIG" | tail -n 1 \
            | sed -e 's/[[:space:]]*$//' -e 's/^"\(.*\)"$/\1/'
    fi
}
out=${1:?uso: render-nginx-conf.sh FILE_DI_USCITA}
# A settings file named but unreadable: stopped, as portal-admin does (a misspelt name gave
# a configuration without the trusted proxy and without HSTS, and no word of it).
if [ -n "${PORTAL_CONFIG:-}" ] && ! { [ -f "$PORTAL_CONFIG" ] && [ -r "$PORTAL_CONFIG" ]; }; then
    echo "render-nginx-conf.sh: impossibile leggere il file di configurazione $PORTAL_CONFIG (PORTAL_CONFIG)" >&2
    exit 1
fi
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
    echo "render-nginx-conf.sh: i gestori hanno in tutto $threads thread di connessione; con $nginx_workers" \
        "processi di nginx ne servono almeno $(( 2 * nginx_workers )): aumenta PORTAL_THREADS (--threads)" >&2
    exit 1
fi
# Descriptors: a client's connection and its handler's each take one. nginx raises its own
# limit to 10,240 when it may (as root, or below the hard limit); otherwise the connections
# per worker follow what the hard limit allows, rather than nginx warning at every start
# and running out of descriptors under load.
nofile=10240
if [ "$(id -u)" != 0 ]; then
    hard=$(ulimit -Hn)
    if [ "$hard" != unlimited ] && [ "$hard" -lt "$nofile" ]; then nofile=$hard; fi
fi
connections=$(( nofile / 2 < 4096 ? nofile / 2 : 4096 ))
# The trusted proxy's addresses: only they may name the client in the real-IP header.
real_ip=$(mktemp)
trap 'rm -f "$real_ip"' EXIT
proxies=$(setting PORTAL_TRUSTED_PROXY | tr ',' ' ')
for proxy in $proxies; do
    if ! [[ "$proxy" =~ ^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$ ]]; then
        echo "render-nginx-conf.sh: PORTAL_TRUSTED_PROXY: '$proxy' non è un indirizzo né un CIDR" >&2
        exit 1
    fi
    echo "    set_real_ip_from $proxy;" >> "$real_ip"
done
if [ -n "$proxies" ]; then
    header=$(setting PORTAL_REAL_IP_HEADER)
    header=${header:-X-Forwarded-For}
    if ! [[ "$header" =~ ^[A-Za-z0-9-]+$ ]]; then
        echo "render-nginx-conf.sh: PORTAL_REAL_IP_HEADER: '$header' non è il nome di un'intestazione" >&2
        exit 1
    fi
    printf '    real_ip_header %s;\n    real_ip_recursive on;\n' "$header" >> "$real_ip"
fi
hsts=""
case "$(setting PORTAL_PUBLIC_URL)" in https://*) hsts="max-age=31536000" ;; esac
mkdir -p "$var/nginx" "$var/log"
sed -e "s|@VAR@|$var|g" -e "s|@LISTEN@|$listen|g" -e "s|@ROOT@|$root|g" -e "s|@RUN@|$run|g" \
    -e "s|@ATTACHMENTS@|$attachments|g" -e "s|@USER_DIRECTIVE@|$user_directive|g" \
    -e "s|@KEEPALIVE@|$keepalive|g" -e "s|@NGINX_WORKERS@|$nginx_workers|g" -e "s|@LOGIN_RATE@|${PORTAL_LOGIN_RATE:-180r/m}|g" -e "s|@LOGIN_BURST@|${PORTAL_LOGIN_BURST:-150}|g" \
    -e "s|@VAT_RATE@|${PORTAL_VAT_RATE:-10r/m}|g" -e "s|@VAT_BURST@|${PORTAL_VAT_BURST:-10}|g" \
    -e "s|@HSTS@|$hsts|g" -e "s|@NOFILE@|$nofile|g" -e "s|@CONNECTIONS@|$connections|g" -e "/@REAL_IP@/{r $real_ip" -e "d}" \
    "$here/nginx.conf" > "$out"
