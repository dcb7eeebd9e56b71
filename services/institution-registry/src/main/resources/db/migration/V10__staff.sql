-- Staff filed with approved institutions (STF-01…STF-06). The national ID number is never stored:
-- id_hash is its HMAC-SHA-256 under oversight.registry.staff.id-hash-key.
create table staff_member (
    staff_id             text        primary key,
    version              bigint      not null,
    institution_id       text        not null,
    district             text        not null,
    name                 text        not null,
    id_hash              text        not null,
    role                 text        not null,
    full_time            boolean     not null,
    qualification_type   text,
    qualification_number text,
    status               text        not null,
    filed_at             timestamptz not null,
    filed_by             text        not null,
    left_at              timestamptz,
    left_by              text
);

-- Keyset pagination of an institution's staff, and the STF-04 roster counts.
create index staff_member_roster on staff_member (institution_id, filed_at, staff_id);

-- STF-06: where a (blacklisted) person is filed now.
create index staff_member_person on staff_member (id_hash) where status = 'ACTIVE';

-- One active filing per person and institution; the service answers 409 before this fires.
create unique index staff_member_once on staff_member (institution_id, id_hash)
    where status = 'ACTIVE';

-- The city-wide staff blacklist (从业人员黑名单), one entry per person.
create table staff_blacklist_entry (
    entry_id           text        primary key,
    version            bigint      not null,
    id_hash            text        not null unique,
    red_line           text        not null,
    detail             text        not null,
    listed_at          timestamptz not null,
    listed_by          text        not null,
    listed_by_district text
);
