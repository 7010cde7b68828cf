#!/usr/bin/env bash
# The entrypoint of deploy/container-check's stand-in for the postgres image, when no registry can be reached: what
# docker-compose.yml relies on, the way the official docker-entrypoint.sh does it. POSTGRES_PASSWORD (or
# POSTGRES_PASSWORD_FILE) is the superuser's password; on an empty data directory, initdb, then
# /docker-entrypoint-initdb.d/* against a server that listens on its Unix socket only, then the server for real.
# Any other command than postgres runs as given.
set -Eeo pipefail

if [[ "${1:0:1}" == - ]]; then set -- postgres "$@"; fi
if [[ "$1" != postgres ]]; then exec "$@"; fi

if [[ -n "${POSTGRES_PASSWORD_FILE:-}" ]]; then
    POSTGRES_PASSWORD="$(<"$POSTGRES_PASSWORD_FILE")"
    export POSTGRES_PASSWORD
    unset POSTGRES_PASSWORD_FILE
fi

if [[ "$(id -u)" == 0 ]]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown postgres:postgres /var/lib/postgresql "$PGDATA" /var/run/postgresql
    chmod 0700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

socket=(-c listen_addresses= -c unix_socket_directories=/var/run/postgresql)
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    if [[ -z "${POSTGRES_PASSWORD:-}" ]]; then
        echo "stand-in postgres: POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) is not set" >&2
        exit 1
    fi
    initdb --username=postgres --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust \
        --auth-host=scram-sha-256 -D "$PGDATA"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    pg_ctl -D "$PGDATA" -o "${socket[*]}" -w start
    for file in /docker-entrypoint-initdb.d/*; do
        case "$file" in
            *.sh) if [[ -x "$file" ]]; then "$file"; else . "$file"; fi ;;
            *.sql) psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres -f "$file" ;;
        esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql
