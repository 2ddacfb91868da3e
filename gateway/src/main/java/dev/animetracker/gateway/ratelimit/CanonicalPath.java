package dev.animetracker.gateway.ratelimit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The form of a request path that every downstream router would agree on, for matching rate-limited
 * endpoints. The gateway forwards the raw path and the services decode it, so a limit keyed on the
 * raw text is bypassed by {@code /api/auth/%6cogin}, {@code //api/auth/login}, {@code
 * /api/auth/login/}, {@code /api/auth/./login} or {@code /api/auth/login;x}. Over-matching only
 * limits a request that would have failed anyway, so this errs on the side of matching.
 */
final class CanonicalPath {

  /** Percent-decoding rounds: one per layer that might decode (gateway, service, servlet). */
  private static final int MAX_DECODE_ROUNDS = 3;

  private CanonicalPath() {}

  /** Decoded, matrix parameters and dot segments removed, slashes collapsed, lower case. */
  static String of(String rawPath) {
    String path = rawPath;
    for (int round = 0; round < MAX_DECODE_ROUNDS && path.indexOf('%') >= 0; round++) {
      path = percentDecode(path);
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/", -1)) {
      int matrix = segment.indexOf(';');
      String name = (matrix >= 0 ? segment.substring(0, matrix) : segment).trim();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        segments.pollLast();
        continue;
      }
      segments.addLast(name.toLowerCase(Locale.ROOT));
    }
    return "/" + String.join("/", segments);
  }

  private static String percentDecode(String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
    int i = 0;
    while (i < path.length()) {
      int c = path.codePointAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int high = Character.digit(path.charAt(i + 1), 16);
        int low = Character.digit(path.charAt(i + 2), 16);
        if (high >= 0 && low >= 0) {
          out.write((high << 4) | low);
          i += 3;
          continue;
        }
      }
      out.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
      i += Character.charCount(c);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
