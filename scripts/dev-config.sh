#!/usr/bin/env bash
# Writes the development configuration of `make run` to $PORTAL_VAR/portal.conf: the port's
# public address and the folders. portal-admin and the handlers read it when PORTAL_CONFIG
# is not set (Config.load), so `make run PORT=9000` and a portal-admin started in another
# terminal write the same links. Variables already set (PORTAL_*) are kept in the file.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-8080}
var=$(realpath -m "${PORTAL_VAR:-$here/var}")
mkdir -p "$var"
{
    echo "# Written by make run (scripts/dev-config.sh) on $(date -u +%Y-%m-%dT%H:%MZ); rewritten at every make run."
    echo "PORTAL_VAR=$var"
    echo "PORTAL_PUBLIC_URL=${PORTAL_PUBLIC_URL:-http://127.0.0.1:$port}"
    # Branding and other settings given to make run stay for portal-admin too.
    env | grep -E '^PORTAL_(PRODUCT|VENDOR|LOGO|COLOR|SUPPORT|CONTROLLER|MAIL_FROM|MAIL_REPLY|MAIL_IN)[A-Z_]*=' | sort || true
} > "$var/portal.conf.tmp"
mv "$var/portal.conf.tmp" "$var/portal.conf"
echo "$var/portal.conf"
