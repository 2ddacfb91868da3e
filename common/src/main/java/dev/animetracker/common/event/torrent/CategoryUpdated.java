package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.required;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/**
 * A moderator renamed a category; read models update the names of all its torrents at once instead
 * of waiting for each torrent's next snapshot. Keyed by {@code category-<id>}, so one category's
 * renames arrive in order.
 */
@EventType(value = "category.updated", topic = Topics.TORRENT_EVENTS)
public record CategoryUpdated(CategoryRef category, Instant updatedAt) implements TorrentEvent {

  public CategoryUpdated {
    required(category, "category");
    required(updatedAt, "updatedAt");
  }
}
