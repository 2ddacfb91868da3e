package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/**
 * An unverified user asked for a fresh verification e-mail; the token is sealed like {@link
 * UserRegistered}'s.
 */
@EventType(value = "user.verification-requested", version = 2, topic = Topics.USER_EVENTS)
public record VerificationRequested(
    long userId,
    String username,
    String email,
    String locale,
    String sealedVerificationToken,
    Instant verificationExpiresAt)
    implements UserEvent {}
