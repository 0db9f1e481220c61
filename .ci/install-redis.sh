#!/usr/bin/env bash
# Installs what the Redis-backed tests need: Debian's redis-server binary; test/support/redis-server.ts
# starts a throw-away server per test on a free port.
# Idempotent: does nothing when redis-server is already on PATH. Exits non-zero when it cannot install.
set -euo pipefail

PACKAGES=(redis-server)

if command -v redis-server >/dev/null 2>&1; then
  echo "install-redis: already installed: $(redis-server --version 2>/dev/null || command -v redis-server)"
  exit 0
fi

bash "$(dirname "$0")/apt-install.sh" install-redis "${PACKAGES[@]}"

# The package may also start a system-wide redis on 6379; the tests never talk to it, so it is left alone.
if ! command -v redis-server >/dev/null 2>&1; then
  echo "install-redis: apt-get finished but redis-server is not on PATH" >&2
  exit 1
fi
echo "install-redis: installed: $(redis-server --version 2>/dev/null || command -v redis-server)"
