package dev.animetracker.notification.mail;

import dev.animetracker.notification.config.NotificationProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one due mail per call, each in its own transaction (see {@link MailDeliveryWorker} for the
 * delivery guarantees). Apart from the worker's loop because a call within one bean would not pass
 * the transaction proxy.
 */
@Component
class DueMailSender {

  private static final Logger log = LoggerFactory.getLogger(DueMailSender.class);

  /** What one call did. */
  enum Outcome {
    NOTHING_DUE,
    SENT,
    FAILED
  }

  private final MailDeliveryRepository deliveries;
  private final JavaMailSender mailSender;
  private final NotificationProperties properties;
  private final Backoff backoff;
  private final Clock clock;
  private final MeterRegistry meters;

  DueMailSender(
      MailDeliveryRepository deliveries,
      JavaMailSender mailSender,
      NotificationProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.deliveries = deliveries;
    this.mailSender = mailSender;
    this.properties = properties;
    this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * Locks the next due mail, sends it and records the outcome, all in one transaction: the row
   * stays locked while the SMTP server is talked to, so no other instance sends it too.
   */
  @Transactional
  public Outcome sendNext() {
    Instant now = clock.instant();
    MailDelivery delivery = deliveries.lockNextDue(now).orElse(null);
    if (delivery == null) {
      return Outcome.NOTHING_DUE;
    }
    int attempts = delivery.attempts() + 1;
    MimeMessage message;
    try {
      message = toMessage(delivery);
    } catch (MessagingException e) {
      giveUp(delivery, attempts, "Cannot build the message: " + describe(e));
      return Outcome.FAILED;
    }
    try {
      mailSender.send(message);
    } catch (MailException e) {
      String error = describe(e);
      if (attempts >= properties.maxAttempts()) {
        giveUp(delivery, attempts, error);
      } else {
        Instant next = clock.instant().plus(backoff.after(attempts));
        deliveries.markRetry(delivery.id(), attempts, next, error);
        counter("notification.mails.retried", delivery.kind()).increment();
        log.warn(
            "Sending {} mail {} failed (attempt {} of {}), retrying at {}: {}",
            delivery.kind(),
            delivery.id(),
            attempts,
            properties.maxAttempts(),
            next,
            error);
      }
      return Outcome.FAILED;
    }
    deliveries.markSent(delivery.id(), clock.instant());
    counter("notification.mails.sent", delivery.kind()).increment();
    log.info("Sent {} mail {} for event {}", delivery.kind(), delivery.id(), delivery.eventId());
    return Outcome.SENT;
  }

  private void giveUp(MailDelivery delivery, int attempts, String error) {
    deliveries.markFailed(delivery.id(), attempts, error);
    counter("notification.mails.failed", delivery.kind()).increment();
    log.error(
        "Giving up {} mail {} for event {} after {} attempt(s): {}",
        delivery.kind(),
        delivery.id(),
        delivery.eventId(),
        attempts,
        error);
  }

  /** A multipart/alternative message: plain text first, HTML preferred by capable clients. */
  private MimeMessage toMessage(MailDelivery delivery) throws MessagingException {
    String charset = StandardCharsets.UTF_8.name();
    MimeMessage message = mailSender.createMimeMessage();
    message.setFrom(new InternetAddress(properties.from(), true));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(delivery.recipient()));
    message.setSubject(delivery.subject(), charset);
    message.setSentDate(Date.from(clock.instant()));

    MimeBodyPart text = new MimeBodyPart();
    text.setText(delivery.textBody(), charset, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(delivery.htmlBody(), charset, "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    for (var header : delivery.headers().entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    message.saveChanges();
    // The same Message-ID on every attempt of a delivery (JavaMailSender keeps one that is set):
    // should a crash between the SMTP acceptance and the commit repeat the mail, mail stores and
    // clients that deduplicate by Message-ID show it once.
    message.setHeader("Message-ID", messageId(delivery));
    return message;
  }

  /** {@code <mail-<delivery id>.<event id>@<sender's domain>>}: unique, and stable per delivery. */
  private String messageId(MailDelivery delivery) throws MessagingException {
    String from = new InternetAddress(properties.from(), true).getAddress();
    String domain = from.substring(from.lastIndexOf('@') + 1);
    return "<mail-" + delivery.id() + "." + delivery.eventId() + "@" + domain + ">";
  }

  private Counter counter(String name, String kind) {
    return Counter.builder(name).tag("kind", kind).register(meters);
  }

  private static String describe(Exception e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
  }
}
