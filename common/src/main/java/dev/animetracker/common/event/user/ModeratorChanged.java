package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;

/** A moderator granted or withdrew the moderator role. */
@EventType(value = "user.moderator-changed", topic = Topics.USER_EVENTS)
public record ModeratorChanged(long userId, String username, boolean moderator, String changedBy)
    implements UserEvent {}
