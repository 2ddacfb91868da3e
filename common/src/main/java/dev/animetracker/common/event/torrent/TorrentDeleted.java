package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.optionalV2Hash;
import static dev.animetracker.common.event.Invariants.v1Hash;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/** A torrent was removed: out of listings and search, no longer served by the tracker. */
@EventType(value = "torrent.deleted", topic = Topics.TORRENT_EVENTS)
public record TorrentDeleted(
    long torrentId,
    String infoHash,
    String infoHashV2,
    long uploaderId,
    long deletedBy,
    Instant deletedAt,
    long version)
    implements TorrentEvent {

  public TorrentDeleted {
    v1Hash(infoHash, "infoHash");
    optionalV2Hash(infoHashV2, "infoHashV2");
  }
}
