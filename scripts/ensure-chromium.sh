#!/usr/bin/env bash
# Playwright drives Debian's Chromium; no browser download works on these machines.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium (needed by the end-to-end tests)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at $CHROMIUM. Install it with: sudo apt-get install chromium" >&2
echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
exit 1
