package dev.animetracker.common.event.community;

import static dev.animetracker.common.event.Invariants.required;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/**
 * Someone commented on a torrent this user bookmarked (never their own comment). One per user and
 * comment. Keyed by user id.
 *
 * @param excerpt the comment's first characters as plain text (at most 300)
 */
@EventType(value = "bookmark.commented", topic = Topics.COMMUNITY_EVENTS)
public record BookmarkCommented(
    long userId,
    long torrentId,
    String torrentTitle,
    long commentId,
    String author,
    String excerpt,
    Instant commentedAt)
    implements CommunityEvent {

  public BookmarkCommented {
    required(torrentTitle, "torrentTitle");
    required(author, "author");
    required(commentedAt, "commentedAt");
    excerpt = excerpt == null ? "" : excerpt;
  }
}
