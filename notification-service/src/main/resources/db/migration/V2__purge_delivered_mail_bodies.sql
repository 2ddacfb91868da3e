-- Delivered and abandoned mails no longer keep their bodies: they held links with one-time tokens.
-- From now on MailDeliveryRepository blanks them when it marks a mail SENT or FAILED.
update mail_delivery set text_body = '', html_body = '' where status in ('SENT', 'FAILED');
