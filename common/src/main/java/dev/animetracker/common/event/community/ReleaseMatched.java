package dev.animetracker.common.event.community;

import static dev.animetracker.common.event.Invariants.required;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A new release matched one or more of a user's watches. search-service publishes at most one per
 * user and torrent (its {@code watch_match} row is unique), so a release followed three ways is one
 * notification and one mail. Keyed by user id.
 *
 * @param matchedBy every watch of the user that matched, never empty; the strongest delivery among
 *     them decides the mail (instant, else daily, else none)
 */
@EventType(value = "release.matched", topic = Topics.COMMUNITY_EVENTS)
public record ReleaseMatched(
    long userId,
    long torrentId,
    String title,
    String uploader,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<WatchRef> matchedBy,
    Instant uploadedAt)
    implements CommunityEvent {

  public ReleaseMatched {
    required(title, "title");
    required(uploadedAt, "uploadedAt");
    matchedBy = matchedBy == null ? List.of() : List.copyOf(matchedBy);
    if (matchedBy.isEmpty()) {
      throw new IllegalArgumentException("matchedBy must name at least one watch");
    }
  }
}
