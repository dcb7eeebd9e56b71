-- A finding's kind (which check found it) beside the DOMAIN rule it names.
alter table finding add column kind text not null default 'UNKNOWN';
alter table finding alter column kind drop default;
create index finding_kind on finding (kind, detected_at, id);
create index finding_open_gaps on finding (kind) where resolved_at is null;
