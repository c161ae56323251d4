#!/usr/bin/env bash
# Install dxkit, scaffold a sample consortium, validate it, and build the guidebook.
# The sample goes to ./sample-consortium (DEMO_DIR), the guidebook to ./site and its offline
# bundle to ./dist; re-running keeps every file you edited in the sample.
source "$(dirname "$0")/_system.sh"
ensure_debian_packages npm || exit 2
source "$(dirname "$0")/_env.sh" "site"
DEMO_DIR="${DEMO_DIR:-sample-consortium}"
DEMO_LANG="${DEMO_LANG:-ja}"
step init "folder=$DEMO_DIR"
dxkit init "$DEMO_DIR" --no-input --lang "$DEMO_LANG"
step validate "folder=$DEMO_DIR"
dxkit validate "$DEMO_DIR" --lang "$DEMO_LANG"
bash scripts/guidebook.sh
