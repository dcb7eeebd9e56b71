-- Issue 17 item 2 (REL-09): the refund of every open order of an institution that lost its standing
-- runs in batches: the first with the registry event, the rest from a watch that resumes after any
-- restart. The refunds keep the registry event as their cause.
alter table institution_standing
  add column lost_standing_event       uuid,
  add column lost_standing_correlation text;
create index prepay_order_open on prepay_order (institution_id, placed_at)
  where status in ('PAID', 'REFUND_REQUESTED');
