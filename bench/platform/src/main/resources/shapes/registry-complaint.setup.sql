-- The white-listed institution the complaints name (the complaint's foreign key), as the bench's
-- institutions are on the real registry database.
insert into institution_application (institution_id, version, name, category, mode, district, legal_form, student_stages, premises_area_sqm, max_students_per_slot, status, applied_at, applied_by, list_status, risk_grade)
values ('55534148-4f8d-3d6e-a2e1-98c01a0c472f', 3, 'bench institution', 'NON_SUBJECT', 'OFFLINE', 'tiedong', 'NON_PROFIT', 'PRIMARY', 300, 30, 'APPROVED', now(), 'bench', 'WHITE', 'LOW')
on conflict (institution_id) do nothing;
