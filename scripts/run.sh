#!/usr/bin/env bash
# make run: install what is missing, build in release mode into cgi-bin/ (scripts/build.sh),
# prepare the demo database and the static site under var/, then serve everything on
# 127.0.0.1:$PORT from cgi-bin/ until Ctrl-C (SIGINT) or SIGTERM.
# BIN=DIR uses the executables already built in DIR (e.g. the debug build) instead.
set -euo pipefail
# A script that started us with `setsid make run &` leaves SIGINT ignored, and bash can
# neither trap nor reset a signal ignored on entry: Ctrl-C would do nothing and the
# services would run on. Start again with the default handling of both stop signals.
if [ -z "${PORTAL_SIGNALS_RESET:-}" ]; then
    PORTAL_SIGNALS_RESET=1 exec env --default-signal=INT,TERM "$0" "$@"
fi
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
export PORT=${PORT:-8080}
export PORTAL_VAR="${PORTAL_VAR:-$here/var}"
export PORTAL_PUBLIC_URL="${PORTAL_PUBLIC_URL:-http://127.0.0.1:$PORT}"
scripts/deps.sh run
if [ -n "${BIN:-}" ]; then
    bin=$(realpath "$BIN")
else
    scripts/build.sh
    bin=$here/cgi-bin
fi
mkdir -p "$PORTAL_VAR"
# Answering by e-mail: a development key kept under var/ (so the Reply-To addresses of
# earlier e-mails stay valid), and the folder whose dropped .eml files the mailer delivers.
if [ -z "${PORTAL_MAIL_REPLY_KEY:-}" ]; then
    [ -s "$PORTAL_VAR/mail-reply.key" ] || head -c 32 /dev/urandom | base64 | tr -d '\n=' >"$PORTAL_VAR/mail-reply.key"
    export PORTAL_MAIL_REPLY_KEY=$(cat "$PORTAL_VAR/mail-reply.key")
fi
export PORTAL_MAIL_IN_DIR="${PORTAL_MAIL_IN_DIR:-$PORTAL_VAR/mail-in}"
mkdir -p "$PORTAL_MAIL_IN_DIR"
# The demo's identity, unless given: the privacy notice names a data controller and
# "Contatti" an e-mail and a phone, as on a real installation (README, "Branding").
export PORTAL_VENDOR_NAME="${PORTAL_VENDOR_NAME:-Gestionale Demo S.r.l.}"
export PORTAL_SUPPORT_EMAIL="${PORTAL_SUPPORT_EMAIL:-assistenza@gestionale-demo.example}"
# The e-mails' sender (and, with a "+token", their Reply-To) in the demo's own domain: the
# default's portal.invalid read as a broken address in a mail client. Not the desk's mailbox
# above: the desk's own e-mails would reach the mail gate (the mailer refuses that setup).
export PORTAL_MAIL_FROM="${PORTAL_MAIL_FROM:-Assistenza Gestionale Demo <portale@gestionale-demo.example>}"
export PORTAL_SUPPORT_PHONE="${PORTAL_SUPPORT_PHONE:-+39 0541 000000}"
export PORTAL_CONTROLLER_NAME="${PORTAL_CONTROLLER_NAME:-Gestionale Demo S.r.l.}"
demo_address="Via dell'Esempio 1, 47921 Rimini (RN)"  # bash reads a quote inside ${…:-…}
export PORTAL_CONTROLLER_ADDRESS="${PORTAL_CONTROLLER_ADDRESS:-$demo_address}"
export PORTAL_CONTROLLER_EMAIL="${PORTAL_CONTROLLER_EMAIL:-privacy@gestionale-demo.example}"
# The settings of this run, for portal-admin in another terminal too (Config.load reads them).
conf=$(scripts/dev-config.sh)
"$bin/portal-admin" migrate
demo=$("$bin/portal-admin" demo)
"$bin/portal-admin" site build --source "$here/site" --out "$PORTAL_VAR/www"
cat <<INFO

  Portale: http://127.0.0.1:$PORT/
  Le e-mail (codici di accesso, inviti) sono scritte in $PORTAL_VAR/mail/*.eml e stampate qui.
  Impostazioni di questa esecuzione: $conf (le legge anche portal-admin).
  Per rispondere all'e-mail di un ticket salva la risposta (un file .eml, To: il suo Reply-To)
  in $PORTAL_MAIL_IN_DIR/: entro un secondo è aggiunta al ticket (e spostata in done/).

INFO
echo "$demo"
echo
BIN="$bin" exec scripts/portal-up.sh
