create table received (
    event_id  uuid primary key,
    event_key text not null,
    value     text not null
);
