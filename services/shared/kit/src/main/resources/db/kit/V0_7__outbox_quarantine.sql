-- Issue 15 item 4: a row the broker refuses for what it is (e.g. larger than the broker accepts) is
-- tried oversight.outbox.relay.quarantine-after times and then quarantined: it no longer holds back
-- its aggregate or the batch. The watermark may pass it; its sequence shows as a gap in audit until
-- an operator fixes the cause and releases it. Quarantined rows are never purged.
alter table outbox_event add column quarantined_at timestamptz;

create or replace view outbox_unpublished as
select e.*
  from outbox_event e
 where e.quarantined_at is null
   and (e.sequence is null
        or (e.sent_at is null and e.sequence > (select published from outbox_sequence)));

create index outbox_event_quarantined on outbox_event (quarantined_at)
  where quarantined_at is not null;
