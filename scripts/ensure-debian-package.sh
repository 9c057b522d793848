#!/usr/bin/env bash
# Usage: ensure-debian-package.sh COMMAND PACKAGE...
# The real parts some scripts drive (chromium for the browser tests, valgrind for bench:count) come from Debian's
# packages: when COMMAND is missing, install the PACKAGEs (as root; otherwise say what to install).
set -euo pipefail
command_name=$1
shift
if command -v "$command_name" >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$command_name is missing: install Debian's $1 package (sudo apt-get install $*)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "$@" >/dev/null
command -v "$command_name"
