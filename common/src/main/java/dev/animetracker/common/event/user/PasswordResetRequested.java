package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/** Someone asked to reset the password of an existing account. */
@EventType(value = "user.password-reset-requested", topic = Topics.USER_EVENTS)
public record PasswordResetRequested(
    long userId,
    String username,
    String email,
    String locale,
    String resetToken,
    Instant resetExpiresAt)
    implements UserEvent {}
