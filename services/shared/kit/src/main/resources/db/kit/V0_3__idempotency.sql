-- Idempotency-Key records (IETF draft-ietf-httpapi-idempotency-key-header). Written in the same
-- transaction as the command, so a replay can never see a response whose effect was rolled back.
create table idempotency_record (
    scope           text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_status integer     not null,
    response_body   text,
    location        text,
    etag            text,
    created_at      timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
create index idempotency_record_created on idempotency_record (created_at);
