-- ASV-06 / §11 row 18 alert "evaluation overdue": when the next evaluation of an admitted provider is
-- due, and for which due date the watch already reported it.
alter table provider_admission add column evaluation_due_on date;
alter table provider_admission add column overdue_reported_for date;
update provider_admission set evaluation_due_on = cast(admitted_at as date) + 90 where evaluation_due_on is null;
alter table provider_admission alter column evaluation_due_on set not null;
create index provider_admission_due on provider_admission (evaluation_due_on) where status = 'ADMITTED';
