package dev.animetracker.torrent.metainfo;

import java.util.Map;

/**
 * A .torrent that cannot be accepted. {@link #code()} is stable and machine-readable (see {@link
 * Codes}); the message is English for API users, and {@link #args()} holds the values it quotes
 * (byte offset, limits) so the site can say the same in its reader's language. The web layer turns
 * it into a 400 problem with the same code and {@code args}.
 */
public class MetainfoException extends RuntimeException {

  private final String code;
  private final Map<String, Object> args;

  public MetainfoException(String code, String message) {
    this(code, message, Map.of());
  }

  public MetainfoException(String code, String message, Map<String, Object> args) {
    super(message);
    this.code = code;
    this.args = Map.copyOf(args);
  }

  public MetainfoException(String code, String message, Throwable cause) {
    this(code, message, Map.of(), cause);
  }

  public MetainfoException(String code, String message, Map<String, Object> args, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.args = Map.copyOf(args);
  }

  public String code() {
    return code;
  }

  /** The values the message quotes, by name (e.g. {@code offset}, {@code limit}). */
  public Map<String, Object> args() {
    return args;
  }

  /** The stable error codes. */
  public static final class Codes {
    /** Bytes that are not strict, canonical bencode (also the empty file, truncated files). */
    public static final String NOT_BENCODE = "not-bencode";

    /** Bytes after the end of the torrent's top-level dictionary. */
    public static final String TRAILING_DATA = "trailing-data";

    /** Lists/dictionaries nested deeper than the limit. */
    public static final String NESTING_TOO_DEEP = "nesting-too-deep";

    /** The file is larger than the upload limit for .torrent files. */
    public static final String TORRENT_TOO_LARGE = "torrent-too-large";

    /** Valid bencode, but the top-level value is not a dictionary. */
    public static final String NOT_A_DICTIONARY = "not-a-dictionary";

    /** No {@code info} dictionary. */
    public static final String MISSING_INFO = "missing-info";

    /** {@code info} is there but is not a dictionary. */
    public static final String BAD_INFO = "bad-info";

    /** No usable {@code name}. */
    public static final String MISSING_NAME = "missing-name";

    /** {@code piece length} missing, not a power of two or outside 16 KiB..1 GiB. */
    public static final String BAD_PIECE_LENGTH = "bad-piece-length";

    /** {@code pieces} missing, not a multiple of 20 bytes, or not matching the total size. */
    public static final String PIECES_MISMATCH = "pieces-mismatch";

    /** Neither {@code length}, {@code files} nor {@code file tree}, or a malformed file entry. */
    public static final String BAD_FILE_LIST = "bad-file-list";

    /** A file length that is missing, not an integer or negative. */
    public static final String BAD_LENGTH = "bad-length";

    /** A name or path component that is empty, {@code .}, {@code ..}, absolute, etc. */
    public static final String UNSAFE_PATH = "unsafe-path";

    /** The same path twice, or a path that is both a file and a folder. */
    public static final String DUPLICATE_PATH = "duplicate-path";

    /** More bencode values than the budget derived from the file limit. */
    public static final String TOO_MANY_VALUES = "too-many-values";

    /** More files than the limit. */
    public static final String TOO_MANY_FILES = "too-many-files";

    /** Total declared size above the limit (or overflowing). */
    public static final String TOO_LARGE = "too-large";

    /** A malformed BEP 52 (v2) part: meta version, file tree, pieces root, piece layers. */
    public static final String BAD_V2_STRUCTURE = "bad-v2-structure";

    /** A hybrid torrent whose v1 and v2 file lists differ. */
    public static final String HYBRID_MISMATCH = "hybrid-mismatch";

    /** An optional field (announce, comment, creation date, ...) of the wrong type. */
    public static final String BAD_FIELD = "bad-field";

    private Codes() {}
  }
}
