package dev.animetracker.notification.mail;

import dev.animetracker.notification.config.NotificationProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends queued mail. Every poll interval it takes due {@code PENDING} rows one at a time (up to the
 * batch size), each in its own transaction ({@link DueMailSender}): lock the row ({@code FOR UPDATE
 * SKIP LOCKED}, so several instances never send the same mail), send it over SMTP, record the
 * outcome, commit. A mail is marked {@code SENT} only after the server accepted it, and a {@code
 * SENT} mail is never picked again; a crash between the SMTP acceptance and the commit can repeat
 * at most that one mail (the outcome is committed right after the server's answer, so the window is
 * that one commit; the repeat carries the same {@code Message-ID}). Delivery is therefore
 * at-least-once, never twice by two instances: SMTP offers nothing to make it exactly-once.
 *
 * <p>A failed attempt is retried with exponential backoff until {@code max-attempts}, then the mail
 * is marked {@code FAILED} and logged as an error. After a failure the round ends, so an SMTP
 * outage costs one attempt per poll interval rather than one per pending mail.
 */
@Component
public class MailDeliveryWorker implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(MailDeliveryWorker.class);

  private final DueMailSender sender;
  private final MailDeliveryRepository deliveries;
  private final NotificationProperties properties;
  private final AtomicLong pending = new AtomicLong();

  MailDeliveryWorker(
      DueMailSender sender,
      MailDeliveryRepository deliveries,
      NotificationProperties properties,
      MeterRegistry meters) {
    this.sender = sender;
    this.deliveries = deliveries;
    this.properties = properties;
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
        if (sender.sendNext() != DueMailSender.Outcome.SENT) {
          break;
        }
      }
      pending.set(deliveries.countPending());
    } catch (RuntimeException e) {
      // Typically the database is unavailable; the next round tries again.
      log.warn("Mail delivery round failed: {}", NestedExceptionUtils.getMostSpecificCause(e));
    }
  }
}
