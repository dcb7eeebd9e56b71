-- Courses an approved institution filed (DOMAIN.md row 6), and their sessions. Sessions are part
-- of the Course aggregate: course.version counts CourseFiled, SessionScheduled and
-- PriceViolationDetected events.
create table course (
    course_id             text        primary key,
    version               bigint      not null,
    institution_id        text        not null references institution_application (institution_id),
    district              text        not null,
    name                  text        not null,
    category              text        not null,
    subject               text,
    mode                  text        not null,
    lesson_minutes        integer     not null check (lesson_minutes > 0),
    max_students          integer     not null check (max_students > 0),
    price_per_lesson_fen  bigint      not null check (price_per_lesson_fen >= 0),
    compulsory_education  boolean     not null,
    filed_at              timestamptz not null,
    filed_by              text        not null
);

-- An institution's courses in id order (keyset pagination).
create index course_by_institution on course (institution_id, course_id);
-- Re-checking filed subject courses when a new price schedule is adopted (PRC-03).
create index course_by_category on course (category);

-- Start and end are wall-clock times in Asia/Shanghai (timestamp without time zone on purpose):
-- every time rule (TIM-01 to TIM-04) speaks of local dates and clock times.
create table course_session (
    session_id      text        primary key,
    course_id       text        not null references course (course_id),
    course_version  bigint      not null,
    starts_at       timestamp   not null,
    ends_at         timestamp   not null,
    scheduled_at    timestamptz not null,
    scheduled_by    text        not null,
    check (ends_at > starts_at)
);

-- Same-day sessions of a course (TIM-02 breaks) and keyset pagination by start.
create index course_session_by_course on course_session (course_id, starts_at, session_id);

-- Benchmark prices a locality adopted (PRC-01, PRC-04, PRC-05); benchmarks are lines
-- "MODE BAND FEN_PER_STANDARD_HOUR".
create table price_schedule (
    locality    text        primary key,
    version     bigint      not null,
    benchmarks  text        not null,
    adopted_at  timestamptz not null,
    adopted_by  text        not null
);
