package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.optionalV2Hash;
import static dev.animetracker.common.event.Invariants.v1Hash;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.animetracker.common.release.ParsedRelease;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The full public state of a torrent after a change, so consumers (search read model, tracker
 * whitelist) never need to call back. {@code version} grows with every change of the torrent; a
 * consumer ignores a snapshot older than the one it holds. The release flags read as false when
 * absent: snapshots written before they existed stay in outboxes and topics across an upgrade.
 *
 * @param infoHash 40 hex: the v1 info hash, or the first 20 bytes of the v2 hash for v2-only
 *     torrents (the tracker key)
 * @param infoHashV2 64 hex, or {@code null} for v1-only torrents
 * @param release what the release name says (parsed at upload, corrected by the uploader); {@code
 *     null} from producers that predate release fields
 * @param trusted uploaded by an account moderators marked trusted (Nyaa's green rows)
 * @param remake a re-encode or re-upload of another group's release (Nyaa's red rows)
 * @param complete a batch of a finished series
 * @param series the series the release belongs to (found from its parsed title, corrected by the
 *     uploader or a moderator); {@code null} when none is known or from older producers
 *     <p>The flags read as false when absent: snapshots written before they existed stay in
 *     outboxes and topics across an upgrade.
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
    long version,
    @Nullable ParsedRelease release,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean trusted,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean remake,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean complete,
    @Nullable SeriesRef series) {

  /**
   * What every consumer relies on: the hashes it is keyed by. Title, category and creation time are
   * checked by the read model that shows them (search-service); the tracker needs none of them.
   */
  public TorrentSnapshot {
    v1Hash(infoHash, "torrent.infoHash");
    optionalV2Hash(infoHashV2, "torrent.infoHashV2");
  }
}
