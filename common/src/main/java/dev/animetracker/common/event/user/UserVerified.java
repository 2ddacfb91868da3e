package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;

/** The account's e-mail address was confirmed; the account is active. */
@EventType(value = "user.verified", topic = Topics.USER_EVENTS)
public record UserVerified(long userId, String username) implements UserEvent {}
