-- Issue 18 item 5 (LN-ASV-06): the children guardians registered at each school in enrolment, learnt
-- from enrolment's ChildRegistered events; only a guardian of a child registered at the school may
-- represent its parent committee. By reference only: no name, no ID number.
create table registered_child (
    child_id      uuid primary key,
    guardian      text        not null,
    school_id     text        not null,
    registered_at timestamptz not null
);

create index registered_child_school_guardian on registered_child (school_id, guardian);
