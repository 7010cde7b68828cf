#!/usr/bin/env bash
# Creates one database and one login per service, the first time PostgreSQL starts on an empty data directory
# (the postgres image runs /docker-entrypoint-initdb.d/* then, and never again).
#
# Passwords come from the environment: USER_SERVICE_DB_PASSWORD, EXPENSE_SERVICE_DB_PASSWORD,
# ANALYTICS_SERVICE_DB_PASSWORD, INSIGHTS_SERVICE_DB_PASSWORD and WEB_APP_DB_PASSWORD, or, as the image reads
# POSTGRES_PASSWORD_FILE, from the file that <NAME>_FILE names (Compose). Each login owns its database
# and nothing else; no other login may connect to it, so a service cannot read another's tables
# (docs/architecture.md).
#
# Used by docker-compose.yml and, as an identical copy that deploy/check compares with this file, by the Kubernetes
# postgres component (deploy/k8s/components/postgres). Later password changes: docs/deployment.md.
set -eo pipefail

# The value of the variable named $1, or the content of the file named by ${1}_FILE.
secret() {
    local file_variable="${1}_FILE"
    if [[ -n "${!file_variable:-}" ]]; then
        cat "${!file_variable}"
    else
        printf %s "${!1:-}"
    fi
}

create_service_database() {
    local database="$1" login="$2" password
    password="$(secret "$3")"
    if [[ -z "$password" ]]; then
        echo "init: no password for login $login: set $3 (or ${3}_FILE) in the environment of the postgres container" >&2
        exit 1
    fi
    echo "init: creating database $database owned by login $login"
    # psql variables (:"name" quotes an identifier, :'name' a literal), so no value is pasted into SQL text.
    psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
        --set=database="$database" --set=login="$login" --set=password="$password" <<'SQL'
CREATE ROLE :"login" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"login";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create_service_database users user_service USER_SERVICE_DB_PASSWORD
create_service_database expenses expense_service EXPENSE_SERVICE_DB_PASSWORD
create_service_database analytics analytics_service ANALYTICS_SERVICE_DB_PASSWORD
create_service_database insights insights_service INSIGHTS_SERVICE_DB_PASSWORD
create_service_database web web_app WEB_APP_DB_PASSWORD
