#!/usr/bin/env bash
# Installs what the GraphiQL browser test (test/graphiql/graphiql.browser.test.ts) needs: Debian's
# Chromium, driven by playwright-core (never `npx playwright install`, which downloads a browser).
# Idempotent: does nothing when Chromium is already there. Exits non-zero when it cannot install.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# GraphiQL's own fonts are inlined in its stylesheet; Liberation covers Chromium's default faces.
PACKAGES=(chromium fonts-liberation)

if [ -x "$CHROMIUM" ] && dpkg -s "${PACKAGES[@]}" >/dev/null 2>&1; then
  echo "install-chromium: already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

bash "$(dirname "$0")/apt-install.sh" install-chromium "${PACKAGES[@]}"

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: apt-get finished but $CHROMIUM is missing" >&2
  exit 1
fi
echo "install-chromium: installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
