#!/usr/bin/env bash
# Install dxkit, scaffold a sample consortium, and validate it.
# The folder is ./sample-consortium (override with DEMO_DIR); re-running keeps your edits.
source "$(dirname "$0")/_env.sh" "site"
DEMO_DIR="${DEMO_DIR:-sample-consortium}"
DEMO_LANG="${DEMO_LANG:-ja}"
dxkit init "$DEMO_DIR" --no-input --lang "$DEMO_LANG"
dxkit validate "$DEMO_DIR" --lang "$DEMO_LANG"
