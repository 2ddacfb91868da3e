package dev.animetracker.torrent.metainfo;

/**
 * What the parser accepts at most.
 *
 * @param maxTorrentBytes size of the .torrent file itself
 * @param maxFiles number of file entries (pad files included, they cost the same to parse)
 * @param maxTotalSize total declared content size in bytes (pad files included)
 * @param maxNesting bencode nesting depth (lists/dictionaries)
 */
public record MetainfoLimits(int maxTorrentBytes, int maxFiles, long maxTotalSize, int maxNesting) {

  public static final int DEFAULT_MAX_TORRENT_BYTES = 16 * 1024 * 1024;
  public static final int DEFAULT_MAX_FILES = 100_000;
  public static final long DEFAULT_MAX_TOTAL_SIZE = 64L << 40; // 64 TiB
  public static final int DEFAULT_MAX_NESTING = 64;

  public MetainfoLimits {
    if (maxTorrentBytes < 1 || maxFiles < 1 || maxTotalSize < 0 || maxNesting < 4) {
      throw new IllegalArgumentException("invalid limits");
    }
  }

  public static MetainfoLimits defaults() {
    return new MetainfoLimits(
        DEFAULT_MAX_TORRENT_BYTES, DEFAULT_MAX_FILES, DEFAULT_MAX_TOTAL_SIZE, DEFAULT_MAX_NESTING);
  }

  public MetainfoLimits withMaxFiles(int value) {
    return new MetainfoLimits(maxTorrentBytes, value, maxTotalSize, maxNesting);
  }

  public MetainfoLimits withMaxTotalSize(long value) {
    return new MetainfoLimits(maxTorrentBytes, maxFiles, value, maxNesting);
  }

  public MetainfoLimits withMaxNesting(int value) {
    return new MetainfoLimits(maxTorrentBytes, maxFiles, maxTotalSize, value);
  }

  public MetainfoLimits withMaxTorrentBytes(int value) {
    return new MetainfoLimits(value, maxFiles, maxTotalSize, maxNesting);
  }
}
