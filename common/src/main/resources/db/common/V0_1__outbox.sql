-- Transactional outbox shared by every service that publishes events (see dev.animetracker.common.outbox).
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    envelope     text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

create index outbox_event_pending on outbox_event (seq) where published_at is null;
