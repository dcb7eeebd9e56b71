-- The public register counts an institution's active staff by verification in the same statement
-- as its standing facts (issue 13's hot path); staff_member_verification leads with the district
-- (INS-02 sampling), so this one serves the per-institution counts.
create index staff_member_public_counts on staff_member (institution_id, verification)
    where status = 'ACTIVE';
