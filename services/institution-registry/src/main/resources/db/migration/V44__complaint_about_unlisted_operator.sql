-- Issue 18 item 1: a parent may complain about any operator, also one the registry does not know
-- (no institution id): then the complaint names the operator and its district, nobody is due to
-- answer it, and the district's regulator deals with it (and may record the operator from it).
alter table complaint alter column institution_id drop not null;
alter table complaint alter column answer_due_by drop not null;
alter table complaint add column operator_name text;
alter table complaint add column operator_address text;
alter table complaint add constraint complaint_about_one_operator
    check ((institution_id is null) = (operator_name is not null));
alter table complaint add constraint complaint_answer_due_for_institutions
    check ((institution_id is null) = (answer_due_by is null));
