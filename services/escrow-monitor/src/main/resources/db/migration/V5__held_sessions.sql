-- Issue 17 item 1 (REL-04): a lesson is consumed only for a session the registry reported held
-- (SessionScheduled, SessionHeld) that the order's child attended, at most once per order and session.
create table course_session (
  session_id     uuid primary key,
  course_id      uuid not null,
  institution_id text not null,
  starts_at      timestamptz not null,
  ends_at        timestamptz not null,
  local_start    timestamp not null,
  local_end      timestamp not null,
  held_at        timestamptz
);
create index course_session_course on course_session (course_id, starts_at);

create table session_attendance (
  session_id uuid not null references course_session,
  child_id   uuid not null,
  primary key (session_id, child_id)
);

-- consumptions requested before V5 named only a date
alter table consumption
  add column session_id    uuid references course_session,
  add column session_start timestamp,
  add column session_end   timestamp,
  add column course_name   text;
create unique index consumption_one_per_session on consumption (order_id, session_id)
  where session_id is not null;
