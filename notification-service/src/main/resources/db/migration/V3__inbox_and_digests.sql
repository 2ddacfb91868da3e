-- The on-site inbox: one row per thing a user is told about (issue 13).
create table notification (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null,
    kind        text        not null check (kind in ('release', 'comment', 'report-resolved')),
    torrent_id  bigint,
    comment_id  bigint,
    report_id   bigint,
    title       text        not null,
    text        text,
    actor       text,
    url         text        not null,
    -- [{kind, label}] of the watches that matched (releases only).
    matched_by  jsonb,
    action      text,
    read        boolean     not null default false,
    created_at  timestamptz not null
);

-- A release, a bookmarked comment or a report outcome is told once per user, whatever the events say.
create unique index notification_release_once on notification (user_id, torrent_id) where kind = 'release';
create unique index notification_comment_once on notification (user_id, comment_id) where kind = 'comment';
create unique index notification_report_once on notification (user_id, report_id) where kind = 'report-resolved';
create index notification_inbox on notification (user_id, created_at desc, id desc);
-- The navbar bell counts these on every page.
create index notification_unread on notification (user_id) where not read;

-- Releases waiting for a user's daily digest; sent_at is set in the transaction that queues the digest.
create table digest_item (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null,
    torrent_id  bigint      not null,
    title       text        not null,
    uploader    text,
    -- [{watchId, kind, label, delivery}] of the watches that matched.
    matched_by  jsonb       not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    unique (user_id, torrent_id)
);

create index digest_item_pending on digest_item (user_id, created_at) where sent_at is null;

-- One row per user with digest items: the row a digest worker locks (FOR UPDATE SKIP LOCKED), so two
-- instances never build the same user's digest.
create table digest_recipient (
    user_id       bigint primary key,
    last_sent_at  timestamptz
);

-- Extra headers of a mail (List-Unsubscribe, ...), as a JSON object of strings; blanked once sent like
-- the bodies (the unsubscribe link is a credential).
alter table mail_delivery add column headers jsonb not null default '{}'::jsonb;
