-- Issue 16 item 5: the timeline rebuild deletes and re-derives rows instead of TRUNCATE (which took a
-- table lock that held ingest), so the runtime role no longer needs TRUNCATE anywhere.
do $$
declare
    runtime text := '${runtime_role}';
begin
    if runtime = current_user then
        return;
    end if;
    execute format('revoke truncate on timeline_entry from %I', runtime);
end $$;
