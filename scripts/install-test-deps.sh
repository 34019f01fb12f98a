#!/usr/bin/env bash
# What the tests need besides npm packages, from Debian (no browser download works on these
# machines): Chromium for Playwright, redis-server for the shared-session tests,
# python3-openstackclient for the OpenStack client check (scripts/openstack-client-check.sh),
# fonts-noto-cjk so that the Chinese pages are drawn (and measured) in real glyphs, not boxes.
# Installs only what is missing, so running it again is instant.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
REDIS="${REDIS_SERVER:-redis-server}"

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v "$REDIS" >/dev/null 2>&1 || [ -x /usr/sbin/redis-server ] || missing+=(redis-server)
[ -x /usr/bin/openstack ] || command -v openstack >/dev/null 2>&1 || missing+=(python3-openstackclient)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} (needed by the tests)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # with recommends: Chromium's fonts (fonts-liberation) make pages render as users see them
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

for package in "${missing[@]}"; do
  case "$package" in
    redis-server)
      # Not fatal: the shared-session tests skip themselves, saying so.
      echo "redis-server is missing: the shared-session tests will be skipped. Install it with: sudo apt-get install redis-server" >&2
      echo "(or set REDIS_SERVER to a redis-server binary)" >&2
      ;;
    python3-openstackclient)
      # Not fatal: the OpenStack client check skips itself, saying so.
      echo "openstack is missing: the OpenStack client check will be skipped. Install it with: sudo apt-get install python3-openstackclient" >&2
      ;;
    fonts-noto-cjk)
      # Not fatal: the tests pass, but Chinese text is drawn as boxes in screenshots.
      echo "No Chinese font: Chinese pages will show boxes. Install one with: sudo apt-get install fonts-noto-cjk" >&2
      ;;
    chromium)
      echo "The end-to-end tests need Chromium at $CHROMIUM. Install it with: sudo apt-get install chromium" >&2
      echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
      exit 1
      ;;
  esac
done
