package dev.animetracker.notification.mail;

import dev.animetracker.notification.config.NotificationProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail. Every poll interval it takes due {@code PENDING} rows one at a time (up to the
 * batch size), each in its own transaction: lock the row ({@code FOR UPDATE SKIP LOCKED}, so
 * several instances never send the same mail), send it over SMTP, record the outcome, commit. A
 * mail is marked {@code SENT} only after the server accepted it, and a {@code SENT} mail is never
 * picked again; a crash between the SMTP acceptance and the commit can repeat at most that one
 * mail.
 *
 * <p>A failed attempt is retried with exponential backoff until {@code max-attempts}, then the mail
 * is marked {@code FAILED} and logged as an error. After a failure the round ends, so an SMTP
 * outage costs one attempt per poll interval rather than one per pending mail.
 */
@Component
public class MailDeliveryWorker implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(MailDeliveryWorker.class);

  private final MailDeliveryRepository deliveries;
  private final JavaMailSender mailSender;
  private final TransactionTemplate transactions;
  private final NotificationProperties properties;
  private final Backoff backoff;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicLong pending = new AtomicLong();

  private enum Outcome {
    NOTHING_DUE,
    SENT,
    FAILED
  }

  public MailDeliveryWorker(
      MailDeliveryRepository deliveries,
      JavaMailSender mailSender,
      PlatformTransactionManager transactionManager,
      NotificationProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.deliveries = deliveries;
    this.mailSender = mailSender;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
    this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
    this.clock = clock;
    this.meters = meters;
    Gauge.builder("notification.mails.pending", pending, AtomicLong::get)
        .description("Mails waiting to be sent (due or backing off after a failed attempt)")
        .register(meters);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::deliverDue, properties.pollInterval());
  }

  /** One worker round: sends due mail until none is left, the batch is full or an attempt fails. */
  public void deliverDue() {
    try {
      for (int i = 0; i < properties.batchSize(); i++) {
        Outcome outcome = transactions.execute(status -> deliverNext());
        if (outcome != Outcome.SENT) {
          break;
        }
      }
      pending.set(deliveries.countPending());
    } catch (RuntimeException e) {
      // Typically the database is unavailable; the next round tries again.
      log.warn("Mail delivery round failed: {}", NestedExceptionUtils.getMostSpecificCause(e));
    }
  }

  private Outcome deliverNext() {
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
    message.saveChanges();
    return message;
  }

  private Counter counter(String name, String kind) {
    return Counter.builder(name).tag("kind", kind).register(meters);
  }

  private static String describe(Exception e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
  }
}
