-- The institution's standing: licence, legal registration, sanctions and the derived list status.
alter table institution_application
    add column list_status         text not null default 'NONE',
    add column registration_due_by date,
    add column licence_warned_for  date;

create table operating_licence (
    institution_id text primary key references institution_application (institution_id),
    licence_no     text not null unique,
    category       text not null,
    sub_category   text,
    mode           text not null,
    valid_from     date not null,
    valid_to       date not null,
    status         text not null,
    issued_by      text not null,
    issued_at      timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text
);
-- The expiry watch scans licences by end date.
create index operating_licence_valid_to on operating_licence (valid_to) where status = 'ISSUED';

create table legal_registration (
    institution_id text primary key references institution_application (institution_id),
    type           text not null,
    credit_code    text not null,
    valid_to       date,
    filed_at       timestamptz not null,
    filed_by       text not null
);

create table sanction (
    id             uuid primary key,
    institution_id text not null references institution_application (institution_id),
    type           text not null,
    rule_id        text not null,
    detail         text not null,
    imposed_at     timestamptz not null,
    imposed_by     text not null,
    lifted_at      timestamptz,
    lifted_by      text
);
create index sanction_institution on sanction (institution_id) where lifted_at is null;

-- Published lists by district and status, keyset-paginated by institution id.
create index institution_list on institution_application (list_status, district, institution_id);
