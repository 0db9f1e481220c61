#!/usr/bin/env bash
# apt-install.sh WHO PACKAGE...: installs Debian packages as root or through sudo, non-interactively.
# WHO names the calling script in messages. Exits non-zero when it cannot.
set -euo pipefail

WHO="$1"
shift

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "$WHO: not root and no sudo: cannot apt-get install $*" >&2
    exit 1
  fi
fi

echo "$WHO: installing $* with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@"
