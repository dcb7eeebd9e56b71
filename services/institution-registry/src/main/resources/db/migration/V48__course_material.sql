-- REG-12 (issue 18 item 4; a draft rule): teaching materials are filed with the approver. Each filing
-- is part of the Course aggregate (it bumps the course's version and is a MaterialFiled event);
-- materials_filed lets scheduling check, without another query, that a course has filed any when
-- oversight.registry.schedule.materials-required is on.
create table course_material (
    material_id     text        primary key,
    course_id       text        not null references course (course_id),
    institution_id  text        not null,
    district        text        not null,
    title           text        not null,
    kind            text        not null check (kind in ('TEXTBOOK', 'HANDOUT', 'COURSEWARE', 'OTHER')),
    publisher       text,
    isbn            text,
    reference       text        not null,
    filed_at        timestamptz not null,
    filed_by        text        not null
);
create index course_material_by_course on course_material (course_id, filed_at, material_id);

alter table course add column materials_filed integer not null default 0
    check (materials_filed >= 0);
