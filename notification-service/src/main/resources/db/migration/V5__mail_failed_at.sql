-- When a mail was given up, for the moderators' stats page (failed mails per day; docs/
-- notification-service.md, "Moderator stats"). Older failures take their last scheduled attempt,
-- which is when they failed for the last time. V4 is left free for another branch's migration.
alter table mail_delivery add column failed_at timestamptz;
update mail_delivery set failed_at = next_attempt_at where status = 'FAILED';

create index mail_delivery_created_at on mail_delivery (created_at);
create index mail_delivery_sent_at on mail_delivery (sent_at) where sent_at is not null;
create index mail_delivery_failed_at on mail_delivery (failed_at) where failed_at is not null;
