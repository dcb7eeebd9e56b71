-- §11 row 1: an open application still undecided after the configured working days is announced once.
ALTER TABLE institution_application ADD COLUMN decision_overdue_reported_at timestamptz;
