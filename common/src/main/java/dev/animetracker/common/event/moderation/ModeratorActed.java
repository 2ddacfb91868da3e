package dev.animetracker.common.event.moderation;

import static dev.animetracker.common.event.Invariants.required;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A moderator did something the audit log must show. user-service publishes the account actions
 * (moderator, trusted, ban); torrent-service keeps the audit log. Keyed by {@code
 * targetType-target}.
 *
 * @param action e.g. {@code user.ban}, {@code user.unban}, {@code user.moderator}, {@code
 *     user.trusted}
 * @param targetType {@code user}, {@code torrent}, {@code comment}, {@code category} or {@code
 *     report}
 * @param target the target's name or id as the log shows it
 * @param before the changed fields before, as JSON text (null when nothing existed)
 * @param after the changed fields after, as JSON text (null when it is gone)
 */
@EventType(value = "moderation.acted", topic = Topics.MODERATION_EVENTS)
public record ModeratorActed(
    long actorId,
    String actor,
    String action,
    String targetType,
    String target,
    @Nullable String reason,
    @Nullable String before,
    @Nullable String after,
    Instant at)
    implements ModerationEvent {

  public ModeratorActed {
    required(actor, "actor");
    required(action, "action");
    required(targetType, "targetType");
    required(target, "target");
    required(at, "at");
  }
}
