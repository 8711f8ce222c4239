#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (docker-compose to validate docker-compose.yml, chromium for
# the console's browser tests).
# Runs apt-get only when something is missing; needs root (as on the project's machines and CI).
set -euo pipefail

missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
[ -x /usr/bin/chromium ] || missing+=(chromium)

[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "[setup] the tests need: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and retry." >&2
    exit 1
fi
echo "[setup] installing ${missing[*]} from Debian's packages" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
