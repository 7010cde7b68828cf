-- A CSV file between its dry run and the person's confirmation; deleted once imported or after an hour.
create table pending_imports (
    id          uuid        primary key,
    tokens_id   uuid        not null references session_tokens (id) on delete cascade,
    file_name   text        not null,
    content     bytea       not null,
    created_at  timestamptz not null default now()
);

create index pending_imports_created on pending_imports (created_at);
