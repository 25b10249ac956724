#!/usr/bin/env bash
# start | stop | status of the private PostgreSQL cluster in .local/pgdata.
# With PGHOST set, an external server is used and this only checks it answers.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
pg_env

pgbin=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && pgbin="$d"
done

run_pg() {
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "${1:-start}" in
start)
    if [ "$PG_EXTERNAL" = 1 ]; then
        pg_isready -q -h "$PGHOST" -p "$PGPORT" ||
            die "the PostgreSQL server at PGHOST=$PGHOST PGPORT=$PGPORT does not answer"
        exit 0
    fi
    [ -n "$pgbin" ] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
    mkdir -p "$LOCAL" "$LOG_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$LOCAL" "$LOG_DIR"
        chmod 755 "$LOCAL"
    fi
    if ! [ -f "$PGDATA_DIR/PG_VERSION" ]; then
        rm -rf "$PGDATA_DIR"
        mkdir -p "$PGDATA_DIR"
        [ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA_DIR"
        log "creating the PostgreSQL cluster in $PGDATA_DIR"
        run_pg "$pgbin/initdb" -D "$PGDATA_DIR" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if run_pg "$pgbin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        # postmaster.pid's fourth line is the port the running cluster listens on.
        [ "$(sed -n 4p "$PGDATA_DIR/postmaster.pid")" = "$PRIVATE_PGPORT" ] && exit 0
        log "restarting PostgreSQL on port $PRIVATE_PGPORT"
        run_pg "$pgbin/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
    fi
    rm -f "$PGDATA_DIR/postmaster.pid"
    if (exec 3<>"/dev/tcp/127.0.0.1/$PRIVATE_PGPORT") 2>/dev/null; then
        die "port $PRIVATE_PGPORT (private PostgreSQL) is taken; set CRM_PGPORT to another port"
    fi
    run_pg "$pgbin/pg_ctl" -D "$PGDATA_DIR" -w -t 60 -l "$LOG_DIR/postgres.log" \
        -o "-p $PRIVATE_PGPORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c max_connections=200" \
        start >/dev/null || die "PostgreSQL did not start; see $LOG_DIR/postgres.log"
    ;;
stop)
    [ "$PG_EXTERNAL" = 1 ] && exit 0
    if [ -f "$PGDATA_DIR/PG_VERSION" ] && run_pg "$pgbin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        run_pg "$pgbin/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
        log "PostgreSQL stopped"
    fi
    ;;
status)
    pg_isready -h "$PGHOST" -p "$PGPORT"
    ;;
*) die "usage: postgres.sh start|stop|status" ;;
esac
