-- §11 row 19 (LN-ASV-03/05/06, ASV-03/04): after-school fee proposals, one row per revision.
-- There is no payee column: fees are collected by the school only (ASV-04).
create table fee_proposal (
    id                       uuid primary key,
    version                  bigint not null,
    school_id                text not null,
    district                 text not null,
    term_id                  text not null,
    term_start               date not null,
    term_end                 date not null,
    programme_type           text not null,
    revision                 int not null check (revision >= 1),
    revises_proposal_id      uuid references fee_proposal (id),
    basis                    text not null,
    school_level             text not null,
    staff_allowances_fen     bigint not null check (staff_allowances_fen >= 0),
    materials_fen            bigint not null check (materials_fen >= 0),
    outside_providers_fen    bigint not null check (outside_providers_fen >= 0),
    utilities_fen            bigint not null check (utilities_fen >= 0),
    expected_participants    int not null check (expected_participants >= 1),
    proposed_fee_fen         bigint not null check (proposed_fee_fen >= 0),
    status                   text not null,
    drafted_by               text not null,
    drafted_at               timestamptz not null,
    consultation_method      text,
    consultation_held_on     date,
    consultation_outcome     text,
    votes_for                int,
    votes_against            int,
    votes_abstained          int,
    consultation_recorded_by text,
    consultation_recorded_at timestamptz,
    education_signed_by      text,
    education_signed_at      timestamptz,
    pricing_signed_by        text,
    pricing_signed_at        timestamptz,
    submitted_at             timestamptz,
    returned_by_department   text,
    returned_at              timestamptz,
    return_reasons           text,
    approved_fee_fen         bigint check (approved_fee_fen >= 0),
    valid_from               date,
    valid_to                 date,
    approved_by              text,
    approved_at              timestamptz,
    rejected_at              timestamptz,
    rejection_reasons        text,
    published_by             text,
    published_at             timestamptz,
    superseded_by            uuid,
    superseded_at            timestamptz
);
-- One live revision number per school + term + programme type (a rejected one frees its number).
create unique index fee_proposal_revision on fee_proposal (school_id, term_id, programme_type, revision)
    where status <> 'REJECTED';
-- At most one proposal in progress (not yet published, rejected or superseded) per key.
create unique index fee_proposal_open on fee_proposal (school_id, term_id, programme_type)
    where status in ('DRAFT', 'CONSULTED', 'RETURNED', 'SUBMITTED', 'APPROVED');
create index fee_proposal_drafted on fee_proposal (drafted_at, id);
create index fee_proposal_school on fee_proposal (school_id, drafted_at, id);
create index fee_proposal_district on fee_proposal (district, drafted_at, id);

-- The history of every proposal: one row per event, never updated or deleted.
create table fee_history (
    id               uuid primary key,
    proposal_id      uuid not null references fee_proposal (id),
    proposal_version bigint not null,
    event            text not null,
    status_after     text not null,
    actor            text not null,
    actor_role       text not null,
    at               timestamptz not null,
    note             text,
    unique (proposal_id, proposal_version)
);

-- Parent-committee representatives a school admin registered for the school (LN-ASV-01/06).
create table parent_representative (
    school_id     text not null,
    subject       text not null,
    district      text not null,
    registered_by text not null,
    registered_at timestamptz not null,
    primary key (school_id, subject)
);
