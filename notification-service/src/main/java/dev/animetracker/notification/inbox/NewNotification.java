package dev.animetracker.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An inbox entry to add.
 *
 * @param kind one of {@link Inbox#RELEASE}, {@link Inbox#COMMENT}, {@link Inbox#REPORT_RESOLVED}
 * @param reportId the report a {@code report-resolved} entry is about (its once-key)
 * @param actor who caused it: the uploader, the comment's author or the moderator
 * @param url the site path to open, e.g. {@code /torrents/5#comment-9}
 * @param matchedBy the watches that matched (releases), else empty
 * @param action the moderator's action (report outcomes)
 */
public record NewNotification(
    long userId,
    String kind,
    @Nullable Long torrentId,
    @Nullable Long commentId,
    @Nullable Long reportId,
    String title,
    @Nullable String text,
    @Nullable String actor,
    String url,
    List<MatchedBy> matchedBy,
    @Nullable String action,
    Instant createdAt) {

  public NewNotification {
    if (!Inbox.KINDS.contains(kind)) {
      throw new IllegalArgumentException("Unknown notification kind " + kind);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(createdAt, "createdAt");
    matchedBy = List.copyOf(matchedBy);
  }
}
