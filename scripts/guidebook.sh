#!/usr/bin/env bash
# Build the guidebook into ./site and the offline bundle into ./dist/dxkit-guidebook-offline.zip.
# DXKIT_ENGINE=properdocs builds it with ProperDocs (the continuation of MkDocs 1.x) instead of MkDocs.
source "$(dirname "$0")/_system.sh"
ENGINE="${DXKIT_ENGINE:-mkdocs}"
case "$ENGINE" in
  mkdocs) EXTRAS="site" ;;
  properdocs) EXTRAS="site,properdocs" ;;
  *) echo "DXKIT_ENGINE must be mkdocs or properdocs, not: $ENGINE" >&2; exit 2 ;;
esac
ensure_debian_packages npm || exit 2
source "$(dirname "$0")/_env.sh" "$EXTRAS"
step guidebook "engine=$ENGINE"
NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true "$ENGINE" build --strict --quiet --config-file mkdocs.yml
step bundle "path=dist/dxkit-guidebook-offline.zip"
python -m dxkit.render.bundle site dist/dxkit-guidebook-offline.zip
echo "Guidebook: $(pwd)/site/index.html (open it directly, or: python -m http.server -d site)"
