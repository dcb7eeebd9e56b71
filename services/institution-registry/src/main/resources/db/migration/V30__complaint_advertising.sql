-- §11 row 14 (PLT-03/PLT-04): complaints about an approved institution. The description, answer
-- and closing note stay here; events carry ids, category and dates only.
create table complaint (
    id                  uuid primary key,
    version             bigint not null,
    institution_id      text not null references institution_application (institution_id),
    district            text not null,
    category            text not null,
    description         text not null,
    routed_to           text,
    status              text not null,
    filed_by            text not null,
    filed_at            timestamptz not null,
    answer_due_by       date not null,
    answer              text,
    answered_by         text,
    answered_at         timestamptz,
    overdue_reported_at timestamptz,
    outcome             text,
    closing_note        text,
    closed_by           text,
    closed_at           timestamptz
);
create index complaint_filed on complaint (filed_at, id);
create index complaint_parent on complaint (filed_by, filed_at, id);
create index complaint_institution on complaint (institution_id, filed_at, id);
create index complaint_district on complaint (district, filed_at, id);
-- The SLA watch scans unanswered complaints not yet reported, by due date.
create index complaint_unanswered on complaint (answer_due_by)
    where status = 'FILED' and overdue_reported_at is null;

-- ADV-01 (§11 row 22): suspected training advertisements and the regulator's decision.
create table ad_report (
    id             uuid primary key,
    version        bigint not null,
    institution_id text not null references institution_application (institution_id),
    district       text not null,
    channel        text not null,
    description    text not null,
    status         text not null,
    reported_by    text not null,
    reporter_role  text not null,
    reported_at    timestamptz not null,
    decided_by     text,
    decided_at     timestamptz,
    decided_on     date,
    decision_note  text
);
create index ad_report_district on ad_report (district, reported_at, id);
create index ad_report_reported on ad_report (reported_at, id);
create index ad_report_reporter on ad_report (reported_by, reported_at, id);
-- Repeat offending counts an institution's confirmations within a rolling window.
create index ad_report_confirmed on ad_report (institution_id, decided_on) where status = 'CONFIRMED';
