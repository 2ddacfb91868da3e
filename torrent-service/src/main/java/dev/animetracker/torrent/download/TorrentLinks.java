package dev.animetracker.torrent.download;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Download tracker tiers and the download's Content-Disposition. */
public final class TorrentLinks {

  private TorrentLinks() {}

  /**
   * Each of our trackers as a tier of its own, in the configured order (HTTP, then UDP: BEP 12
   * clients try tiers in order but shuffle URLs within a tier), then the original tiers without our
   * URLs, each URL once, empty tiers dropped.
   */
  public static List<List<String>> downloadTiers(List<String> ours, List<List<String>> original) {
    Set<String> seen = new LinkedHashSet<>(ours);
    java.util.ArrayList<List<String>> tiers = new java.util.ArrayList<>();
    for (String url : seen) {
      tiers.add(List.of(url));
    }
    for (List<String> tier : original) {
      List<String> kept = tier.stream().filter(seen::add).toList();
      if (!kept.isEmpty()) {
        tiers.add(kept);
      }
    }
    return tiers;
  }

  /**
   * RFC 6266 {@code attachment} with an ASCII {@code filename} fallback and the full title as
   * {@code filename*} (RFC 8187); quotes, slashes, backslashes and control characters removed.
   */
  public static String contentDisposition(String title) {
    StringBuilder clean = new StringBuilder();
    title
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '"' || cp == '/' || cp == '\\' || Character.isISOControl(cp)) {
                clean.append(' ');
              } else if (Character.getType(cp) == Character.FORMAT
                  || Character.getType(cp) == Character.LINE_SEPARATOR
                  || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                clean.append(' ');
              } else {
                clean.appendCodePoint(cp);
              }
            });
    String name = clean.toString().replaceAll("\\s+", " ").strip();
    if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
      name = "download";
    }
    StringBuilder ascii = new StringBuilder();
    name.codePoints()
        .forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '%' ? (char) cp : '_'));
    return "attachment; filename=\""
        + ascii
        + ".torrent\"; filename*=UTF-8''"
        + rfc8187(name + ".torrent");
  }

  private static String rfc8187(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
