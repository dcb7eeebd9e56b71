-- REG-10 (§11 row 4): sites of approved institutions. Classrooms are lines "ID AREA MAX NAME".
create table premises (
    id               uuid primary key,
    version          bigint not null,
    institution_id   text not null references institution_application (institution_id),
    district         text not null,
    address          text not null,
    floor_level      integer not null,
    building_type    text not null,
    area_sqm         numeric(9, 2) not null,
    lease_end        date not null,
    classrooms       text not null,
    filed_by         text not null,
    filed_at         timestamptz not null,
    changed_at       timestamptz,
    lease_warned_for date
);
create index premises_institution on premises (institution_id, filed_at, id);
-- The lease watch scans by lease end for leases not yet warned about.
create index premises_lease on premises (lease_end);
