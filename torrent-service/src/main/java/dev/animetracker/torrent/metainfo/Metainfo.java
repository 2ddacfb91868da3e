package dev.animetracker.torrent.metainfo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed and validated .torrent. Optional fields are {@code null} when absent.
 *
 * @param kind V1, V2 or HYBRID
 * @param v1InfoHash lowercase hex SHA-1 (40) of the original info bytes; {@code null} for V2
 * @param v2InfoHash lowercase hex SHA-256 (64) of the original info bytes; {@code null} for V1
 * @param name the torrent's name (single file name or root folder)
 * @param totalSize sum of the content file sizes, pad files excluded
 * @param files content files in torrent order, pad files excluded
 * @param pieceLength bytes per piece (power of two, at least 16 KiB)
 * @param pieceCount v1: number of SHA-1 piece hashes; v2-only: sum of the per-file piece counts
 * @param privateTorrent {@code private=1} in info (BEP 27)
 * @param createdBy {@code created by}, or null
 * @param comment {@code comment}, or null
 * @param creationDate {@code creation date}, or null
 * @param announce {@code announce}, or null
 * @param announceList {@code announce-list} tiers (BEP 12), empty tiers dropped; empty if absent
 * @param urlList web seeds (BEP 19 {@code url-list}); empty if absent
 * @param infoOffset where the info dictionary starts in the .torrent bytes
 * @param infoLength how many bytes the info dictionary takes
 */
public record Metainfo(
    TorrentKind kind,
    @Nullable String v1InfoHash,
    @Nullable String v2InfoHash,
    String name,
    long totalSize,
    List<TorrentFile> files,
    long pieceLength,
    long pieceCount,
    boolean privateTorrent,
    @Nullable String createdBy,
    @Nullable String comment,
    @Nullable Instant creationDate,
    @Nullable String announce,
    List<List<String>> announceList,
    List<String> urlList,
    int infoOffset,
    int infoLength) {

  public Metainfo {
    files = List.copyOf(files);
    announceList = announceList.stream().map(List::copyOf).toList();
    urlList = List.copyOf(urlList);
  }

  /**
   * The 20-byte key the tracker and clients use, as 40 lowercase hex: the v1 info hash, or for a
   * v2-only torrent the v2 info hash truncated to 20 bytes (BEP 52).
   */
  public String trackerKey() {
    return v1InfoHash != null ? v1InfoHash : Objects.requireNonNull(v2InfoHash).substring(0, 40);
  }

  public int fileCount() {
    return files.size();
  }
}
