-- Least privilege (issue 16 item 1): the service connects as ${runtime_role}, which reads and writes
-- rows but owns nothing, so it can neither change the schema, truncate a table, disable a trigger nor
-- touch the migration history. Tables the owner creates later get the same row privileges; a service
-- revokes what its runtime role must not do in its own migrations (audit: V8). Where the service runs
-- as the owner itself (one role, e.g. an external test database) there is nothing to grant.
do $$
declare
    runtime text := '${runtime_role}';
begin
    if runtime = current_user then
        return;
    end if;
    execute format('grant usage on schema public to %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select, update on all sequences in schema public to %I', runtime);
    execute format('alter default privileges in schema public'
                   ' grant select, insert, update, delete on tables to %I', runtime);
    execute format('alter default privileges in schema public'
                   ' grant usage, select, update on sequences to %I', runtime);
    execute format('revoke all on flyway_schema_history from %I', runtime);
end $$;
