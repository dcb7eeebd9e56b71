-- Consumer-side dedupe (DESIGN §1): the effect of an event and this row commit together.
create table inbox_event (
    consumer    text        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
