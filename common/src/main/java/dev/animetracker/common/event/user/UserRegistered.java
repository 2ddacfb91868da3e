package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/** A new account awaits e-mail verification; the token is the only copy outside its hash. */
@EventType(value = "user.registered", topic = Topics.USER_EVENTS)
public record UserRegistered(
    long userId,
    String username,
    String email,
    String locale,
    String verificationToken,
    Instant verificationExpiresAt)
    implements UserEvent {}
