-- Issues 13 and 16: the compliance scan judges only the events recorded since its previous run
-- (scan_watermark, one row per rule), and finds an institution's standing at a moment through a
-- partial index of the standing events instead of walking every timeline entry of the institution
-- (a busy institution has one per order, payment and lesson: the scan was quadratic).
create table scan_watermark (
    rule          text        primary key,
    judged_until  timestamptz not null
);

create index audit_event_type_recorded on audit_event (type, recorded_at);

-- The type list is FindingRules.STANDING; the queries repeat it literally so the planner can use
-- this index (FindingRulesTest keeps the two equal).
create index timeline_entry_standing on timeline_entry (entity_id, time desc, event_id desc)
    where type in ('cn.anshan.oversight.registry.InstitutionWhitelisted.v1',
                   'cn.anshan.oversight.registry.InstitutionBlacklisted.v1',
                   'cn.anshan.oversight.registry.InstitutionDelisted.v1');
