-- PRE-10 / PRE-12 (issue 17 item 6): the filed agreement names its bank, and only that bank's
-- principal (token claim bank_id) reports the account's payments, deposits and balances. Agreements
-- filed before this migration name none: no bank can report on them until they are filed again.
alter table supervision add column bank_id text;
