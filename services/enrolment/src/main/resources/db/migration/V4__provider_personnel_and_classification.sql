-- Issue 18 item 5 (ASV-06): a provider is admitted only if none of its filed staff is on the staff
-- blacklist (STF-06) and the course is not one the education bureau classified as subject-type
-- training (REG-03). Learnt from the registry's StaffBlacklisted, StaffLeft and CourseClassified.
--
-- One row per staff member the registry reported as black-listed while filed with an institution,
-- or as having left one. StaffBlacklisted and StaffLeft travel on different partitions (keyed by the
-- blacklist entry and by the staff member), so a departure may arrive first: remembering it keeps a
-- late black-listing of someone who already left from barring the institution.
create table barred_staff_filing (
    staff_id        text        primary key,
    institution_id  text        not null,
    listed_at       timestamptz,
    left_at         timestamptz
);
create index barred_staff_filing_current on barred_staff_filing (institution_id)
    where listed_at is not null and left_at is null;

alter table filed_course add column classified_subject_type boolean not null default false;
