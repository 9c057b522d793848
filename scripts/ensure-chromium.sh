#!/usr/bin/env bash
# The browser tests (npm run test:browser) drive Debian's chromium package; install it when it is missing.
# No browser is downloaded by npm: playwright-core is pointed at /usr/bin/chromium.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-debian-package.sh" chromium chromium fonts-dejavu-core
