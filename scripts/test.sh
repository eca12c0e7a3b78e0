#!/usr/bin/env bash
# make test: install what is missing, build, run the unit tests (swift test), then the
# end-to-end tests (real nginx + handlers + mailer + an SMTP sink on loopback) and the
# browser tests (headless Chromium driven by visible labels). Each suite starts and stops
# the services it needs.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/deps.sh test || exit 1
swift build --build-tests || exit 1
export PORTAL_BIN=$(swift build --show-bin-path)
status=0
log=$(mktemp)
swift test --skip-build >"$log" 2>&1 || status=1
grep -E "✘|error:|failed" "$log" | head -50
tail -n 3 "$log"
rm -f "$log"
/usr/bin/python3 -m pytest -p no:cacheprovider -q Tests/e2e Tests/browser "$@" || status=1
exit $status
