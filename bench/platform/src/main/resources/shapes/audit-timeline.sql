-- An entity's timeline, first page of 20 (GET /api/v1/audit/timelines/{id}), on audit's own
-- database. :entity is a bench institution, whose timeline grows with the load.
select exists (select 1 from timeline_entry where entity_id = :entity);
select e.event_id, e.topic, e.kafka_partition, e.kafka_offset, e.source, e.type, e.time, e.recorded_at, e.aggregate_type, e.aggregate_id, e.aggregate_version, e.sequence, e.actor, e.actor_role, e.district, e.correlation_id, e.causation_id, e.payload, e.event_hash, e.entity_seq, e.entity_prev_hash, e.entity_hash, t.relation from timeline_entry t join audit_event e on e.event_id = t.event_id where t.entity_id = :entity order by t.time, t.aggregate_version, t.event_id limit 21;
