#!/usr/bin/env bash
# Build the offline install bundles into dist/bundle/<platform>-py3XX/ (wheelhouse, SHA256SUMS, INSTALL.txt).
# Usage: bash scripts/bundle.sh [--platform win_amd64|linux_x86_64]... [--python 3.11]... [--out DIR] [--check]
# Without options: every platform and Python 3.11-3.13. --check only checks that every dependency has a wheel.
# Needs the package index and npm (once, for the site's scripts) on this machine; the bundles need neither.
source "$(dirname "$0")/_system.sh"
ensure_debian_packages npm || exit 2
source "$(dirname "$0")/_env.sh" "site"
python scripts/bundle.py "$@"
