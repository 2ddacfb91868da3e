package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.v1Hash;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/** A logged-in user downloaded the .torrent file; {@code downloads} is the new total. */
@EventType(value = "torrent.downloaded", topic = Topics.TORRENT_EVENTS)
public record TorrentDownloaded(
    long torrentId, String infoHash, long userId, Instant downloadedAt, long downloads)
    implements TorrentEvent {

  public TorrentDownloaded {
    v1Hash(infoHash, "infoHash");
  }
}
