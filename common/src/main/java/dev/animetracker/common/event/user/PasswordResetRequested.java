package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/**
 * Someone asked to reset the password of an existing account. The token travels sealed (common
 * {@code MailTokenSealer}, purpose {@code PASSWORD_RESET}): only the mailer opens it.
 */
@EventType(value = "user.password-reset-requested", version = 2, topic = Topics.USER_EVENTS)
public record PasswordResetRequested(
    long userId,
    String username,
    String email,
    String locale,
    String sealedResetToken,
    Instant resetExpiresAt)
    implements UserEvent {}
