-- INS-02: the risk grade weights random-sample inspections.
alter table institution_application add column risk_grade text not null default 'B';

create table inspection_plan (
    id            uuid primary key,
    version       bigint not null,
    district      text not null,
    type          text not null,
    scheduled_for date not null,
    seed          bigint not null,
    planned_by    text not null,
    planned_at    timestamptz not null
);

create table inspection (
    id             uuid primary key,
    version        bigint not null,
    plan_id        uuid not null references inspection_plan (id),
    institution_id text not null references institution_application (institution_id),
    district       text not null,
    status         text not null,
    completed_at   timestamptz,
    completed_by   text
);
create index inspection_institution on inspection (institution_id);

create table rectification (
    id            uuid primary key,
    inspection_id uuid not null references inspection (id),
    problem_type  text not null,
    detail        text not null,
    deadline      date not null,
    status        text not null,
    verified_at   timestamptz
);
-- The overdue watch scans open rectifications by deadline.
create index rectification_open on rectification (deadline) where status = 'ORDERED';
