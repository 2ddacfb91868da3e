-- One row per e-mail to deliver; rendered when the event is consumed, sent by MailDeliveryWorker.
create table mail_delivery (
    id              bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    kind            text        not null,
    recipient       text        not null,
    locale          text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    status          text        not null default 'PENDING'
                                check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);

create index mail_delivery_due on mail_delivery (next_attempt_at) where status = 'PENDING';
