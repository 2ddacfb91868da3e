-- Reports of torrents and comments by users, resolved by moderators (docs/torrent-service.md, "Reports").
-- The target's title, author and text are kept as reported: a comment is deleted for good and a
-- moderator must still see what was reported.
create table report (
    id                bigserial primary key,
    target_type       text        not null check (target_type in ('torrent', 'comment')),
    target_id         bigint      not null,
    torrent_id        bigint      not null,
    reporter_id       bigint      not null,
    reporter_username text        not null,
    reason            text        not null
        check (reason in ('fake', 'wrong-category', 'malware', 'illegal', 'spam', 'other')),
    text              text        check (char_length(text) <= 2000),
    target_author_id  bigint      not null,
    target_author     text        not null,
    target_text       text,
    state             text        not null default 'open' check (state in ('open', 'resolved')),
    created_at        timestamptz not null default now(),
    -- Set together when a moderator resolves the group: group_id = the group's first report id.
    group_id          bigint,
    resolved_by_id    bigint,
    resolved_by       text,
    resolved_at       timestamptz,
    action            text        check (action in ('dismiss', 'delete', 'remake', 'ban-uploader')),
    note              text        check (char_length(note) <= 2000),
    check ((state = 'open') = (resolved_at is null))
);

-- One open report per reporter and target; a lost race is a unique violation, never a duplicate.
create unique index report_open_once on report (reporter_id, target_type, target_id)
    where state = 'open';
create index report_open_targets on report (target_type, target_id) where state = 'open';
create index report_groups on report (group_id) where group_id is not null;
create index report_reporter on report (reporter_id);

-- The one log of moderator actions: this service's own (torrent edits and deletions by moderators,
-- comment deletions by moderators, categories, report resolutions) and user-service's account
-- decisions consumed from moderation-events (source_event_id makes that consumption idempotent).
create table moderation_audit (
    id              bigserial primary key,
    actor_id        bigint      not null,
    actor           text        not null,
    action          text        not null,
    target_type     text        not null,
    target          text        not null,
    reason          text,
    before          jsonb,
    after           jsonb,
    at              timestamptz not null,
    source_event_id uuid        unique
);

create index moderation_audit_at on moderation_audit (at desc, id desc);
create index moderation_audit_actor on moderation_audit (lower(actor), at desc);
create index moderation_audit_target on moderation_audit (target_type, target, at desc);
