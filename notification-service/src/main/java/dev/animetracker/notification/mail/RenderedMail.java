package dev.animetracker.notification.mail;

/** A mail ready to send: subject plus plain-text and HTML alternatives of the same content. */
public record RenderedMail(String subject, String textBody, String htmlBody) {}
