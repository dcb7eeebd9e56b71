-- An institution's application and its outcome. The institution id is the operator's
-- institution_id claim, so the application and the later institution are one aggregate.
create table institution_application (
    institution_id        text          primary key,
    version               bigint        not null,
    name                  text          not null,
    category              text          not null,
    sub_category          text,
    mode                  text          not null,
    district              text          not null,
    legal_form            text          not null,
    student_stages        text          not null,
    premises_area_sqm     numeric(10,2) not null,
    max_students_per_slot integer       not null,
    status                text          not null,
    applied_at            timestamptz   not null,
    applied_by            text          not null,
    decided_at            timestamptz,
    decided_by            text,
    supervisor_id         text,
    rejection_reasons     text
);

-- Keyset pagination of a district's queue: (district, status, applied_at, institution_id).
create index institution_application_queue
    on institution_application (district, status, applied_at, institution_id);
