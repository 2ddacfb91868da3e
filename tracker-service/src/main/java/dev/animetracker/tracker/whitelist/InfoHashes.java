package dev.animetracker.tracker.whitelist;

import dev.animetracker.tracker.protocol.InfoHash;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Reads the hex info hashes of events and of the torrent-service whitelist. */
final class InfoHashes {

  private InfoHashes() {}

  /** The tracker key: 40 hex digits. */
  static InfoHash key(@Nullable String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("missing infoHash");
    }
    return InfoHash.fromHex(hex);
  }

  /** The truncated form of a 64-hex v2 hash, or null for a v1-only torrent. */
  static @Nullable InfoHash truncatedV2(@Nullable String hex) {
    if (hex == null || hex.isEmpty()) {
      return null;
    }
    return InfoHash.truncatedV2(HexFormat.of().parseHex(hex));
  }
}
