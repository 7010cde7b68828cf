-- Attempt counters per key (an account, an address, ...): password checks reserved and still running, and attempts
-- spent, which drain at the limit's rate (a token bucket). A check is reserved in one statement before it runs, so
-- requests sent at once cannot all pass a check made before any of them failed. They replace the Bucket4j buckets.
drop table login_throttle;

create table attempt_counters (
    id          text             primary key,
    in_flight   integer          not null,
    spent       double precision not null,
    counted_at  timestamptz      not null,
    -- when the spent attempts will have drained: the row can go once it is idle
    idle_at     timestamptz      not null
);

create index attempt_counters_idle on attempt_counters (idle_at);
