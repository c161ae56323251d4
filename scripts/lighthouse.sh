#!/usr/bin/env bash
# Lighthouse performance of the guidebook and of the example consortium's site, served compressed on 127.0.0.1
# (arguments go to benchmarks/lighthouse.py, e.g. --runs 5, or --guidebook site --site DIR for built sites).
# Installs the pinned Lighthouse 12.x into benchmarks/.lighthouse with npm ci; runs offline after that.
source "$(dirname "$0")/_system.sh"
ensure_debian_packages npm chromium || exit 2
source "$(dirname "$0")/_env.sh" "site"
exec python benchmarks/lighthouse.py "$@"
