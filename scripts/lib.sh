# Shared settings and helpers for the set-up scripts (sourced, not run).
# shellcheck shell=bash
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
LOCAL="$ROOT/.local"
CACHE_DIR="${CRM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/crm-suite}"
VENV="$LOCAL/venv"
PY="$VENV/bin/python"
PGDATA_DIR="$LOCAL/pgdata"
LOG_DIR="$LOCAL/log"
HTTP_PORT="${HTTP_PORT:-8069}"
# Ports derived from the checkout's path, so that two checkouts on one machine
# (a working copy and CI's fresh clone) never meet; the variables override them.
_path_hash=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
PRIVATE_PGPORT="${CRM_PGPORT:-$((54000 + _path_hash % 900))}"
TEST_HTTP_PORT="${TEST_HTTP_PORT:-$((8200 + _path_hash % 600))}"

log() { printf '[crm] %s\n' "$*" >&2; }
die() {
    printf '[crm] ERROR: %s\n' "$*" >&2
    exit 1
}

odoo_dist() {
    if [ -n "${ODOO_SRC:-}" ]; then
        echo "$ODOO_SRC"
    else
        echo "$LOCAL/odoo/usr/lib/python3/dist-packages"
    fi
}

# The first Debian mirror URI this machine's apt is configured with.
apt_mirror() {
    local uri
    uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null |
        awk '{print $2}' | grep -v -- '-security' | head -n 1 || true)
    if [ -z "$uri" ]; then
        uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
            grep -v -- '-security' | awk '{for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) {print $i; exit}}' || true)
    fi
    echo "$uri"
}

# PostgreSQL connection: an external server when PGHOST is set, else the private cluster.
pg_env() {
    if [ -n "${PGHOST:-}" ]; then
        export PGHOST PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-odoo}"
        [ -n "${PGPASSWORD:-}" ] && export PGPASSWORD
        PG_EXTERNAL=1
    else
        export PGHOST="$PGDATA_DIR" PGPORT="$PRIVATE_PGPORT" PGUSER=odoo
        PG_EXTERNAL=0
    fi
}
