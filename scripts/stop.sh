#!/usr/bin/env bash
# `make stop`: stop the server started by `make run`, then the private PostgreSQL.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
if [ -f "$LOCAL/odoo.pid" ]; then
    pid=$(cat "$LOCAL/odoo.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$pid" 2>/dev/null || true
        log "Odoo stopped"
    fi
    rm -f "$LOCAL/odoo.pid"
fi
bash "$ROOT/scripts/postgres.sh" stop
