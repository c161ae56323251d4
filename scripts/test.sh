#!/usr/bin/env bash
# Install everything the test suite needs, then run the whole suite.
# Extra arguments go to pytest (e.g. scripts/test.sh -k loading).
source "$(dirname "$0")/_env.sh" "test,site"
exec python -m pytest "$@"
