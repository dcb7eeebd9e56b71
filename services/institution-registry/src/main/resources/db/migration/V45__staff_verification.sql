-- Issue 18 item 3: qualifications and in-service status are verified, not taken on the operator's
-- word. The operator may name its evidence when filing; the district's regulator records what it
-- checked (evidence_reference) and what it found. A filing stays UNVERIFIED until then.
alter table staff_member add column qualification_evidence text;
alter table staff_member add column employment_evidence text;
alter table staff_member add column verification text not null default 'UNVERIFIED';
alter table staff_member add column qualification_confirmed boolean;
alter table staff_member add column in_service_teacher_found boolean;
alter table staff_member add column verification_evidence text;
alter table staff_member add column verified_at timestamptz;
alter table staff_member add column verified_by text;
alter table staff_member add constraint staff_member_verification_known
    check (verification in ('UNVERIFIED', 'VERIFIED', 'REFUTED'));
alter table staff_member add constraint staff_member_verification_recorded
    check ((verification = 'UNVERIFIED') = (verified_at is null));

-- INS-02 sampling and the public register count unverified and refuted staff per institution.
create index staff_member_verification on staff_member (district, institution_id, verification)
    where status = 'ACTIVE';
