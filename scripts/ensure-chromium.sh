#!/usr/bin/env bash
# The browser tests (npm run test:browser) drive Debian's chromium package; install it when it is missing.
# No browser is downloaded by npm: playwright-core is pointed at /usr/bin/chromium.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing: install Debian's chromium package (sudo apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium
