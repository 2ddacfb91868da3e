package dev.animetracker.notification.mail;

import java.util.UUID;

/** A row of {@code mail_delivery} as the worker needs it. */
public record MailDelivery(
    long id,
    UUID eventId,
    String kind,
    String recipient,
    String subject,
    String textBody,
    String htmlBody,
    int attempts) {}
