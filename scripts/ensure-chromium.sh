#!/usr/bin/env bash
# Make sure Debian's chromium is installed at /usr/bin/chromium (used by the browser tests
# through playwright-core). Idempotent: does nothing but print the version when it is present.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

# Prints the version. Debian's launcher wrapper can print a harmless shell warning on stderr
# (from /etc/chromium.d/dev-shm); show stderr only if the command fails.
print_version() {
  local err
  err="$(mktemp)"
  if ! "$CHROMIUM" --version 2>"$err"; then
    cat "$err" >&2
    rm -f "$err"
    echo "error: $CHROMIUM is installed but does not run." >&2
    return 1
  fi
  rm -f "$err"
}

if [[ -x "$CHROMIUM" ]]; then
  print_version
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "error: $CHROMIUM is missing and this script is not running as root (and sudo is not available)." >&2
  echo "fix:   run as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $CHROMIUM is missing and apt-get is not available (this script supports Debian/Ubuntu)." >&2
  echo "fix:   install Chromium so that it is at $CHROMIUM." >&2
  exit 1
fi

echo "Installing Debian's chromium (apt-get)..."
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y chromium

if [[ ! -x "$CHROMIUM" ]]; then
  echo "error: apt-get installed chromium but $CHROMIUM does not exist." >&2
  exit 1
fi
print_version
