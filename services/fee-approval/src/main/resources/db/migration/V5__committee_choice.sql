-- Issue 18 item 5 (LN-ASV-01, LN-ASV-06 家长自愿): the parent committee chooses its own members. The
-- school convenes its committee (which fixes the district its events carry) but seats no one: a
-- parent of the school stands, and the sitting representatives (or, while the committee has none,
-- other parents of the school) endorse. A motion lives here only while it is open; its history is
-- in the ParentCommittee events.
alter table parent_committee add column convened_at timestamptz;
update parent_committee c
   set convened_at = coalesce(
       (select min(r.registered_at) from parent_representative r where r.school_id = c.school_id),
       now());
alter table parent_committee alter column convened_at set not null;

-- representatives registered by a school admin before this migration keep their seat and say so
alter table parent_representative add column seated_by text not null default 'SCHOOL_ADMIN';
alter table parent_representative alter column seated_by drop default;

create table committee_motion (
    id        uuid primary key,
    school_id text        not null references parent_committee (school_id),
    subject   text        not null,
    kind      text        not null,
    opened_by text        not null,
    opened_at timestamptz not null,
    unique (school_id, subject, kind)
);

create table motion_endorsement (
    motion_id   uuid        not null references committee_motion (id) on delete cascade,
    endorser    text        not null,
    endorsed_at timestamptz not null,
    primary key (motion_id, endorser)
);
