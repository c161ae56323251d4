# Shared by the scripts: create the project's virtual environment and install dxkit into it.
# Usage: source scripts/_env.sh [EXTRAS]   (EXTRAS as in pyproject.toml, e.g. "test,site")
set -euo pipefail
declare -F step >/dev/null || source "$(dirname "${BASH_SOURCE[0]}")/_system.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  step venv
  "$PYTHON" -m venv .venv
fi
step install "extras=${1:-core}"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ -n "${1:-}" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$1]"
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
fi
export PATH="$ROOT/.venv/bin:$PATH"
