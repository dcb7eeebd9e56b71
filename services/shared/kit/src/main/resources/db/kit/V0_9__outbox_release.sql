-- Issue 15 item 4: once the cause is fixed (e.g. the topic's max.message.bytes), an operator
-- releases a quarantined row; the relay sends it again although the watermark has passed it, and
-- marks it sent. Until then it counts as unpublished (readiness) and is never purged.
alter table outbox_event add column released_at timestamptz;
alter table outbox_event add column released_by text;

create or replace view outbox_unpublished as
select e.*
  from outbox_event e
 where e.quarantined_at is null
   and (e.sequence is null
        or (e.sent_at is null
            and (e.sequence > (select published from outbox_sequence) or e.released_at is not null)));

create index outbox_event_released on outbox_event (sequence)
  where released_at is not null and sent_at is null;
