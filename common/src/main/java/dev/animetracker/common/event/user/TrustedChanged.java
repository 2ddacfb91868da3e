package dev.animetracker.common.event.user;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;

/**
 * A moderator marked an account trusted or withdrew the mark; torrent-service flags the later
 * uploads of a trusted account ({@code trusted} on the torrent, Nyaa's green rows).
 */
@EventType(value = "user.trusted-changed", topic = Topics.USER_EVENTS)
public record TrustedChanged(long userId, String username, boolean trusted, String changedBy)
    implements UserEvent {}
