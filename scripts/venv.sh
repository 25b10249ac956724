#!/usr/bin/env bash
# Create or refresh the virtual environment from the pinned requirements.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

stamp="$VENV/.requirements.sha"
want=$(cat "$ROOT/requirements.txt" "$ROOT/requirements-addons.txt" | sha1sum | cut -d' ' -f1)
if [ -x "$PY" ] && "$PY" -c 'import sys' 2>/dev/null && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] &&
    [ "$(cat "$VENV/.odoo_dist" 2>/dev/null)" = "$(odoo_dist)" ]; then
    exit 0
fi
if ! [ -x "$PY" ] || ! "$PY" -c 'import sys' 2>/dev/null; then
    log "creating the virtual environment in $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV" || die "python3 -m venv failed (install python3-venv)"
fi
# Odoo is not on PyPI: a .pth file puts its tree on the path, and its egg-info
# tells pip that odoo 19.0 is installed, so OCA wheels land in odoo.addons.
site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
odoo_dist >"$site/odoo-19.pth"
log "installing pinned Python packages (first time: a few minutes)"
"$PY" -m pip install -q --upgrade "pip<25" "setuptools<70" wheel
"$PY" -m pip install -q -r "$ROOT/requirements.txt"
"$PY" -c 'import odoo.release as r; assert r.version_info[:2] == (19, 0), r.version' ||
    die "the virtual environment does not see Odoo 19.0"
echo "$want" >"$stamp"
odoo_dist >"$VENV/.odoo_dist"
