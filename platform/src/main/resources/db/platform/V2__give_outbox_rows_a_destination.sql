-- An event goes to every receiver of its type: one outbox row per destination (a receiver's URL over HTTP, the
-- event type's topic over Kafka), each delivered, retried and set aside on its own, in order per key and
-- destination. Rows recorded before destinations existed keep an empty one; the relay resolves it by their type.
alter table platform.outbox add column destination text not null default '';
alter table platform.outbox alter column destination drop default;
alter table platform.outbox drop constraint outbox_event_id_key;
alter table platform.outbox add constraint outbox_event_destination unique (event_id, destination);

drop index platform.outbox_pending_by_key;
create index outbox_pending_by_key on platform.outbox (event_key, destination, id)
    where delivered_at is null and dead_at is null;
