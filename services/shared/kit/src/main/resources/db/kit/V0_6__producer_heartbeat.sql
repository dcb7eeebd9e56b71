-- Producer heartbeat (issue 16 item 6): the relay leader writes a ProducerHeartbeat event into the
-- outbox every oversight.outbox.relay.heartbeat.interval. It is numbered like any other event, so
-- events lost at the end of the stream leave a sequence gap below the next heartbeat, which audit's
-- gap scan reports within one interval. heartbeats is the version of the Producer aggregate.
alter table outbox_sequence add column heartbeats bigint not null default 0;
