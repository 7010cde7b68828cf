-- The tokens of each signed-in session. The browser never sees them; the session only holds the id of its row.
-- A refresh locks the row (select ... for update), so the tabs and replicas that share a session refresh once.
create table session_tokens (
    id                uuid        primary key,
    user_id           uuid        not null,
    access_token      text        not null,
    access_expires_at timestamptz not null,
    refresh_token     text        not null,
    created_at        timestamptz not null default now(),
    refreshed_at      timestamptz
);

-- rows of sessions that ended without a logout are deleted once their access token is long expired
create index session_tokens_expiry on session_tokens (access_expires_at);
