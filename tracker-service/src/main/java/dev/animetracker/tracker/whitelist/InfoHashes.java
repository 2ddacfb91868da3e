package dev.animetracker.tracker.whitelist;

import dev.animetracker.tracker.protocol.InfoHash;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Turns the hex info hashes of events and of the torrent-service whitelist into tracker keys; the
 * format check is common's {@link dev.animetracker.common.torrent.InfoHashes}, the same one every
 * service applies.
 */
final class InfoHashes {

  private InfoHashes() {}

  /** The tracker key: 40 hex digits. */
  static InfoHash key(@Nullable String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("missing infoHash");
    }
    return InfoHash.fromHex(dev.animetracker.common.torrent.InfoHashes.requireV1(hex, "infoHash"));
  }

  /** The truncated form of a 64-hex v2 hash, or null for a v1-only torrent. */
  static @Nullable InfoHash truncatedV2(@Nullable String hex) {
    if (hex == null || hex.isEmpty()) {
      return null;
    }
    return InfoHash.truncatedV2(
        HexFormat.of()
            .parseHex(dev.animetracker.common.torrent.InfoHashes.optionalV2(hex, "infoHashV2")));
  }
}
