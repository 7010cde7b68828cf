-- Usage statistics at three resolutions. Every ingested report is merged into all three at once, so an hour or a
-- day is complete as soon as its minutes are, and a report that arrives late (after an outage) lands everywhere it
-- belongs. Each tier is kept for its own retention period.
create table usage_minute (
    bucket          timestamptz      not null,
    service         text             not null,
    method          text             not null,
    route           text             not null,
    status          smallint         not null,
    count           bigint           not null,
    duration_sum_ms double precision not null,
    duration_max_ms double precision not null,
    first_seen      timestamptz      not null,
    last_seen       timestamptz      not null,
    -- a mergeable latency distribution (DDSketch, 1 % relative accuracy)
    sketch          bytea            not null,
    primary key (bucket, service, method, route, status)
);

create table usage_hour (like usage_minute including all);

create table usage_day (like usage_minute including all);
