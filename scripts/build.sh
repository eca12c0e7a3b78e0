#!/usr/bin/env bash
# make build: the release build, installed into cgi-bin/, where make run starts the
# handlers from and whose files a server gets in /opt/portal/cgi-bin/. SWIFT_BUILD_FLAGS
# adds options to swift build (e.g. --scratch-path DIR for a build folder elsewhere).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck disable=SC2086
swift build -c release ${SWIFT_BUILD_FLAGS:-}
# shellcheck disable=SC2086
release=$(swift build -c release ${SWIFT_BUILD_FLAGS:-} --show-bin-path)
mkdir -p cgi-bin
for path in "$release"/portal-*; do
    # The executables only: the build folder also has portal-*.product folders.
    [ -f "$path" ] && [ -x "$path" ] || continue
    name=$(basename "$path")
    # A new file renamed over the old one: a handler running from cgi-bin keeps the file it
    # started from (copying onto a running executable fails with "Text file busy").
    install -m 755 "$path" "cgi-bin/.$name.new"
    mv -f "cgi-bin/.$name.new" "cgi-bin/$name"
done
