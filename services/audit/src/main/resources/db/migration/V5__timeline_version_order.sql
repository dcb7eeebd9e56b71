-- Issue 7 capability 2: at equal business times an entity's timeline keeps each aggregate's events
-- in version order, so the ordering (and keyset) index gains aggregate_version.
drop index timeline_entry_order;
create index timeline_entry_order on timeline_entry (entity_id, time, aggregate_version, event_id);
