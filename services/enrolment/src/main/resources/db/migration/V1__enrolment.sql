-- §11 row 16/21: one plan per school, term and programme type ("一校一案").
create table programme (
    id             uuid primary key,
    version        bigint not null,
    school_id      text not null,
    district       text not null,
    programme_type text not null,
    term_id        text not null,
    term_start     date not null,
    term_end       date not null,
    days           text not null,
    daily_start    time not null,
    daily_end      time not null,
    grades         text not null,
    activities     text not null,
    billing        text not null,
    published_by   text not null,
    published_at   timestamptz not null,
    changed_at     timestamptz,
    constraint programme_term check (term_end >= term_start),
    constraint programme_one_plan unique (school_id, term_id, programme_type)
);
create index programme_published on programme (published_at, id);
create index programme_school on programme (school_id, published_at, id);

-- ASV-05: children registered by their guardian; ids only, no names or ID numbers.
create table child (
    id            uuid primary key,
    version       bigint not null,
    guardian_sub  text not null,
    school_id     text not null,
    grade         int not null check (grade between 1 and 12),
    registered_at timestamptz not null
);
create index child_guardian on child (guardian_sub, registered_at, id);

-- LN-ASV-06 / §8.3: exemption claims with an evidence reference, decided by the school.
create table exemption (
    id           uuid primary key,
    version      bigint not null,
    child_id     uuid not null references child (id),
    guardian_sub text not null,
    school_id    text not null,
    district     text,
    category     text not null,
    evidence_ref text not null,
    status       text not null,
    claimed_at   timestamptz not null,
    decided_by   text,
    decided_at   timestamptz
);
create index exemption_child on exemption (child_id, status);
create index exemption_school on exemption (school_id, claimed_at, id);
create index exemption_guardian on exemption (guardian_sub, claimed_at, id);

-- ASV-04/05, §11 row 17: voluntary enrolments.
create table enrolment (
    id                   uuid primary key,
    version              bigint not null,
    child_id             uuid not null references child (id),
    guardian_sub         text not null,
    programme_id         uuid not null references programme (id),
    school_id            text not null,
    district             text not null,
    term_id              text not null,
    options              text,
    status               text not null,
    start_date           date not null,
    withdrawal_effective date,
    submitted_at         timestamptz not null,
    withdrawn_at         timestamptz
);
create unique index enrolment_active on enrolment (child_id, programme_id) where status = 'ENROLLED';
create index enrolment_submitted on enrolment (submitted_at, id);
create index enrolment_guardian on enrolment (guardian_sub, submitted_at, id);
create index enrolment_school on enrolment (school_id, submitted_at, id);
create index enrolment_district on enrolment (district, submitted_at, id);
create index enrolment_programme on enrolment (programme_id, status);

-- ASV-04 (2): refused school-made enrolments, kept as compulsion signals.
create table compulsion_signal (
    id           uuid primary key,
    school_id    text,
    district     text,
    attempted_by text not null,
    child_id     text,
    programme_id text,
    attempted_at timestamptz not null
);

-- ASV-06: the registry's standing of institutions, fed by registry events.
create table provider_standing (
    institution_id   text primary key,
    district         text,
    list_status      text not null,
    operational      boolean not null,
    licensed         boolean not null,
    licence_valid_to date,
    source_version   bigint not null,
    updated_at       timestamptz
);

-- ASV-06, §11 row 18: providers admitted to programmes.
create table provider_admission (
    id             uuid primary key,
    version        bigint not null,
    programme_id   uuid not null references programme (id),
    institution_id text not null,
    school_id      text not null,
    district       text not null,
    services       text not null,
    status         text not null,
    admitted_at    timestamptz not null,
    last_period    text,
    last_score     int,
    exit_reason    text,
    exited_at      timestamptz
);
create unique index provider_admission_active on provider_admission (programme_id, institution_id)
    where status = 'ADMITTED';
create index provider_admission_institution on provider_admission (institution_id, status);

-- LN-ASV-06, §11 row 19: fees published by fee-approval (read model; highest revision wins).
create table published_fee (
    id                text primary key,
    school_id         text not null,
    district          text,
    term_id           text not null,
    programme_type    text not null,
    proposal_id       text,
    basis             text,
    fee_fen_per_month bigint not null check (fee_fen_per_month >= 0),
    revision          int not null,
    valid_from        date,
    valid_to          date,
    published_at      timestamptz,
    event_id          uuid
);

-- §11 row 20: charges per enrolment and period; never across terms, never above the fee.
create table charge (
    id                uuid primary key,
    version           bigint not null,
    enrolment_id      uuid not null references enrolment (id),
    child_id          uuid not null,
    programme_id      uuid not null,
    school_id         text not null,
    district          text not null,
    term_id           text not null,
    period_start      date not null,
    period_end        date not null,
    fee_fen_per_month bigint not null,
    fee_revision      int not null,
    fee_proposal_id   text,
    amount_fen        bigint not null,
    exempt_category   text,
    refunded_fen      bigint not null default 0,
    issued_at         timestamptz not null,
    refunded_at       timestamptz,
    constraint charge_one_per_period unique (enrolment_id, period_start),
    constraint charge_period check (period_end >= period_start),
    constraint charge_not_above_fee check (
        amount_fen >= 0 and amount_fen <= fee_fen_per_month
            * ((extract(year from period_end) * 12 + extract(month from period_end))
               - (extract(year from period_start) * 12 + extract(month from period_start)) + 1)),
    constraint charge_refund_bounded check (refunded_fen >= 0 and refunded_fen <= amount_fen)
);
create index charge_enrolment on charge (enrolment_id, period_start);
create index charge_programme on charge (programme_id, period_start);
