-- The insights service's copy of every person's expenses, kept by the expense events (and rebuilt from the expense
-- service when this database is new). A deleted expense stays as a tombstone with the version its deletion gave it,
-- so a copy of an older version that arrives later (from a rebuild running at the same time) cannot bring it back.
create table expenses (
    id           uuid           primary key,
    user_id      uuid           not null,
    version      integer        not null,
    description  text,
    amount       numeric(17, 4),
    currency     text,
    expense_date date,
    category     text,
    deleted      boolean        not null default false,
    -- when this copy last changed here: labels newer than a person's model are applied to it at once
    recorded_at  timestamptz    not null default clock_timestamp()
);

create index expenses_by_user_date on expenses (user_id, expense_date) where not deleted;
create index expenses_by_user_recorded on expenses (user_id, recorded_at) where not deleted;
create index expenses_deleted on expenses (recorded_at) where deleted;

-- Each person's category model, trained on their own expenses only. version counts the trainings.
create table models (
    user_id    uuid        primary key,
    version    integer     not null,
    examples   integer     not null,
    trained_at timestamptz not null,
    model      bytea       not null
);

-- People whose labelled expenses changed since their model was trained, and since when.
create table retrain_queue (
    user_id    uuid        primary key,
    changed_at timestamptz not null default clock_timestamp()
);

-- Alerts a person dismissed; alerts are worked out when asked for, and their ids are stable.
create table dismissed_alerts (
    user_id      uuid        not null,
    alert_id     uuid        not null,
    dismissed_at timestamptz not null default now(),
    primary key (user_id, alert_id)
);

-- How far the rebuild from the expense service got: one row, done when completed_at is set.
create table rebuild (
    id           boolean     primary key default true check (id),
    after_id     uuid,
    started_at   timestamptz not null default now(),
    completed_at timestamptz
);

-- People whose account was deleted: what they had is gone, and events about them that arrive late are ignored.
create table closed_accounts (
    user_id   uuid        primary key,
    closed_at timestamptz not null default now()
);
