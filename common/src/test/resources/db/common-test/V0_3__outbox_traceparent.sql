-- What each service's own migration adds to the shared outbox table (e.g. user-service V6__outbox_traceparent.sql; torrent-service V11, search-service V15, notification-service V4).
alter table outbox_event add column traceparent text;
