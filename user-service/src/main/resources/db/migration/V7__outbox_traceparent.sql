-- The W3C traceparent of the request that wrote an event, sent as the Kafka record's header by the relay so the
-- consumers continue that trace (docs/observability.md). Nullable: rows written before, or outside a trace, have none.
alter table outbox_event add column traceparent text;
