-- A revision of the statistics for readers that keep the totals of settled spans in memory (spans whose every minute
-- ended more than two minutes ago, which reports no longer reach in the normal course). Readers read it with every
-- request and read a span again when it moved. It moves when a row of a minute that began more than two minutes ago
-- is written (a report that arrives late, after an outage; every report writes its minute rows along with the hour
-- and day ones) and when rows are deleted (expiry), whoever writes: every instance of the service sees it.
create table usage_revision (
    revision bigint not null
);
create unique index usage_revision_single_row on usage_revision ((true));
insert into usage_revision (revision) values (0);

create function usage_revision_bump() returns trigger language plpgsql as $$
begin
    update usage_revision set revision = revision + 1;
    return null;
end
$$;

create function usage_revision_bump_if_late() returns trigger language plpgsql as $$
begin
    if exists (select 1 from written where bucket < clock_timestamp() - interval '2 minutes') then
        update usage_revision set revision = revision + 1;
    end if;
    return null;
end
$$;

create trigger usage_minute_late_insert after insert on usage_minute
    referencing new table as written for each statement execute function usage_revision_bump_if_late();
create trigger usage_minute_late_update after update on usage_minute
    referencing new table as written for each statement execute function usage_revision_bump_if_late();

create trigger usage_minute_removed after delete or truncate on usage_minute
    for each statement execute function usage_revision_bump();
create trigger usage_hour_removed after delete or truncate on usage_hour
    for each statement execute function usage_revision_bump();
create trigger usage_day_removed after delete or truncate on usage_day
    for each statement execute function usage_revision_bump();
