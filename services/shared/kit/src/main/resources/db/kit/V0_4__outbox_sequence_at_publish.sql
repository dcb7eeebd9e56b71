-- The per-service sequence is assigned when the relay publishes, no longer inside the command's
-- transaction (DESIGN §1, turn 2): commands on different aggregates never wait for each other.
-- Proof of ordering: services/shared/README.md, "Outbox: sequence at publish time".

-- Unnumbered rows wait in insertion order; rows written before this migration keep their numbers.
alter table outbox_event alter column sequence drop not null;
alter table outbox_event add column position bigint generated always as identity;

-- value: the last sequence handed out; published: every row up to it was acknowledged by the broker.
-- sent_at now marks only rows acknowledged ahead of that watermark (while an earlier row is retried).
alter table outbox_sequence add column published bigint not null default 0;
update outbox_sequence
   set published = coalesce((select min(sequence) - 1 from outbox_event where sent_at is null), value);
alter table outbox_sequence add constraint outbox_sequence_published_le_value check (published <= value);

-- NOTIFY serialises the commits of every notifying transaction (a global queue lock at commit);
-- the relay polls an index that is empty when idle instead.
drop trigger outbox_event_inserted on outbox_event;
drop function outbox_event_notify();

drop index outbox_event_unsent;
drop index outbox_event_unsent_aggregate;
create index outbox_event_unnumbered on outbox_event (position) where sequence is null;

-- What the broker has not acknowledged yet, numbered or not (backlog, tests, operations).
create view outbox_unpublished as
select e.*
  from outbox_event e
 where e.sequence is null
    or (e.sent_at is null and e.sequence > (select published from outbox_sequence));
