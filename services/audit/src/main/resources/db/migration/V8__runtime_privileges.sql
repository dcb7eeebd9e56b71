-- PLT-11, issue 16 item 1: what the audit runtime role (${runtime_role}) may do beyond reading. It
-- appends raw events, log leaves, log nodes and checkpoints and never changes or removes one; it may
-- mark a checkpoint published (the signed columns are fixed by trigger V7 as well); it extends chain
-- heads; it empties the timeline projection only to rebuild it. The owner keeps DDL, so only the
-- owner's credentials can disable a trigger, and those stay with the migration run.
do $$
declare
    runtime text := '${runtime_role}';
begin
    if runtime = current_user then
        return;
    end if;
    execute format('revoke update, delete, truncate on audit_event, log_leaf, log_node, rejected_record,'
                   ' checkpoint, checkpoint_head, reference_field from %I', runtime);
    execute format('grant update (published_at) on checkpoint to %I', runtime);
    execute format('revoke delete, truncate on entity_chain, partition_chain from %I', runtime);
    execute format('grant truncate on timeline_entry to %I', runtime);
end $$;
