package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;

/** The password was changed through a reset; every session was revoked. */
@EventType(value = "user.password-changed", topic = Topics.USER_EVENTS)
public record PasswordChanged(long userId, String username, String email, String locale)
    implements UserEvent {}
