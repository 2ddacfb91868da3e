package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.optionalV2Hash;
import static dev.animetracker.common.event.Invariants.v1Hash;

import java.time.Instant;
import java.util.List;

/**
 * The full public state of a torrent after a change, so consumers (search read model, tracker
 * whitelist) never need to call back. {@code version} grows with every change of the torrent; a
 * consumer ignores a snapshot older than the one it holds.
 *
 * @param infoHash 40 hex: the v1 info hash, or the first 20 bytes of the v2 hash for v2-only
 *     torrents (the tracker key)
 * @param infoHashV2 64 hex, or {@code null} for v1-only torrents
 */
public record TorrentSnapshot(
    long torrentId,
    String infoHash,
    String infoHashV2,
    String title,
    String description,
    CategoryRef category,
    List<TagRef> tags,
    long size,
    int fileCount,
    long uploaderId,
    String uploaderUsername,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * What every consumer relies on: the hashes it is keyed by. Title, category and creation time are
   * checked by the read model that shows them (search-service); the tracker needs none of them.
   */
  public TorrentSnapshot {
    v1Hash(infoHash, "torrent.infoHash");
    optionalV2Hash(infoHashV2, "torrent.infoHashV2");
  }
}
