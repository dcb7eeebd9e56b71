-- A checkpoint is announced on oversight.audit.events (CheckpointSigned), so its signed root is
-- witnessed outside this database; published_at changes in the same transaction as the outbox row.
alter table checkpoint add column published_at timestamptz;
create index checkpoint_unpublished on checkpoint (id) where published_at is null;
