#!/usr/bin/env bash
# Installs the Debian packages the portal needs, only those that are missing.
# usage: deps.sh run|test
set -euo pipefail
packages=(nginx libfcgi-dev libsqlite3-dev libsodium-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
          libcurl4-openssl-dev pkg-config sqlite3 curl)
if [ "${1:-run}" = test ]; then
    # the end-to-end and browser tests: pytest + requests + Selenium driving Debian's Chromium,
    # an SMTP sink (aiosmtpd), wrk for the benchmarks
    packages+=(python3 python3-pytest python3-requests python3-selenium python3-aiosmtpd chromium chromium-driver wrk)
fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd=sudo
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
