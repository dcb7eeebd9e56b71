-- Issue 17 item 1 (REL-04): the institution reports a scheduled session as held, with the children
-- who attended by enrolment's child reference (no names); escrow pays a lesson only for a held
-- session the child attended. A session is reported held once.
alter table course_session
  add column held_at          timestamptz,
  add column held_reported_by text,
  -- the attending children's ids, space-separated, as reported (SessionHeld carries the list)
  add column attendance       text;
