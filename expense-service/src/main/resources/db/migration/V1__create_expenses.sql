-- Users this service has seen. A user's default categories are created on first use; a closed account (the user
-- was deleted) accepts no more writes, even from an access token that is still valid.
create table accounts (
    user_id    uuid        primary key,
    created_at timestamptz not null default now(),
    closed_at  timestamptz
);

create table categories (
    id         uuid        primary key default uuidv7(),
    user_id    uuid        not null,
    name       text        not null check (length(name) between 1 and 50),
    created_at timestamptz not null default now()
);

-- names are unique per user whatever their case
create unique index categories_user_name on categories (user_id, lower(name));

create table expenses (
    id           uuid           primary key default uuidv7(),
    user_id      uuid           not null,
    amount       numeric(17, 4) not null check (amount > 0 and amount <= 1000000000000),
    currency     text           not null check (length(currency) = 3),
    category_id  uuid           not null references categories (id),
    description  text           check (length(description) <= 500),
    expense_date date           not null,
    tags         text[]         not null default '{}',
    -- SHA-256 of the expense's content, to recognize rows a CSV import already brought in
    fingerprint  bytea          not null,
    created_at   timestamptz    not null default now(),
    updated_at   timestamptz    not null default now(),
    version      integer        not null default 1
);

-- one index per sort order, each ending with the id so keyset pagination is exact
create index expenses_by_date on expenses (user_id, expense_date desc, id desc);
create index expenses_by_amount on expenses (user_id, amount desc, id desc);
create index expenses_by_created on expenses (user_id, created_at desc, id desc);
create index expenses_by_category on expenses (category_id);
create index expenses_by_fingerprint on expenses (user_id, fingerprint);

-- The first answer to each Idempotency-Key, so a retried create returns it instead of creating again.
create table idempotency_keys (
    user_id      uuid        not null,
    key          text        not null,
    request_hash bytea       not null,
    expense_id   uuid,
    response     jsonb,
    created_at   timestamptz not null default now(),
    primary key (user_id, key)
);

create index idempotency_keys_age on idempotency_keys (created_at);
