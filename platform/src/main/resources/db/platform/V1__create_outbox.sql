-- Events a service has committed and must deliver. Rows are written in the same transaction as the change that
-- caused them; the relay delivers pending rows in id order (per key), retries failures with backoff and marks
-- rows delivered. A row the receiver refuses for good is marked dead and kept for an operator to inspect.
create table platform.outbox (
    id              bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    event_type      text        not null,
    event_key       text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    delivered_at    timestamptz,
    dead_at         timestamptz
);

create index outbox_pending on platform.outbox (id) where delivered_at is null and dead_at is null;
create index outbox_pending_by_key on platform.outbox (event_key, id) where delivered_at is null and dead_at is null;
create index outbox_delivered on platform.outbox (delivered_at) where delivered_at is not null;

-- Ids of the events a service has already applied, so a redelivered event is recognized and skipped.
create table platform.processed_events (
    event_id     uuid        primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);

create index processed_events_age on platform.processed_events (processed_at);
