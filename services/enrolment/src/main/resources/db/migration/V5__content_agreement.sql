-- Issue 18 item 5 (LN-ASV-01): a programme's content is agreed with the school's parent committee
-- before families enrol. Enrolment learns the committee from fee-approval's representative events
-- and records each representative's own agreement; a strict majority of the sitting committee
-- agrees the content. A revision that changes the activities voids the agreement.
alter table programme add column content_agreed_at timestamptz;
-- programmes published before the rule was enforced keep taking enrolments: families are not
-- stopped mid-term by a committee that was never asked
update programme set content_agreed_at = published_at;

create table committee_seat (
    school_id      text        not null,
    representative text        not null,
    seated_at      timestamptz not null,
    primary key (school_id, representative)
);

create table content_endorsement (
    programme_id   uuid        not null references programme (id),
    representative text        not null,
    endorsed_at    timestamptz not null,
    primary key (programme_id, representative)
);
