#!/usr/bin/env bash
# Install the Debian packages the suite needs, when any is missing.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

packages=(postgresql postgresql-contrib libpq-dev chromium
    fonts-font-awesome fonts-roboto-unhinted fonts-inconsolata fonts-ocr-b fonts-wqy-microhei
    libjs-jquery libjs-underscore libjs-jquery-form
    python3-venv gcc python3-dev libxml2-dev libxslt1-dev libldap2-dev libsasl2-dev
    libjpeg-dev zlib1g-dev nginx-light openssl)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    die "missing system packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}"
fi
log "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -qq update || log "apt-get update failed; trying with the lists already there"
apt-get -qq install -y --no-install-recommends "${missing[@]}" >/dev/null ||
    die "could not install system packages: ${missing[*]}"
