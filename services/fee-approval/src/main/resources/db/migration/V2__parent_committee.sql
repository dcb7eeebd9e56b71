-- The parent committee of a school as an aggregate: its version numbers the representative events
-- (ParentRepresentativeRegistered / ParentRepresentativeRemoved) without gaps.
create table parent_committee (
    school_id text primary key,
    district  text not null,
    version   bigint not null
);
