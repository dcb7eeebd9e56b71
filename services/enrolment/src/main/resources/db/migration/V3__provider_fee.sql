-- Issue 18 item 5, ASV-06: a provider is brought in for one of its filed courses at a fee per lesson no
-- higher than that course's filed price. Enrolment learns the filed courses from the registry's
-- CourseFiled; admissions made before this change name neither (null).
create table filed_course (
    course_id            uuid primary key,
    institution_id       text        not null,
    price_per_lesson_fen bigint      not null,
    name                 text,
    filed_at             timestamptz not null
);

alter table provider_admission add column course_id uuid;
alter table provider_admission add column fee_fen_per_lesson bigint;
