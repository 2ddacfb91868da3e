package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/** An unverified user asked for a fresh verification e-mail. */
@EventType(value = "user.verification-requested", topic = Topics.USER_EVENTS)
public record VerificationRequested(
    long userId,
    String username,
    String email,
    String locale,
    String verificationToken,
    Instant verificationExpiresAt)
    implements UserEvent {}
