-- Events a consumer has applied, for idempotency (see dev.animetracker.common.consume.ProcessedEvents).
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
