-- What each service's own migration adds to the shared outbox table (e.g. user-service V6__outbox_traceparent.sql).
alter table outbox_event add column traceparent text;
