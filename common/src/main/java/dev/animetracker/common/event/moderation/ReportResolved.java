package dev.animetracker.common.event.moderation;

import static dev.animetracker.common.event.Invariants.required;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A moderator resolved a report; one event per reporter of the grouped reports, keyed by the
 * reporter's id. notification-service tells the reporter.
 *
 * @param targetType {@code torrent} or {@code comment}
 * @param torrentId the torrent reported, or the one the reported comment belongs to
 * @param action {@code dismiss}, {@code delete}, {@code remake} or {@code ban-uploader}
 */
@EventType(value = "report.resolved", topic = Topics.MODERATION_EVENTS)
public record ReportResolved(
    long reportId,
    long reporterId,
    String targetType,
    long targetId,
    long torrentId,
    String targetTitle,
    String reason,
    String action,
    @Nullable String note,
    String resolvedBy,
    Instant resolvedAt)
    implements ModerationEvent {

  /** What a moderator may do with a report. */
  public static final Set<String> ACTIONS = Set.of("dismiss", "delete", "remake", "ban-uploader");

  public ReportResolved {
    required(targetType, "targetType");
    required(targetTitle, "targetTitle");
    required(reason, "reason");
    if (!ACTIONS.contains(required(action, "action"))) {
      throw new IllegalArgumentException("action must be one of " + ACTIONS);
    }
    required(resolvedBy, "resolvedBy");
    required(resolvedAt, "resolvedAt");
  }
}
