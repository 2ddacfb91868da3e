package dev.animetracker.notification.mail;

import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code mail_delivery} as the worker needs it.
 *
 * @param headers extra headers of the message (e.g. {@code List-Unsubscribe})
 */
public record MailDelivery(
    long id,
    UUID eventId,
    String kind,
    String recipient,
    String subject,
    String textBody,
    String htmlBody,
    int attempts,
    Map<String, String> headers) {

  public MailDelivery {
    headers = Map.copyOf(headers);
  }

  /** A delivery without extra headers. */
  public MailDelivery(
      long id,
      UUID eventId,
      String kind,
      String recipient,
      String subject,
      String textBody,
      String htmlBody,
      int attempts) {
    this(id, eventId, kind, recipient, subject, textBody, htmlBody, attempts, Map.of());
  }
}
