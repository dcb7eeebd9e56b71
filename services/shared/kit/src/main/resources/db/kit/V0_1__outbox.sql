-- Transactional outbox (DESIGN §1). Columns id, aggregatetype, aggregateid, type, payload follow the
-- Debezium outbox event router, so a CDC relay could replace the built-in one without a migration.
create table outbox_event (
    id                uuid        primary key,
    aggregatetype     text        not null,
    aggregateid       text        not null,
    type              text        not null,
    payload           json        not null, -- json keeps the envelope's attribute order
    aggregate_version bigint      not null check (aggregate_version >= 1),
    sequence          bigint      not null unique,
    topic             text        not null,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    attempts          integer     not null default 0,
    last_error        text,
    -- Two commands that read the same aggregate version cannot both commit: the loser gets 409.
    constraint outbox_event_version_unique unique (aggregatetype, aggregateid, aggregate_version)
);

create index outbox_event_unsent on outbox_event (sequence) where sent_at is null;
create index outbox_event_unsent_aggregate on outbox_event (aggregatetype, aggregateid, sequence) where sent_at is null;

-- A single counter row gives the per-service sequence without gaps: the increment commits or rolls back
-- with the event, and its row lock orders sequence numbers by commit.
create table outbox_sequence (
    singleton boolean primary key default true check (singleton),
    value     bigint  not null
);
insert into outbox_sequence (singleton, value) values (true, 0);

create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end $$;

create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();
