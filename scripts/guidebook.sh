#!/usr/bin/env bash
# Build the guidebook into ./site and the offline bundle into ./dist/dxkit-guidebook-offline.zip.
source "$(dirname "$0")/_system.sh"
ensure_debian_packages npm || exit 2
source "$(dirname "$0")/_env.sh" "site"
step guidebook
NO_MKDOCS_2_WARNING=1 mkdocs build --strict --quiet
step bundle "path=dist/dxkit-guidebook-offline.zip"
python -m dxkit.render.bundle site dist/dxkit-guidebook-offline.zip
echo "Guidebook: $(pwd)/site/index.html (open it directly, or: python -m http.server -d site)"
