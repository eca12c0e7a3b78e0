#!/usr/bin/env bash
# Retakes the manual's pictures (site/manuale/img/*.png) from our own running portal with
# headless Chromium at 1280x800, through the browser test that walks the pages they show:
# the customers' pages, then the operators' desk ("Coda ticket" and an operator's ticket page)
# as the demo operator. Review them (git diff --stat) and commit them with the chapters that
# use them. SWIFT_BUILD_FLAGS adds options to swift build (e.g. --scratch-path DIR), as for
# scripts/build.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/deps.sh test
# shellcheck disable=SC2086
swift build ${SWIFT_BUILD_FLAGS:-}
# shellcheck disable=SC2086
export PORTAL_BIN=$(swift build ${SWIFT_BUILD_FLAGS:-} --show-bin-path)
PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 PORTAL_UPDATE_SCREENSHOTS=1 /usr/bin/python3 -m pytest -p no:cacheprovider -q \
    Tests/browser/test_site_browser.py -k screenshots
ls -l site/manuale/img/
