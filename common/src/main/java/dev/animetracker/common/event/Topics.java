package dev.animetracker.common.event;

import java.util.List;

/** Kafka topic names; see docs/events.md for what each carries. */
public final class Topics {

  /** Account life cycle, keyed by user id. */
  public static final String USER_EVENTS = "user-events";

  /** Torrent life cycle and downloads, keyed by v1 (or truncated v2) info hash. */
  public static final String TORRENT_EVENTS = "torrent-events";

  /** Comments, keyed by torrent id. */
  public static final String COMMENT_EVENTS = "comment-events";

  /** Swarm statistics flushed by the tracker, keyed by info hash. */
  public static final String TRACKER_STATS = "tracker-stats";

  /**
   * What users asked to hear about (followed uploaders, groups, series, saved searches, bookmarks),
   * keyed by user id.
   */
  public static final String COMMUNITY_EVENTS = "community-events";

  /** Moderators' actions and resolved reports. */
  public static final String MODERATION_EVENTS = "moderation-events";

  public static final List<String> ALL =
      List.of(
          USER_EVENTS,
          TORRENT_EVENTS,
          COMMENT_EVENTS,
          TRACKER_STATS,
          COMMUNITY_EVENTS,
          MODERATION_EVENTS);

  private Topics() {}
}
