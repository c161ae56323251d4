#!/usr/bin/env bash
# Install dxkit and run the benchmarks (arguments go to benchmarks/run.py, e.g. --consortia 5000).
# Page weight and Lighthouse scores of the sites: benchmarks/pages.py SITE and scripts/lighthouse.sh.
source "$(dirname "$0")/_env.sh" ""
exec python benchmarks/run.py "$@"
