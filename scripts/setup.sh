#!/usr/bin/env bash
# Everything `make run` and `make test` need, each step checking what is already there.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

bash "$ROOT/scripts/system_packages.sh"
bash "$ROOT/scripts/get_odoo.sh"
bash "$ROOT/scripts/venv.sh"
bash "$ROOT/scripts/postgres.sh" start
pg_env

mkdir -p "$LOCAL/data" "$LOG_DIR"
# The server configuration for this checkout; every path in it is derived, never hard-coded.
cat >"$LOCAL/odoo.conf" <<CONF
[options]
addons_path = $ROOT/addons
data_dir = $LOCAL/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
${PGPASSWORD:+db_password = $PGPASSWORD}
http_interface = 127.0.0.1
http_port = $HTTP_PORT
list_db = True
max_cron_threads = 0
CONF
