-- What each person chose about the pages themselves; deleted with their account.
create table preferences (
    user_id              uuid    primary key,
    -- quick add pre-selects the suggested category when its confidence reaches this many percent (101: never)
    suggestion_threshold integer not null check (suggestion_threshold between 0 and 101)
);
