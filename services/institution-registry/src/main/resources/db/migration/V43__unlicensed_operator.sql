-- Issue 18 item 1 (ENF-02, ENF-03, LST-01): operators that train without approval, recorded by the
-- regulator of their district from a complaint, an inspection, an advertisement report or a patrol.
-- Names, addresses and evidence stay here; events carry ids, the district and the test's parts.
create table unlicensed_operator (
    id                    uuid primary key,
    version               bigint not null,
    name                  text not null,
    district              text not null,
    address               text,
    online_presence       text,
    discovered_through    text not null,
    source_reference      text,
    recorded_by           text not null,
    recorded_at           timestamptz not null,
    -- the ENF-02 three-part test and the ENF-03 subject-type question, each part with its evidence
    venue_or_online       boolean,
    venue_evidence        text,
    staff_count           integer,
    staff_evidence        text,
    organised             boolean,
    organisation_evidence text,
    subject_training      boolean,
    training_evidence     text,
    finding               text,
    assessed_by           text,
    assessed_at           timestamptz,
    list_status           text not null,
    blacklisted_at        timestamptz
);
create index unlicensed_operator_district on unlicensed_operator (district, recorded_at, id);
create index unlicensed_operator_recorded on unlicensed_operator (recorded_at, id);
-- The public lookup by name (PLT-12) matches a substring among black-listed operators and approved
-- institutions: a city has about a thousand of each, so a scan is cheaper than a trigram extension.
create index unlicensed_operator_black on unlicensed_operator (list_status) where list_status = 'BLACK';

create table unlicensed_operator_sanction (
    id                uuid primary key,
    operator_id       uuid not null references unlicensed_operator (id),
    type              text not null,
    rule_id           text not null,
    fine_fen          bigint,
    illegal_gains_fen bigint,
    referred_to       text,
    detail            text not null,
    imposed_by        text not null,
    imposed_at        timestamptz not null
);
create index unlicensed_operator_sanction_operator
    on unlicensed_operator_sanction (operator_id, imposed_at);
