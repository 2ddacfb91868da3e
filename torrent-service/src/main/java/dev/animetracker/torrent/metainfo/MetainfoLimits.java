package dev.animetracker.torrent.metainfo;

/**
 * What the parser accepts at most.
 *
 * @param maxTorrentBytes size of the .torrent file itself
 * @param maxFiles number of file entries (pad files included, they cost the same to parse)
 * @param maxTotalSize total declared content size in bytes (pad files included)
 * @param maxNesting bencode nesting depth (lists/dictionaries)
 * @see #maxValues()
 */
public record MetainfoLimits(int maxTorrentBytes, int maxFiles, long maxTotalSize, int maxNesting) {

  public static final int DEFAULT_MAX_TORRENT_BYTES = 16 * 1024 * 1024;

  /**
   * 20k files: more than any release we host needs, and with {@link #maxValues()} what bounds the
   * memory of the worst legal file (100k files of 32-deep paths allocated ~70 times its size).
   */
  public static final int DEFAULT_MAX_FILES = 20_000;

  /**
   * Bencode values allowed per file entry: a hybrid torrent's file with a 4-deep path needs ~18.
   */
  public static final int VALUES_PER_FILE = 20;

  public static final long DEFAULT_MAX_TOTAL_SIZE = 64L << 40; // 64 TiB
  public static final int DEFAULT_MAX_NESTING = 64;

  public MetainfoLimits {
    if (maxTorrentBytes < 1 || maxFiles < 1 || maxTotalSize < 0 || maxNesting < 4) {
      throw new IllegalArgumentException("invalid limits");
    }
  }

  /**
   * The decoder's budget of bencode values, derived from {@link #maxFiles()} so that every torrent
   * within the file limit decodes, and nothing much bigger does: it bounds the objects a file turns
   * into however it is shaped (a few dozen bytes each).
   */
  public int maxValues() {
    return (int) Math.min(Integer.MAX_VALUE, 1024 + (long) VALUES_PER_FILE * maxFiles);
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
