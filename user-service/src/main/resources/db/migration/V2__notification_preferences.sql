-- Whether the user gets an e-mail when someone comments on one of their torrents (read by
-- notification-service through GET /internal/users/{id}/contact).
alter table users add column notify_on_comment boolean not null default true;
