# Shared by the scripts: install Debian packages the project needs, when they are missing.
# Usage: source scripts/_system.sh; ensure_debian_packages PACKAGE...
# A package counts as present when dpkg has it installed, or when a command of the same name
# is already on PATH (npm or chromium installed some other way is fine).
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
  echo "Installing Debian packages: ${missing[*]}"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "Could not install: ${missing[*]} (see apt-get's message above)" >&2
    return 2
  fi
}
