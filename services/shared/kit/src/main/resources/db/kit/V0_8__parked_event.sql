-- Issue 15 item 1: what a consumer could not apply (a poison or foreign record at once, any other
-- failure after oversight.inbox.retry.give-up-after) is parked in the service's own database, not
-- only on a dead-letter topic nobody reads: operators see it per consumer (count, oldest, reason)
-- and replay it; the inbox still applies an event at most once. The payload stays here, out of the
-- operations API (it may name children and families).
create table parked_event (
    id          uuid        primary key,
    consumer    text        not null,
    event_id    uuid,
    event_type  text,
    payload     text        not null,
    reason      text        not null,
    parked_at   timestamptz not null default now(),
    replayed_at timestamptz,
    replayed_by text,
    outcome     text
);

create index parked_event_open on parked_event (consumer, parked_at) where replayed_at is null;
