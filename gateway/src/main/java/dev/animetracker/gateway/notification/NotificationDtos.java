package dev.animetracker.gateway.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies of notification-service's inbox API (issue 13). */
public final class NotificationDtos {

  private NotificationDtos() {}

  /** Why a release notification came: the follow or saved search it matched. */
  public record MatchRef(@Nullable String kind, @Nullable String label) {}

  /**
   * One inbox entry ({@code kind} release|comment|report-resolved); {@code url} is the site path to
   * open.
   */
  public record Notification(
      String id,
      String kind,
      @Nullable Long torrentId,
      @Nullable Long commentId,
      @Nullable String title,
      @Nullable String text,
      @Nullable String url,
      boolean read,
      @Nullable Instant createdAt,
      @Nullable List<MatchRef> matchedBy,
      @Nullable String action) {

    public List<MatchRef> matchList() {
      return matchedBy == null ? List.of() : matchedBy;
    }

    /**
     * The link to follow: only a site path ({@code /torrents/5}); anything else (an absolute or
     * protocol-relative URL a broken service might send) is not linked.
     */
    public @Nullable String safeUrl() {
      if (url != null && url.startsWith("/") && !url.startsWith("//") && !url.contains("\\")) {
        return url;
      }
      return null;
    }
  }

  /** A newest-first page of the inbox ({@code page} 0-based) and the unread count. */
  public record NotificationPage(
      @Nullable List<Notification> items, int page, int size, long total, long unread) {

    public List<Notification> itemList() {
      return items == null ? List.of() : items;
    }
  }

  /** {@code GET /api/users/me/notifications/unread} and the answer of marking read. */
  public record Unread(long unread) {}
}
