# Shared by the scripts: say what each step does, and install Debian packages the project needs.
# Usage: source scripts/_system.sh; step KEY [NAME=VALUE...]; ensure_debian_packages PACKAGE...
# A package counts as present when dpkg has it installed, or when a command of the same name
# is already on PATH (npm or chromium installed some other way is fine).
DXKIT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DXKIT_ROOT
# Print the message script.KEY of src/dxkit/i18n/messages/script.toml (the one source of the
# scripts' texts) in the reader's language: DXKIT_LANG, else English when LANG starts with "en",
# else Japanese. NAME=VALUE pairs fill the message's {placeholders}.
step() {
  local key="$1"; shift
  "${PYTHON:-python3}" - "$key" "$@" <<'PY' || echo "== $key"
import os, sys, tomllib
here = os.path.join(os.environ.get("DXKIT_ROOT", "."), "src", "dxkit", "i18n", "messages", "script.toml")
with open(here, "rb") as handle:
    entry = tomllib.load(handle)["script"][sys.argv[1]]
lang = os.environ.get("DXKIT_LANG") or ("en" if os.environ.get("LANG", "").startswith("en") else "ja")
params = dict(arg.split("=", 1) for arg in sys.argv[2:])
print("==> " + entry.get(lang, entry["ja"]).format(**params), flush=True)
PY
}

ensure_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    command -v "$pkg" >/dev/null 2>&1 && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && continue
    missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Please install these Debian packages first: ${missing[*]}" >&2
    return 2
  fi
  step packages "packages=${missing[*]}"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "Could not install: ${missing[*]} (see apt-get's message above)" >&2
    return 2
  fi
}
