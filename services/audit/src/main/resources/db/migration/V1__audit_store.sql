-- Audit store (issue 7, DOMAIN PLT-11 and §11 row 23): an append-only table of every CloudEvent received,
-- hash chains per entity and per Kafka partition, signed checkpoints over the chain heads, and projections
-- (timeline entries, findings) that can be dropped and rebuilt from the raw table.

-- The raw events, exactly as received (payload is the Kafka record value, byte for byte).
create table audit_event (
    event_id            uuid        primary key,         -- the dedupe: a re-delivery inserts nothing
    topic               text        not null,
    kafka_partition     integer     not null,
    kafka_offset        bigint      not null,
    source              text        not null,
    type                text        not null,
    subject             text,
    time                timestamptz not null,            -- business time (the event's `time`)
    recorded_at         timestamptz not null,            -- server-assigned when stored
    aggregate_type      text        not null,
    aggregate_id        text        not null,
    aggregate_version   bigint      not null,
    sequence            bigint,                          -- per producing service (source)
    actor               text,
    actor_role          text,
    district            text,
    correlation_id      text,
    causation_id        text,
    rule_version        text,
    payload             text        not null,
    event_hash          text        not null,            -- sha256(payload), hex
    -- per-entity chain, in arrival order within the aggregate
    entity_seq          bigint      not null,
    entity_prev_hash    text        not null,
    entity_hash         text        not null,
    -- per-partition chain, in offset order within (topic, partition)
    partition_seq       bigint      not null,
    partition_prev_hash text        not null,
    partition_hash      text        not null
);

create index audit_event_aggregate on audit_event (aggregate_id, aggregate_version);
create index audit_event_entity_chain on audit_event (aggregate_type, aggregate_id, entity_seq);
create index audit_event_partition_chain on audit_event (topic, kafka_partition, partition_seq);
create index audit_event_producer on audit_event (source, sequence);
create index audit_event_time on audit_event (time, event_id);
create index audit_event_actor on audit_event (actor, time, event_id);
create index audit_event_type on audit_event (type, time, event_id);
create index audit_event_correlation on audit_event (correlation_id, time, event_id);
create index audit_event_district on audit_event (district, time, event_id);

-- Nobody updates or deletes a raw event, not even the owner (defence in depth beside the role below).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (PLT-11)' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- Chain heads. One row per entity and per partition; a writer locks only the rows it extends,
-- so partitions (and entities) never wait for each other.
create table entity_chain (
    aggregate_type text   not null,
    aggregate_id   text   not null,
    length         bigint not null default 0,
    head_hash      text   not null default '0000000000000000000000000000000000000000000000000000000000000000',
    primary key (aggregate_type, aggregate_id)
);

create table partition_chain (
    topic           text    not null,
    kafka_partition integer not null,
    length          bigint  not null default 0,
    head_hash       text    not null default '0000000000000000000000000000000000000000000000000000000000000000',
    last_offset     bigint  not null default -1,
    primary key (topic, kafka_partition)
);

-- Signed checkpoints over all chain heads (a Merkle root over the sorted heads, Ed25519).
create table checkpoint (
    id           bigint      primary key,
    created_at   timestamptz not null,
    chain_count  integer     not null,
    event_count  bigint      not null,
    merkle_root  text        not null,
    key_id       text        not null,
    signature    text        not null
);
create sequence checkpoint_id_seq;

create table checkpoint_head (
    checkpoint_id bigint not null references checkpoint (id),
    chain_key     text   not null,
    length        bigint not null,
    head_hash     text   not null,
    primary key (checkpoint_id, chain_key)
);

-- Records that are not CloudEvents of the envelope: kept, never dropped, never stalling a partition.
create table rejected_record (
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    reason          text        not null,
    value           text,
    received_at     timestamptz not null default now(),
    primary key (topic, kafka_partition, kafka_offset)
);

-- Which data fields reference which kind of entity, so that an entity's timeline shows the events of
-- other aggregates that concern it (e.g. an institution's escrow orders).
create table reference_field (
    field       text primary key,
    entity_type text not null
);
insert into reference_field (field, entity_type) values
    ('institutionId', 'Institution'),
    ('schoolId', 'School'),
    ('orderId', 'Order'),
    ('accountId', 'Account'),
    ('enrolmentId', 'Enrolment'),
    ('proposalId', 'FeeProposal'),
    ('courseId', 'Course'),
    ('childId', 'Child'),
    ('providerId', 'Provider'),
    ('contractId', 'Contract'),
    ('refundId', 'Refund'),
    ('complaintId', 'Complaint');

-- Projection: one row per (entity, event) for every event of the entity or referencing it.
create table timeline_entry (
    entity_id         text        not null,
    event_id          uuid        not null,
    entity_type       text        not null,
    relation          text        not null,  -- 'self' or the data field that references the entity
    time              timestamptz not null,
    recorded_at       timestamptz not null,
    aggregate_version bigint      not null,
    type              text        not null,
    actor             text,
    district          text,
    correlation_id    text,
    primary key (entity_id, event_id)
);
create index timeline_entry_order on timeline_entry (entity_id, time, event_id);
create index timeline_entry_owner on timeline_entry (actor, entity_id) where relation = 'self';

-- Projection: compliance findings and completeness gaps (rule id + the events that prove it).
create table finding (
    id            uuid        primary key,
    finding_key   text        not null unique,   -- makes detection idempotent
    rule_id       text        not null,
    entity_id     text,
    district      text,
    detail        text        not null,
    event_ids     text        not null,          -- comma-separated proving event ids
    detected_at   timestamptz not null,
    resolved_at   timestamptz
);
create index finding_rule on finding (rule_id, detected_at, id);
create index finding_entity on finding (entity_id, detected_at, id);

-- The ingest role: may read and append raw events, but never UPDATE or DELETE them. Creating a role
-- needs CREATEROLE; where the service's owner lacks it, a DBA creates the role beforehand
-- (CREATE ROLE audit_ingest NOLOGIN; GRANT audit_ingest TO <owner>;) and the grants below still apply.
-- Without the role the service starts but logs a warning on every start (ingest then runs as owner,
-- still stopped by the append-only trigger).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'audit_ingest') then
        create role audit_ingest nologin;
    end if;
exception when insufficient_privilege then
    raise warning 'cannot create role audit_ingest (%); create it as a DBA', sqlerrm;
end $$;
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'audit_ingest') then
        begin
            execute format('grant audit_ingest to %I', current_user);
        exception when others then
            raise warning 'could not grant audit_ingest to %: %', current_user, sqlerrm;
        end;
        revoke all on audit_event from public;
        revoke all on audit_event from audit_ingest;
        grant select, insert on audit_event to audit_ingest;
        grant select, insert, update on entity_chain, partition_chain to audit_ingest;
        grant select, insert on timeline_entry, rejected_record to audit_ingest;
        grant select on reference_field to audit_ingest;
        grant usage on schema public to audit_ingest;
    end if;
end $$;
