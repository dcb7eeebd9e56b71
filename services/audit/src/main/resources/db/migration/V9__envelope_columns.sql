-- PLT-11: the searchable columns of a raw event (actor, type, district, ...) are copies of envelope
-- attributes that the hash chains do not cover by themselves; verification compares them with the
-- stored envelope, which the chains do cover. A payload that is no longer JSON is a finding, never an
-- error that stops the verification.
create function audit_envelope(payload text) returns jsonb language plpgsql immutable as $$
begin
    return payload::jsonb;
exception when others then
    return null;
end $$;

-- An envelope attribute as ingest reads it: text values only, blank = absent (ReceivedEvent).
create function audit_attribute(envelope jsonb, name text) returns text language sql immutable as $$
    select case when jsonb_typeof(envelope -> name) = 'string'
                then nullif(btrim(envelope ->> name), '') end
$$;
