#!/usr/bin/env bash
# Install everything the test suite needs, then run the whole suite.
# Browser tests use Debian's Chromium (never a downloaded browser) and Noto CJK fonts;
# npm fetches the self-hosted site scripts; LibreOffice (headless) opens exported workbooks to prove
# no cell becomes a formula, and prints the exported charter (.docx) to PDF. Extra arguments go to pytest.
source "$(dirname "$0")/_system.sh"
ensure_debian_packages chromium fonts-noto-cjk npm libreoffice-calc-nogui libreoffice-writer-nogui || exit 2
source "$(dirname "$0")/_env.sh" "test,site,properdocs"
step tests
exec python -m pytest "$@"
