package dev.animetracker.gateway.community;

import dev.animetracker.gateway.catalog.CatalogDtos.CategoryRef;
import dev.animetracker.gateway.catalog.CatalogDtos.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of search-service's community API (issue 13: follows, saved searches, bookmarks, the
 * personal feed, unsubscribing). Ids are read as text: the pages only pass them back.
 */
public final class CommunityDtos {

  private CommunityDtos() {}

  /** A follow of a user, a release group or a series ({@code kind} user|group|series). */
  public record Follow(
      String id,
      String kind,
      String target,
      @Nullable String label,
      @Nullable String delivery,
      @Nullable Instant createdAt) {}

  /** {@code GET /api/users/me/follows}. */
  public record FollowList(@Nullable List<Follow> items) {

    public List<Follow> itemList() {
      return items == null ? List.of() : items;
    }

    /** Whether this follow exists ({@code target} compared case-insensitively). */
    public boolean follows(String kind, @Nullable String target) {
      return target != null
          && itemList().stream()
              .anyMatch(f -> f.kind().equals(kind) && f.target().equalsIgnoreCase(target));
    }
  }

  /** A saved search; {@code query} holds only the parameters that are set. */
  public record Subscription(
      String id,
      @Nullable String name,
      @Nullable Map<String, Object> query,
      @Nullable String delivery,
      @Nullable Instant createdAt) {

    /** The query as {@code name=value} pairs, for the page. */
    public String queryText() {
      if (query == null) {
        return "";
      }
      StringBuilder text = new StringBuilder();
      query.forEach(
          (key, value) -> {
            if (!text.isEmpty()) {
              text.append(", ");
            }
            text.append(key).append('=').append(value);
          });
      return text.toString();
    }
  }

  /** {@code GET /api/users/me/subscriptions}. */
  public record SubscriptionList(@Nullable List<Subscription> items) {

    public List<Subscription> itemList() {
      return items == null ? List.of() : items;
    }
  }

  /** Why a release is in the feed: the follow or saved search it matched. */
  public record MatchRef(@Nullable String kind, @Nullable String label) {}

  /**
   * A torrent of the feed or of the bookmarks: the search item plus {@code matchedAt}/{@code
   * matchedBy} (feed) or {@code bookmarkedAt} (bookmarks).
   */
  public record PersonalItem(
      long id,
      String title,
      @Nullable CategoryRef category,
      @Nullable UserRef uploader,
      long size,
      @Nullable Instant createdAt,
      long seeders,
      long leechers,
      long completed,
      @Nullable String magnetUri,
      @Nullable Boolean trusted,
      @Nullable Boolean remake,
      @Nullable Instant matchedAt,
      @Nullable List<MatchRef> matchedBy,
      @Nullable Instant bookmarkedAt) {

    public List<MatchRef> matchList() {
      return matchedBy == null ? List.of() : matchedBy;
    }

    public boolean isTrusted() {
      return Boolean.TRUE.equals(trusted);
    }

    public boolean isRemake() {
      return Boolean.TRUE.equals(remake);
    }
  }

  /** A page of the feed or the bookmarks ({@code page} 0-based). */
  public record PersonalPage(@Nullable List<PersonalItem> items, int page, int size, long total) {

    public List<PersonalItem> itemList() {
      return items == null ? List.of() : items;
    }
  }

  /** A watch turned off by an unsubscribe link. */
  public record WatchRef(@Nullable String id, @Nullable String kind, @Nullable String label) {}

  /** {@code POST /api/users/unsubscribe}. */
  public record Unsubscribed(@Nullable List<WatchRef> watches) {

    public List<WatchRef> watchList() {
      return watches == null ? List.of() : watches;
    }
  }
}
