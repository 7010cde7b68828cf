create table users (
    id               uuid        primary key default uuidv7(),
    -- stored trimmed and lower-cased, so uniqueness is case-insensitive
    email            text        not null unique,
    display_name     text        not null,
    password_hash    text        not null,
    roles            text[]      not null,
    default_currency char(3),
    disabled         boolean     not null default false,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

-- Refresh tokens are opaque random strings; only their SHA-256 is stored. Tokens of one login share a family:
-- each refresh rotates the token, and presenting a rotated token again revokes the whole family.
create table refresh_tokens (
    id          uuid        primary key default uuidv7(),
    family_id   uuid        not null,
    user_id     uuid        not null references users (id) on delete cascade,
    token_hash  bytea       not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);

create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);
create index refresh_tokens_expiry on refresh_tokens (expires_at);

-- RS256 signing keys, generated once and shared by every replica, unless a key is configured as a PEM.
create table signing_keys (
    kid          text        primary key,
    private_key  bytea       not null,
    public_key   bytea       not null,
    created_at   timestamptz not null default now(),
    retired_at   timestamptz
);

-- Login throttling buckets (Bucket4j), one per account and one per client address.
create table login_throttle (
    id          text   primary key,
    state       bytea,
    expires_at  bigint
);

create index login_throttle_expiry on login_throttle (expires_at);
