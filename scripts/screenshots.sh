#!/usr/bin/env bash
# Retakes the manual's pictures (site/manuale/img/*.png) from our own running portal with
# headless Chromium at 1280x800, through the browser test that walks the pages they show.
# Review them (git diff --stat) and commit them with the chapters that use them.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/deps.sh test
swift build
export PORTAL_BIN=$(swift build --show-bin-path)
PORTAL_UPDATE_SCREENSHOTS=1 /usr/bin/python3 -m pytest -p no:cacheprovider -q \
    Tests/browser/test_site_browser.py -k screenshots
ls -l site/manuale/img/
