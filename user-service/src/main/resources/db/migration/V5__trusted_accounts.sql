-- Accounts moderators mark trusted (issue 12): torrent-service keeps a replica from
-- user.trusted-changed and flags their later uploads (Nyaa's green rows). Who changed it is in the event.
alter table users add column trusted boolean not null default false;
