package dev.animetracker.torrent.metainfo;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BInteger;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.common.bencode.BencodeException;
import dev.animetracker.common.bencode.Span;
import dev.animetracker.torrent.metainfo.MetainfoException.Codes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses and validates a .torrent file (BEP 3 v1, BEP 52 v2 and hybrid, BEP 47 pad files). Pure
 * Java, thread-safe, reusable. Every rejection is a {@link MetainfoException} with a stable code.
 */
public final class MetainfoParser {

  static final long MIN_PIECE_LENGTH = 16 * 1024;
  static final long MAX_PIECE_LENGTH = 1L << 30;
  private static final int SHA1_LENGTH = 20;
  private static final int SHA256_LENGTH = 32;
  private static final HexFormat HEX = HexFormat.of();

  private final MetainfoLimits limits;
  private final BDecoder decoder;

  public MetainfoParser() {
    this(MetainfoLimits.defaults());
  }

  public MetainfoParser(MetainfoLimits limits) {
    this.limits = Objects.requireNonNull(limits);
    this.decoder =
        new BDecoder(
            Math.min(limits.maxNesting(), BDecoder.MAX_SUPPORTED_DEPTH), limits.maxValues());
  }

  public MetainfoLimits limits() {
    return limits;
  }

  /**
   * Parses {@code torrent} (the whole .torrent file).
   *
   * @throws MetainfoException if the file is not an acceptable torrent
   */
  public Metainfo parse(byte[] torrent) {
    Objects.requireNonNull(torrent, "torrent");
    if (torrent.length > limits.maxTorrentBytes()) {
      throw new MetainfoException(
          Codes.TORRENT_TOO_LARGE,
          "The .torrent file is "
              + torrent.length
              + " bytes; the limit is "
              + limits.maxTorrentBytes()
              + " bytes.",
          Map.of("size", torrent.length, "limit", limits.maxTorrentBytes()));
    }
    BValue decoded = decode(torrent);
    if (!(decoded instanceof BDictionary root)) {
      throw new MetainfoException(
          Codes.NOT_A_DICTIONARY,
          "The file is not a .torrent: its top level is a "
              + typeName(decoded)
              + ", not a dictionary.");
    }
    BValue infoValue = root.get("info");
    if (infoValue == null) {
      throw new MetainfoException(
          Codes.MISSING_INFO, "The .torrent has no 'info' section (it may be a magnet or a feed).");
    }
    if (!(infoValue instanceof BDictionary info)) {
      throw new MetainfoException(
          Codes.BAD_INFO, "The .torrent's 'info' section is not a dictionary.");
    }
    Span infoSpan = root.spanOf("info").orElseThrow();
    return new Parse(root, info, torrent, infoSpan).run();
  }

  private BValue decode(byte[] torrent) {
    try {
      return decoder.decode(torrent);
    } catch (BencodeException e) {
      String code =
          switch (e.reason()) {
            case TRAILING_DATA -> Codes.TRAILING_DATA;
            case NESTING_TOO_DEEP -> Codes.NESTING_TOO_DEEP;
            case TOO_MANY_VALUES -> Codes.TOO_MANY_VALUES;
            default -> Codes.NOT_BENCODE;
          };
      String message =
          switch (e.reason()) {
            case TRAILING_DATA ->
                "The .torrent has extra data after its end (byte " + e.offset() + ").";
            case NESTING_TOO_DEEP ->
                "The .torrent is nested too deeply (more than "
                    + decoder.maxDepth()
                    + " levels) at byte "
                    + e.offset()
                    + ".";
            case TOO_MANY_VALUES ->
                "The .torrent holds more than "
                    + decoder.maxValues()
                    + " values; at most "
                    + limits.maxFiles()
                    + " files are accepted.";
            default -> "The file is not a valid .torrent: " + e.getMessage() + ".";
          };
      Map<String, Object> args =
          switch (e.reason()) {
            case NESTING_TOO_DEEP -> Map.of("offset", e.offset(), "limit", decoder.maxDepth());
            case TOO_MANY_VALUES -> Map.of("limit", limits.maxFiles());
            default -> Map.of("offset", e.offset());
          };
      throw new MetainfoException(code, message, args, e);
    }
  }

  /** One parse: holds the state of a single torrent. */
  private final class Parse {

    private final BDictionary root;
    private final BDictionary info;
    private final byte[] torrent;
    private final Span infoSpan;
    private long pieceLength;

    Parse(BDictionary root, BDictionary info, byte[] torrent, Span infoSpan) {
      this.root = root;
      this.info = info;
      this.torrent = torrent;
      this.infoSpan = infoSpan;
    }

    Metainfo run() {
      String name = name();
      pieceLength = pieceLength();

      BValue metaVersion = info.get("meta version");
      BValue fileTree = info.get("file tree");
      boolean hasV2 = metaVersion != null || fileTree != null;
      boolean hasV1 =
          info.containsKey("pieces") || info.containsKey("files") || info.containsKey("length");
      if (!hasV1 && !hasV2) {
        throw new MetainfoException(
            Codes.BAD_FILE_LIST,
            "The .torrent describes no files: its info section has no 'length', 'files' or"
                + " 'file tree'.");
      }

      FileList v1 = hasV1 ? v1Files(name) : null;
      FileList v2 = hasV2 ? v2Files(metaVersion, fileTree) : null;
      if (v1 != null && v2 != null) {
        checkHybrid(v1, v2);
      }
      TorrentKind kind =
          v1 == null ? TorrentKind.V2 : v2 == null ? TorrentKind.V1 : TorrentKind.HYBRID;
      // hasV1 || hasV2, so at least one of them is set.
      FileList described = v1 != null ? v1 : Objects.requireNonNull(v2);
      List<TorrentFile> files = described.files();
      long totalSize = described.contentSize();
      long pieceCount = described.pieceCount();

      byte[] infoBytes = infoSpan.slice(torrent);
      String v1Hash = v1 != null ? HEX.formatHex(digest("SHA-1", infoBytes)) : null;
      String v2Hash = v2 != null ? HEX.formatHex(digest("SHA-256", infoBytes)) : null;

      return new Metainfo(
          kind,
          v1Hash,
          v2Hash,
          name,
          totalSize,
          files,
          pieceLength,
          pieceCount,
          optionalInteger(info, "private") == 1L,
          optionalText(root, "created by"),
          optionalText(root, "comment"),
          creationDate(),
          optionalText(root, "announce"),
          announceList(),
          urlList(),
          infoSpan.start(),
          infoSpan.length());
    }

    private String name() {
      BValue value = info.get("name");
      if (!(value instanceof BString string) || string.length() == 0) {
        throw new MetainfoException(
            Codes.MISSING_NAME,
            value == null
                ? "The .torrent has no name."
                : "The .torrent's name is empty or not text.");
      }
      String name = string.utf8();
      checkComponent(name, name);
      return name;
    }

    private long pieceLength() {
      BValue value = info.get("piece length");
      if (!(value instanceof BInteger(long length))) {
        throw new MetainfoException(
            Codes.BAD_PIECE_LENGTH,
            value == null
                ? "The .torrent has no piece length."
                : "The .torrent's piece length is not a number.");
      }
      if (length < MIN_PIECE_LENGTH || length > MAX_PIECE_LENGTH || Long.bitCount(length) != 1) {
        throw new MetainfoException(
            Codes.BAD_PIECE_LENGTH,
            "The .torrent's piece length "
                + length
                + " is not a power of two between 16 KiB and 1 GiB.");
      }
      return length;
    }

    // ---- v1 (BEP 3, BEP 47) ----

    private FileList v1Files(String name) {
      BValue lengthValue = info.get("length");
      BValue filesValue = info.get("files");
      List<TorrentFile> content = new ArrayList<>();
      long allSize = 0;
      long contentSize = 0;
      if (lengthValue != null && filesValue != null) {
        throw new MetainfoException(
            Codes.BAD_FILE_LIST,
            "The .torrent has both a single-file 'length' and a 'files' list.");
      }
      if (lengthValue != null) {
        long length = length(lengthValue, name);
        checkTotal(length);
        allSize = length;
        contentSize = length;
        content.add(new TorrentFile(List.of(name), length));
      } else if (filesValue != null) {
        if (!(filesValue instanceof BList list) || list.size() == 0) {
          throw new MetainfoException(
              Codes.BAD_FILE_LIST, "The .torrent's file list is empty or not a list.");
        }
        checkFileCount(list.size());
        for (BValue entryValue : list.values()) {
          if (!(entryValue instanceof BDictionary entry)) {
            throw new MetainfoException(
                Codes.BAD_FILE_LIST,
                "The .torrent's file list contains an entry that is not a file.");
          }
          List<String> path = v1Path(entry.get("path"));
          String joined = String.join("/", path);
          long length = length(entry.get("length"), joined);
          allSize = addChecked(allSize, length);
          checkTotal(allSize);
          if (isPadFile(entry, path)) {
            continue;
          }
          contentSize += length;
          content.add(new TorrentFile(path, joined, length));
        }
        checkNoFileFolderClash(content);
      } else {
        throw new MetainfoException(
            Codes.BAD_FILE_LIST,
            "The .torrent has piece hashes but no 'length' or 'files' describing its content.");
      }

      BValue piecesValue = info.get("pieces");
      if (!(piecesValue instanceof BString pieces)) {
        throw new MetainfoException(
            Codes.PIECES_MISMATCH,
            piecesValue == null
                ? "The .torrent has no piece hashes."
                : "The .torrent's piece hashes are not a byte string.");
      }
      if (pieces.length() % SHA1_LENGTH != 0) {
        throw new MetainfoException(
            Codes.PIECES_MISMATCH,
            "The .torrent's piece hashes are "
                + pieces.length()
                + " bytes, which is not a multiple of 20.");
      }
      long expected = ceilDiv(allSize, pieceLength);
      long actual = pieces.length() / SHA1_LENGTH;
      if (actual != expected) {
        throw new MetainfoException(
            Codes.PIECES_MISMATCH,
            "The .torrent's piece hashes don't match its size: "
                + allSize
                + " bytes in pieces of "
                + pieceLength
                + " need "
                + expected
                + " hashes, but it has "
                + actual
                + ".");
      }
      return new FileList(content, contentSize, actual);
    }

    private List<String> v1Path(@Nullable BValue value) {
      if (!(value instanceof BList list) || list.size() == 0) {
        throw new MetainfoException(
            Codes.BAD_FILE_LIST, "The .torrent's file list contains a file without a path.");
      }
      List<String> path = new ArrayList<>(list.size());
      for (BValue component : list.values()) {
        if (!(component instanceof BString string)) {
          throw new MetainfoException(
              Codes.BAD_FILE_LIST, "The .torrent's file list contains a path that is not text.");
        }
        path.add(string.utf8());
      }
      String joined = String.join("/", path);
      for (String component : path) {
        checkComponent(component, joined);
      }
      return path;
    }

    private static boolean isPadFile(BDictionary entry, List<String> path) {
      if (entry.get("attr") instanceof BString attr && attr.utf8().indexOf('p') >= 0) {
        return true;
      }
      return path.getFirst().equals(".pad") || path.getLast().startsWith("_____padding_file_");
    }

    private long length(@Nullable BValue value, String path) {
      if (value == null) {
        throw new MetainfoException(
            Codes.BAD_LENGTH, "The .torrent's file '" + path + "' has no length.");
      }
      if (!(value instanceof BInteger(long length))) {
        throw new MetainfoException(
            Codes.BAD_LENGTH,
            "The .torrent's file '" + path + "' has a length that is not a number.");
      }
      if (length < 0) {
        throw new MetainfoException(
            Codes.BAD_LENGTH,
            "The .torrent's file '" + path + "' has a negative length (" + length + ").");
      }
      if (length > limits.maxTotalSize()) {
        throw tooLarge(length);
      }
      return length;
    }

    // ---- v2 (BEP 52) ----

    private FileList v2Files(@Nullable BValue metaVersion, @Nullable BValue fileTreeValue) {
      if (!(metaVersion instanceof BInteger(long version)) || version != 2) {
        throw new MetainfoException(
            Codes.BAD_V2_STRUCTURE,
            metaVersion == null
                ? "The .torrent has a v2 file tree but no 'meta version'."
                : "The .torrent's 'meta version' is not 2 (only BitTorrent v1 and v2 are"
                    + " supported).");
      }
      if (!(fileTreeValue instanceof BDictionary fileTree) || fileTree.isEmpty()) {
        throw new MetainfoException(
            Codes.BAD_V2_STRUCTURE,
            fileTreeValue == null
                ? "The .torrent says it is v2 but has no 'file tree'."
                : "The .torrent's v2 'file tree' is empty or not a dictionary.");
      }
      BValue layersValue = root.get("piece layers");
      if (layersValue != null && !(layersValue instanceof BDictionary)) {
        throw new MetainfoException(
            Codes.BAD_V2_STRUCTURE, "The .torrent's 'piece layers' is not a dictionary.");
      }
      V2Walk walk = new V2Walk((BDictionary) layersValue);
      walk.directory(fileTree, new ArrayList<>());
      checkNoFileFolderClash(walk.files);
      return new FileList(walk.files, walk.contentSize, walk.pieceCount);
    }

    private final class V2Walk {
      private final @Nullable BDictionary layers;
      private final List<TorrentFile> files = new ArrayList<>();
      private long contentSize;
      private long pieceCount;
      private int entries;

      V2Walk(@Nullable BDictionary layers) {
        this.layers = layers;
      }

      void directory(BDictionary directory, List<String> prefix) {
        for (int i = 0; i < directory.size(); i++) {
          BString key = directory.keyAt(i);
          String component = key.utf8();
          List<String> path = new ArrayList<>(prefix);
          path.add(component);
          String joined = String.join("/", path);
          if (key.length() == 0) {
            throw badTree(
                "a file entry is mixed with folder entries in '" + String.join("/", prefix) + "'");
          }
          checkComponent(component, joined);
          if (!(directory.valueAt(i) instanceof BDictionary node) || node.isEmpty()) {
            throw badTree("'" + joined + "' is neither a file nor a non-empty folder");
          }
          BValue leaf = node.get("");
          if (leaf != null) {
            if (node.size() != 1) {
              throw badTree("'" + joined + "' is both a file and a folder");
            }
            file(leaf, path, joined);
          } else {
            directory(node, path);
          }
        }
      }

      private void file(BValue leafValue, List<String> path, String joined) {
        checkFileCount(++entries);
        if (!(leafValue instanceof BDictionary leaf)) {
          throw badTree("the entry of file '" + joined + "' is not a dictionary");
        }
        long length = length(leaf.get("length"), joined);
        contentSize = addChecked(contentSize, length);
        checkTotal(contentSize);
        if (length > 0) {
          BValue rootValue = leaf.get("pieces root");
          if (!(rootValue instanceof BString piecesRoot) || piecesRoot.length() != SHA256_LENGTH) {
            throw badTree("file '" + joined + "' has no valid 32-byte 'pieces root'");
          }
          long filePieces = ceilDiv(length, pieceLength);
          pieceCount += filePieces;
          if (length > pieceLength) {
            BValue layer = layers == null ? null : layers.get(piecesRoot);
            if (!(layer instanceof BString hashes)) {
              throw badTree("the piece layer of file '" + joined + "' is missing");
            }
            if (hashes.length() != filePieces * SHA256_LENGTH) {
              throw badTree(
                  "the piece layer of file '"
                      + joined
                      + "' has "
                      + hashes.length()
                      + " bytes, expected "
                      + filePieces * SHA256_LENGTH);
            }
          }
        }
        if (leaf.get("attr") instanceof BString attr && attr.utf8().indexOf('p') >= 0) {
          return; // a pad file has no business in a file tree, but never list it
        }
        files.add(new TorrentFile(path, joined, length));
      }
    }

    private static MetainfoException badTree(String detail) {
      return new MetainfoException(
          Codes.BAD_V2_STRUCTURE, "The .torrent's v2 file tree is invalid: " + detail + ".");
    }

    private void checkHybrid(FileList v1, FileList v2) {
      if (v1.files.size() != v2.files.size()) {
        throw new MetainfoException(
            Codes.HYBRID_MISMATCH,
            "The .torrent's v1 and v2 file lists differ: "
                + v1.files.size()
                + " files versus "
                + v2.files.size()
                + ".");
      }
      for (int i = 0; i < v1.files.size(); i++) {
        TorrentFile a = v1.files.get(i);
        TorrentFile b = v2.files.get(i);
        if (!a.path().equals(b.path()) || a.size() != b.size()) {
          throw new MetainfoException(
              Codes.HYBRID_MISMATCH,
              "The .torrent's v1 and v2 file lists differ: '"
                  + a.fullPath()
                  + "' ("
                  + a.size()
                  + " bytes) versus '"
                  + b.fullPath()
                  + "' ("
                  + b.size()
                  + " bytes).");
        }
      }
    }

    // ---- shared checks ----

    private void checkFileCount(long count) {
      if (count > limits.maxFiles()) {
        throw new MetainfoException(
            Codes.TOO_MANY_FILES,
            "The .torrent lists "
                + (count == limits.maxFiles() + 1L ? "more than " + limits.maxFiles() : count)
                + " files; at most "
                + limits.maxFiles()
                + " are allowed.",
            Map.of("limit", limits.maxFiles()));
      }
    }

    private void checkTotal(long total) {
      if (total > limits.maxTotalSize()) {
        throw tooLarge(total);
      }
    }

    private MetainfoException tooLarge(long size) {
      return new MetainfoException(
          Codes.TOO_LARGE,
          "The .torrent's content is larger than the limit of "
              + humanSize(limits.maxTotalSize())
              + " (at least "
              + humanSize(size)
              + ").",
          Map.of("limit", limits.maxTotalSize()));
    }

    private long addChecked(long a, long b) {
      long sum = a + b;
      if (sum < 0) { // both are non-negative, so this is an overflow
        throw tooLarge(Long.MAX_VALUE);
      }
      return sum;
    }

    private void checkComponent(String component, String path) {
      String problem = componentProblem(component);
      if (problem != null) {
        throw new MetainfoException(
            Codes.UNSAFE_PATH,
            "The .torrent's file list contains an unsafe path '"
                + printable(path)
                + "' ("
                + problem
                + ").");
      }
    }

    private MetainfoException duplicate(String path) {
      return new MetainfoException(
          Codes.DUPLICATE_PATH,
          "The .torrent's file list contains '" + printable(path) + "' more than once.");
    }

    /**
     * Rejects the same path twice and "a" as a file next to "a/b" (a path that is both a file and a
     * folder). Sorted component by component, a path that is a folder of another sorts right before
     * a path inside it, so neighbours are all there is to compare: no prefix strings (which cost
     * the square of the path depth per file).
     */
    private void checkNoFileFolderClash(List<TorrentFile> files) {
      List<List<String>> paths = new ArrayList<>(files.size());
      for (TorrentFile file : files) {
        paths.add(file.path());
      }
      paths.sort(MetainfoParser::compareComponents);
      for (int i = 1; i < paths.size(); i++) {
        List<String> before = paths.get(i - 1);
        List<String> after = paths.get(i);
        if (before.size() <= after.size() && after.subList(0, before.size()).equals(before)) {
          String joined = String.join("/", before);
          if (before.size() == after.size()) {
            throw duplicate(joined);
          }
          throw new MetainfoException(
              Codes.DUPLICATE_PATH,
              "The .torrent's file list uses '"
                  + printable(joined)
                  + "' as both a file and a folder.");
        }
      }
    }

    // ---- optional fields ----

    private @Nullable String optionalText(BDictionary dictionary, String key) {
      BValue value = dictionary.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof BString string)) {
        throw badField(key, "is not text");
      }
      return string.utf8();
    }

    private long optionalInteger(BDictionary dictionary, String key) {
      BValue value = dictionary.get(key);
      if (value == null) {
        return 0;
      }
      if (!(value instanceof BInteger(long number))) {
        throw badField(key, "is not a number");
      }
      return number;
    }

    private @Nullable Instant creationDate() {
      if (!root.containsKey("creation date")) {
        return null;
      }
      long seconds = optionalInteger(root, "creation date");
      // Year 0..9999 in epoch seconds.
      if (seconds < -62_167_219_200L || seconds > 253_402_300_799L) {
        throw badField("creation date", "is not a plausible date");
      }
      return Instant.ofEpochSecond(seconds);
    }

    private List<List<String>> announceList() {
      BValue value = root.get("announce-list");
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof BList tiers)) {
        throw badField("announce-list", "is not a list of tracker tiers");
      }
      List<List<String>> result = new ArrayList<>();
      for (BValue tierValue : tiers.values()) {
        if (!(tierValue instanceof BList tier)) {
          throw badField("announce-list", "is not a list of tracker tiers");
        }
        List<String> urls = new ArrayList<>();
        for (BValue url : tier.values()) {
          if (!(url instanceof BString string)) {
            throw badField("announce-list", "contains a tracker that is not text");
          }
          urls.add(string.utf8());
        }
        if (!urls.isEmpty()) {
          result.add(urls);
        }
      }
      return result;
    }

    private List<String> urlList() {
      BValue value = root.get("url-list");
      if (value == null) {
        return List.of();
      }
      if (value instanceof BString single) {
        return single.length() == 0 ? List.of() : List.of(single.utf8());
      }
      if (!(value instanceof BList list)) {
        throw badField("url-list", "is neither a URL nor a list of URLs");
      }
      List<String> urls = new ArrayList<>();
      for (BValue url : list.values()) {
        if (!(url instanceof BString string)) {
          throw badField("url-list", "contains a URL that is not text");
        }
        urls.add(string.utf8());
      }
      return urls;
    }

    private static MetainfoException badField(String key, String problem) {
      return new MetainfoException(
          Codes.BAD_FIELD, "The .torrent's '" + key + "' field " + problem + ".");
    }
  }

  /** The content files of one file list (v1 {@code files}/{@code length}, or the v2 tree). */
  private record FileList(List<TorrentFile> files, long contentSize, long pieceCount) {}

  /** Why a path component is unsafe, or null if it is fine. */
  private static int compareComponents(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int order = a.get(i).compareTo(b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  static @Nullable String componentProblem(String component) {
    if (component.isEmpty()) {
      return "empty name";
    }
    if (component.equals(".") || component.equals("..")) {
      return "'" + component + "' is not allowed";
    }
    if (component.length() >= 2
        && component.charAt(1) == ':'
        && Character.isLetter(component.charAt(0))) {
      return "absolute Windows path";
    }
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '/' || c == '\\') {
        return "contains a path separator";
      }
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        return "contains a control character";
      }
    }
    return null;
  }

  private static String printable(String path) {
    StringBuilder out = new StringBuilder();
    path.codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static long ceilDiv(long value, long divisor) {
    return value == 0 ? 0 : (value - 1) / divisor + 1;
  }

  private static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  private static String typeName(BValue value) {
    return switch (value) {
      case BInteger integer -> "number";
      case BString string -> "byte string";
      case BList list -> "list";
      case BDictionary dictionary -> "dictionary";
      default -> "value";
    };
  }

  static String humanSize(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
