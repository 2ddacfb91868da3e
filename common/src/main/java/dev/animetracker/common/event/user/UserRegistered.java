package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/**
 * A new account awaits e-mail verification. The token travels sealed (common {@code
 * MailTokenSealer}, purpose {@code EMAIL_VERIFICATION}): only the mailer opens it.
 */
@EventType(value = "user.registered", version = 2, topic = Topics.USER_EVENTS)
public record UserRegistered(
    long userId,
    String username,
    String email,
    String locale,
    String sealedVerificationToken,
    Instant verificationExpiresAt)
    implements UserEvent {}
