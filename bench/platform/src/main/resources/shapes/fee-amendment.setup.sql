-- One draft proposal per pgbench client (ids p0..p63), as the bench's fee schools have.
insert into fee_proposal (id, version, school_id, district, term_id, term_start, term_end, programme_type, revision, basis, school_level, staff_allowances_fen, materials_fen, outside_providers_fen, utilities_fen, expected_participants, proposed_fee_fen, status, drafted_by, drafted_at)
select md5('p' || i)::uuid, 1, 'school-' || i, 'tiedong', '2026-autumn', '2026-09-01', '2027-01-31', 'AFTER_SCHOOL', 1, 'SERVICE_CHARGE', 'PRIMARY', 4200000, 600000, 1500000, 300000, 440, 15000, 'DRAFT', 'admin-' || i, now()
from generate_series(0, 63) i
on conflict (id) do nothing;
