#!/bin/sh
# The secrets of docker-compose.yml, run by its one-shot service `secrets` before anything else starts, on every
# `up`. Each secret is the value given in .env (Compose passes it in the environment) when there is one, else the
# value kept from an earlier start, else a new random one. They are kept in the volume `secrets` (/store here, root
# only), and each consumer gets a copy of what it reads, and nothing else, in its own volume, owned by the user it
# runs as: PostgreSQL (the postgres user of this same image) and the services (uid 10001, deploy/Dockerfile).
#
# Nothing is printed but the first administrator's password, once, when it is generated. Read it later with
#   docker compose run --rm secrets cat /store/FINANCE_ADMIN_PASSWORD
# Rotating a secret: docs/deployment.md, "Secrets".
set -eu
umask 077

store=/store
generated=""

random_secret() { # 32 random bytes, hex
    od -An -N32 -tx1 /dev/urandom | tr -d ' \n'
}

random_key() { # 32 random bytes, base64: an AES-256 key
    head -c 32 /dev/urandom | base64 | tr -d '\n'
}

keep() { # NAME [GENERATOR]: decide the value of NAME and keep it in the store (new ones from GENERATOR, random_secret)
    given="$(printenv "$1" || true)"
    if [ -n "$given" ]; then
        printf %s "$given" >"$store/$1.new" && mv "$store/$1.new" "$store/$1"
    elif [ ! -s "$store/$1" ]; then
        "${2:-random_secret}" >"$store/$1.new" && mv "$store/$1.new" "$store/$1"
        generated="$generated $1"
    fi
}

publish() { # DIRECTORY OWNER FILE=NAME...: the consumer's copy, FILE holding the value of NAME
    directory="$1" owner="$2"
    shift 2
    rm -rf "$directory"/*
    for entry in "$@"; do
        cp "$store/${entry#*=}" "$directory/${entry%%=*}"
    done
    chown -R "$owner" "$directory"
    chmod 0400 "$directory"/*
    chmod 0500 "$directory"
}

chmod 0700 "$store"
for name in POSTGRES_PASSWORD \
    USER_SERVICE_DB_PASSWORD EXPENSE_SERVICE_DB_PASSWORD ANALYTICS_SERVICE_DB_PASSWORD INSIGHTS_SERVICE_DB_PASSWORD \
    WEB_APP_DB_PASSWORD FINANCE_ADMIN_PASSWORD \
    EXPENSE_SERVICE_CLIENT_SECRET INSIGHTS_SERVICE_CLIENT_SECRET WEB_APP_CLIENT_SECRET; do
    keep "$name"
done
# The key-encryption key that wraps the signing keys in the users database, so that a backup of it alone cannot sign
# tokens. Lost, the user service cannot read its keys: it is in the volume `secrets`, not in the database's backups.
keep FINANCE_SIGNING_KEY_ENCRYPTION_KEY random_key
# Never generated, and kept only while .env gives them: the earlier key-encryption keys, given while the user service
# wraps its keys again with a new one (docs/deployment.md, "Signing keys").
previous_keys=""
if [ -n "${FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS:-}" ]; then
    printf %s "$FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS" >"$store/FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS"
    previous_keys=FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS=FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS
else
    rm -f "$store/FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS"
fi
# The user service knows every client by id and secret; the id is the service's name, from which the receivers decide
# what it may send.
clients=""
for client in expense-service=EXPENSE_SERVICE_CLIENT_SECRET insights-service=INSIGHTS_SERVICE_CLIENT_SECRET \
    web-app=WEB_APP_CLIENT_SECRET; do
    clients="${clients:+$clients,}${client%%=*}:$(cat "$store/${client#*=}")"
done
printf %s "$clients" >"$store/FINANCE_SERVICE_CLIENTS"

# PostgreSQL reads them as POSTGRES_PASSWORD_FILE and <NAME>_FILE; the services as Spring properties (configtree).
publish /out/postgres postgres:postgres POSTGRES_PASSWORD=POSTGRES_PASSWORD \
    USER_SERVICE_DB_PASSWORD=USER_SERVICE_DB_PASSWORD EXPENSE_SERVICE_DB_PASSWORD=EXPENSE_SERVICE_DB_PASSWORD \
    ANALYTICS_SERVICE_DB_PASSWORD=ANALYTICS_SERVICE_DB_PASSWORD INSIGHTS_SERVICE_DB_PASSWORD=INSIGHTS_SERVICE_DB_PASSWORD \
    WEB_APP_DB_PASSWORD=WEB_APP_DB_PASSWORD
# shellcheck disable=SC2086 # $previous_keys is one entry or none
publish /out/user-service 10001:10001 DATABASE_PASSWORD=USER_SERVICE_DB_PASSWORD \
    FINANCE_ADMIN_PASSWORD=FINANCE_ADMIN_PASSWORD FINANCE_SERVICE_CLIENTS=FINANCE_SERVICE_CLIENTS \
    FINANCE_SIGNING_KEY_ENCRYPTION_KEY=FINANCE_SIGNING_KEY_ENCRYPTION_KEY $previous_keys
publish /out/expense-service 10001:10001 DATABASE_PASSWORD=EXPENSE_SERVICE_DB_PASSWORD \
    FINANCE_SERVICE_CLIENT_SECRET=EXPENSE_SERVICE_CLIENT_SECRET
publish /out/analytics-service 10001:10001 DATABASE_PASSWORD=ANALYTICS_SERVICE_DB_PASSWORD
publish /out/insights-service 10001:10001 DATABASE_PASSWORD=INSIGHTS_SERVICE_DB_PASSWORD \
    FINANCE_SERVICE_CLIENT_SECRET=INSIGHTS_SERVICE_CLIENT_SECRET
publish /out/web-app 10001:10001 DATABASE_PASSWORD=WEB_APP_DB_PASSWORD \
    FINANCE_SERVICE_CLIENT_SECRET=WEB_APP_CLIENT_SECRET

for name in $generated; do
    if [ "$name" = FINANCE_ADMIN_PASSWORD ]; then
        echo "secrets: the first administrator is ${FINANCE_ADMIN_EMAIL:-admin@finance.local} with the password $(cat "$store/$name")"
        echo "secrets: it is shown only now; later: docker compose run --rm secrets cat /store/FINANCE_ADMIN_PASSWORD"
    fi
done
echo "secrets: generated:${generated:- nothing}; every other secret is the one in .env or kept from an earlier start"
