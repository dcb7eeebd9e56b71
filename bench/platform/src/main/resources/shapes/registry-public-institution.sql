-- The public register's single-institution read (GET /api/v1/public/institutions/{id}): four
-- single-row lookups, each in its own implicit transaction, run on the registry's own database.
-- :institution is a white-listed bench institution.
select * from institution_application where institution_id = :institution;
select * from operating_licence where institution_id = :institution;
select * from legal_registration where institution_id = :institution;
select * from sanction where institution_id = :institution and lifted_at is null order by imposed_at;
