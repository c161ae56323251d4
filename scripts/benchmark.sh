#!/usr/bin/env bash
# Install dxkit and run the benchmarks (arguments go to benchmarks/run.py, e.g. --consortia 5000).
source "$(dirname "$0")/_env.sh" ""
exec python benchmarks/run.py "$@"
