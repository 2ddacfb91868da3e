package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.required;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;

/** A torrent was uploaded: searchable, and whitelisted by the tracker. Keyed by info hash. */
@EventType(value = "torrent.created", topic = Topics.TORRENT_EVENTS)
public record TorrentCreated(TorrentSnapshot torrent) implements TorrentEvent {

  public TorrentCreated {
    required(torrent, "torrent");
  }
}
