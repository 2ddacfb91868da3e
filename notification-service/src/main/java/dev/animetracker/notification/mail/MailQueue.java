package dev.animetracker.notification.mail;

import dev.animetracker.common.consume.ProcessedEvents;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point for features that send mail: renders the mail and stores it for delivery, once
 * per event, in one transaction. The worker sends it later, so an event listener never waits for
 * SMTP and an SMTP outage loses nothing.
 */
@Service
public class MailQueue {

  /** The {@code processed_event.consumer} name of mail creation. */
  public static final String CONSUMER = "mail";

  private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

  private final ProcessedEvents processedEvents;
  private final MailTemplates templates;
  private final MailDeliveryRepository deliveries;
  private final Clock clock;

  public MailQueue(
      ProcessedEvents processedEvents,
      MailTemplates templates,
      MailDeliveryRepository deliveries,
      Clock clock) {
    this.processedEvents = processedEvents;
    this.templates = templates;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /**
   * Queues the mail caused by an event unless that event was handled before.
   *
   * @return {@code true} if queued, {@code false} for a repeated event (nothing changed)
   */
  @Transactional
  public boolean enqueue(UUID eventId, MailRequest request) {
    if (!processedEvents.firstTime(CONSUMER, eventId)) {
      log.debug("Event {} was already handled; no second {} mail", eventId, request.kind());
      return false;
    }
    RenderedMail mail = templates.render(request);
    deliveries.insert(eventId, request, mail, clock.instant());
    log.info("Queued {} mail for event {}", request.kind(), eventId);
    return true;
  }
}
