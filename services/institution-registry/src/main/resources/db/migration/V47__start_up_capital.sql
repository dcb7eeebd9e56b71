-- REG-08 (issue 18 item 4): a new application declares its start-up capital in yuan, at least the
-- configured minimum, with a reference to its proof (验资报告). Institutions approved before the
-- platform, and applications filed before this, have none.
alter table institution_application add column start_up_capital_yuan bigint
    check (start_up_capital_yuan >= 0);
alter table institution_application add column start_up_capital_evidence text;
alter table institution_application add constraint institution_capital_with_evidence
    check ((start_up_capital_yuan is null) = (start_up_capital_evidence is null));
