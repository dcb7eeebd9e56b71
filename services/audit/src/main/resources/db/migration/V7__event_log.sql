-- PLT-11, issue 16 item 2: the audit store as an append-only Merkle log of events (RFC 9162 shape).
-- Checkpoints sign (tree size, root, hash of the previous checkpoint); each checkpoint stores only the
-- leaves and perfect subtrees it added, never a copy of every chain head.

-- The transaction that stored an event: a checkpoint logs exactly the events of transactions that had
-- ended when it started (xid below the snapshot's xmin), so a slow ingest transaction is logged by a
-- later checkpoint, never skipped, and ingest takes no log-wide lock. Existing rows get the migration's
-- transaction id and so go into the first checkpoint.
alter table audit_event add column tx xid8 not null default pg_current_xact_id();
create index audit_event_tx on audit_event (tx);

-- Position of every logged event, with the entity chain it belongs to (so a deleted event still
-- shows which chain lost it).
create table log_leaf (
    idx            bigint primary key,
    event_id       uuid   not null unique,
    aggregate_type text   not null,
    aggregate_id   text   not null,
    entity_seq     bigint not null
);
create index log_leaf_entity on log_leaf (aggregate_id, aggregate_type, entity_seq);

-- Perfect subtrees: level 0 = leaf hashes; a node at (level, idx) covers leaves
-- [idx * 2^level, (idx + 1) * 2^level). Every other hash of the tree derives from these.
create table log_node (
    level smallint not null,
    idx   bigint   not null,
    hash  text     not null,
    primary key (level, idx)
);

-- Checkpoints of format 2 sign the log; format 1 rows (heads of every chain) stay as they were signed.
alter table checkpoint add column format smallint not null default 1;
alter table checkpoint add column tree_size bigint;
alter table checkpoint add column previous_hash text;
alter table checkpoint add column tx_horizon xid8;
alter table checkpoint alter column chain_count drop not null;
alter table checkpoint add constraint checkpoint_log_fields
    check (format = 1 or (tree_size is not null and previous_hash is not null and tx_horizon is not null));

-- Like the raw events, the log never changes once written.
create trigger log_leaf_no_update before update or delete on log_leaf
    for each row execute function audit_event_append_only();
create trigger log_leaf_no_truncate before truncate on log_leaf
    for each statement execute function audit_event_append_only();
create trigger log_node_no_update before update or delete on log_node
    for each row execute function audit_event_append_only();
create trigger log_node_no_truncate before truncate on log_node
    for each statement execute function audit_event_append_only();
create function checkpoint_signed_fields_fixed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.id <> old.id or new.created_at <> old.created_at
        or new.merkle_root <> old.merkle_root or new.signature <> old.signature
        or new.key_id <> old.key_id or new.format <> old.format
        or new.tree_size is distinct from old.tree_size
        or new.previous_hash is distinct from old.previous_hash then
        raise exception 'a signed checkpoint never changes (PLT-11)' using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger checkpoint_signed_fixed before update or delete on checkpoint
    for each row execute function checkpoint_signed_fields_fixed();
create trigger checkpoint_no_truncate before truncate on checkpoint
    for each statement execute function audit_event_append_only();
