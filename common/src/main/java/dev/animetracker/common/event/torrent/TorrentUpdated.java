package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.required;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;

/**
 * Title, description, category or tags changed (by the uploader or a moderator). Keyed by info
 * hash.
 */
@EventType(value = "torrent.updated", topic = Topics.TORRENT_EVENTS)
public record TorrentUpdated(TorrentSnapshot torrent, long changedBy) implements TorrentEvent {

  public TorrentUpdated {
    required(torrent, "torrent");
  }
}
