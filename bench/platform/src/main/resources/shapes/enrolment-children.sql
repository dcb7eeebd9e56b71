-- A guardian's children (GET /api/v1/children, first page), on enrolment's own database.
-- :guardian is a bench parent's token subject.
select c1_0.id, c1_0.grade, c1_0.guardian_sub, c1_0.registered_at, c1_0.school_id, c1_0.version from child c1_0 where c1_0.guardian_sub = :guardian order by c1_0.registered_at, c1_0.id offset 0 rows fetch first 21 rows only;
