package dev.animetracker.torrent.metainfo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The most expensive legal .torrent for a parser's limits: as many file entries as the limits let
 * through, each with a deep path of one-letter folders (the cheapest bytes that become objects),
 * then a {@code pieces} string padding the file to the size limit. Written by hand, byte by byte,
 * so that building it costs nothing like parsing it.
 */
public final class WorstCaseTorrents {

  private WorstCaseTorrents() {}

  /**
   * @param maxBytes the file size to reach (at most)
   * @param files how many file entries
   * @param depth path components per file (the last one makes each path unique)
   */
  public static byte[] v1(int maxBytes, int files, int depth) {
    return v1(maxBytes, files, depth, "worst");
  }

  /** The same with this torrent name (a different info hash per name). */
  public static byte[] v1(int maxBytes, int files, int depth, String name) {
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    for (int i = 0; i < files; i++) {
      entries.writeBytes(ascii("d6:lengthi1e4:pathl"));
      for (int c = 1; c < depth; c++) {
        entries.writeBytes(ascii("1:a"));
      }
      String last = Integer.toString(i);
      entries.writeBytes(ascii(last.length() + ":" + last + "ee"));
    }
    String head = "d4:infod5:filesl";
    String middle = "e4:name" + name.length() + ":" + name + "12:piece lengthi16384e6:pieces";
    int fixed = head.length() + entries.size() + middle.length() + 4 + 2;
    // pieces must be 20 bytes per piece of the total size: make the last file big enough.
    int room = Math.max(20, ((maxBytes - fixed - 16) / 20) * 20);
    long pieces = Math.max(room / 20, files / 16384 + 1);
    room = (int) (pieces * 20);
    long total = pieces * 16384;
    byte[] bytes = entries.toByteArray();
    String lastLength = "i1e";
    String bigLength = "i" + (total - (files - 1)) + "e";
    // Replace the last entry's length with the big one.
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.lastIndexOf("6:length" + lastLength);
    text = text.substring(0, at) + "6:length" + bigLength + text.substring(at + 8 + 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream(maxBytes);
    out.writeBytes(ascii(head));
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(ascii(middle + room + ":"));
    out.writeBytes(new byte[room]);
    out.writeBytes(ascii("ee"));
    return out.toByteArray();
  }

  /** The most files of {@code depth} components the parser's value budget lets through. */
  public static int filesWithinBudget(int maxValues, int depth) {
    return (maxValues - 64) / (depth + 5);
  }

  /** The most files of {@code depth} components that fit in {@code maxBytes} without pieces. */
  public static int filesThatFit(int maxBytes, int depth) {
    int perFile = 19 + (depth - 1) * 3 + 8 + 2;
    return (maxBytes - 200) / perFile;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
