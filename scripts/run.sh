#!/usr/bin/env bash
# `make run`: set-up, the demo database crm_demo with every addon of ours, then the server.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
DB="${CRM_DB:-crm_demo}"

bash "$ROOT/scripts/setup.sh"
pg_env
if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then
    die "port $HTTP_PORT is taken (is a server already running? 'make stop'); set HTTP_PORT to use another port"
fi
addons=$(bash "$ROOT/scripts/addons.sh" | paste -sd, -)
odoo=("$PY" -m odoo -c "$LOCAL/odoo.conf" -d "$DB" --logfile "$LOG_DIR/odoo.log")
installed=$(psql -d "$DB" -tAc "SELECT count(*) FROM ir_module_module WHERE state = 'installed' AND name = ANY (string_to_array('$addons', ','))" 2>/dev/null || echo 0)
# Our addons' files as they are now; an update runs only when they changed.
code_sha=$(cd "$ROOT" && find addons -type f -not -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
stamp="$LOCAL/$DB.addons.sha"
if [ "$installed" != "$(echo "$addons" | tr ',' '\n' | wc -l)" ]; then
    log "creating the database $DB with demo data and $addons (first time: a few minutes)"
    dropdb --if-exists "$DB"
    "${odoo[@]}" -i "$addons" --with-demo --load-language=zh_CN --stop-after-init ||
        die "installing $addons into $DB failed; see $LOG_DIR/odoo.log"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$code_sha" ]; then
    log "updating $addons in $DB (their files changed)"
    "${odoo[@]}" -u "$addons" --stop-after-init || die "updating $addons failed; see $LOG_DIR/odoo.log"
fi
echo "$code_sha" >"$stamp"
"${odoo[@]}" --db-filter="^$DB\$" --max-cron-threads=1 &
echo $! >"$LOCAL/odoo.pid"
for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/web/login"; then
        cat <<MSG

  The CRM suite is running at http://127.0.0.1:$HTTP_PORT (database $DB).
  Demo logins (password = login):
    admin          administrator (password admin)
    zhang.wei      salesperson, 华东销售部
    wang.fang      team leader, 华东销售部
    james.miller   team leader, Export Sales
    liu.yang       sales manager
  Log: $LOG_DIR/odoo.log. Stop with 'make stop'.
MSG
        wait "$(cat "$LOCAL/odoo.pid")"
        exit $?
    fi
    kill -0 "$(cat "$LOCAL/odoo.pid")" 2>/dev/null || die "the server stopped; see $LOG_DIR/odoo.log"
    sleep 1
done
die "the server did not answer within 120 s; see $LOG_DIR/odoo.log"
